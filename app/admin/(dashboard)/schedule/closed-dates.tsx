import type { ClosedDate } from "@/db/schema";
import { formatDateLong } from "@/lib/booking/calendar";
import styles from "../catalog-editor.module.css";
import { ActionButton } from "../action-form";
import { BranchField } from "../branch-picker";
import { EditRow } from "../edit-row";

/** Coming days the shop is shut (holidays), with the reason customers are told. */
export function ClosedDates({ closedDates, today, branchId }: { closedDates: ClosedDate[]; today: string; branchId: number }) {
  return (
    <ul className={styles.rows}>
      {closedDates.map((c) => (
        <EditRow key={c.date} action="reopenDateAction">
          <BranchField branchId={branchId} />
          <input type="hidden" name="date" value={c.date} />
          <span className={styles.name}>
            <strong>{formatDateLong(c.date)}</strong>
            {c.reason ? ` — ${c.reason}` : ""}
          </span>
          <ActionButton label={`Buka lagi ${formatDateLong(c.date)}`} kind="remove">
            Buka lagi
          </ActionButton>
        </EditRow>
      ))}
      <EditRow action="closeDateAction">
        <BranchField branchId={branchId} />
        <label>
          Tanggal
          <input type="date" name="date" min={today} required />
        </label>
        <label className={styles.name}>
          Alasan
          <input type="text" name="reason" maxLength={120} placeholder="Libur Idul Fitri" />
        </label>
        <ActionButton>Tutup tanggal ini</ActionButton>
      </EditRow>
    </ul>
  );
}
