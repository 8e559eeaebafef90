import type { AuditEntry } from "@/db/schema";
import { redactAuditValue } from "@/lib/admin/audit-line";
import { formatWibDateTime } from "@/lib/booking/calendar";
import styles from "./admin.module.css";

/** Audit entries as a table; before/after as compact JSON, without Midtrans' signature (older rows stored whole notifications). */
export function AuditTable({ entries, showEntity = true }: { entries: AuditEntry[]; showEntity?: boolean }) {
  if (entries.length === 0) return <p className={styles.muted}>Belum ada catatan.</p>;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th>Waktu (WIB)</th>
            <th>Oleh</th>
            <th>Aksi</th>
            {showEntity && <th>Objek</th>}
            <th>Sebelum</th>
            <th>Sesudah</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatWibDateTime(entry.at)}</td>
              <td>
                {entry.actor}
                {entry.ip && <div className={styles.muted}>{entry.ip}</div>}
              </td>
              <td>{entry.action}</td>
              {showEntity && (
                <td>
                  {entry.entity === "order" ? <a href={`/admin/orders/${entry.entityId}`}>{entry.entityId.slice(0, 8)}</a> : `${entry.entity} ${entry.entityId}`}
                </td>
              )}
              <td>{entry.before ? <pre className={styles.pre}>{JSON.stringify(redactAuditValue(entry.before))}</pre> : "—"}</td>
              <td>{entry.after ? <pre className={styles.pre}>{JSON.stringify(redactAuditValue(entry.after))}</pre> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
