import type { NotificationRecord } from "@/lib/playground/midtrans/store";
import styles from "./midtrans.module.css";

/** What the stand-in sent to the shop's notification route, and how the shop answered. */
export function NotificationLog({ notifications }: { notifications: NotificationRecord[] }) {
  if (notifications.length === 0) return null;
  return (
    <section className={styles.log} aria-label="Notifikasi ke toko">
      <h2>Notifikasi HTTP ke toko</h2>
      <ul>
        {notifications.map((n) => (
          <li key={n.id} data-testid="notification">
            <code>{n.transaction_status}</code>
            {n.duplicate && " (ulang)"} →{" "}
            <span className={n.httpStatus && n.httpStatus < 300 ? styles.ok : styles.bad}>{n.httpStatus ? `HTTP ${n.httpStatus}` : n.error}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
