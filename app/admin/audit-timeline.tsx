import type { AuditEntry } from "@/db/schema";
import { describeAuditEntry } from "@/lib/admin/audit-line";
import styles from "./admin.module.css";

/** An order's history as readable lines, oldest first; the stored before/after folded under each line. */
export function AuditTimeline({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className={styles.muted}>Belum ada catatan.</p>;
  const lines = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
  return (
    <ol className={styles.timeline} data-testid="order-history">
      {lines.map((entry) => {
        const line = describeAuditEntry(entry);
        return (
          <li key={entry.id}>
            <time dateTime={entry.at.toISOString()} title={line.atFull}>
              {line.at}
            </time>{" "}
            — {line.who && <strong>{line.who}: </strong>}
            {line.text}
            {line.detail && (
              <details>
                <summary>Detail</summary>
                <pre className={styles.pre}>{line.detail}</pre>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
