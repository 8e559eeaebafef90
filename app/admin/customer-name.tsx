import type { Order } from "@/db/schema";
import { formatIndonesianPhone } from "@/lib/booking/phone";
import styles from "./admin.module.css";

/** A customer as staff know them: the name, and under it the @username (Telegram) or the phone (a counter order). */
export function CustomerName({ order }: { order: Pick<Order, "customerName" | "telegramUsername" | "customerPhone"> }) {
  return (
    <>
      {order.customerName || "—"}
      {order.telegramUsername && <div className={styles.muted}>@{order.telegramUsername}</div>}
      {order.customerPhone && <div className={styles.muted}>{formatIndonesianPhone(order.customerPhone)}</div>}
    </>
  );
}
