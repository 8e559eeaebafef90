import type { Slot } from "@/db/schema";
import { cellName } from "@/lib/admin/weekday-hours";
import { WEEK_ORDER, WEEKDAY_NAMES } from "@/lib/booking/weekly-hours";
import { ActionButton, ActionForm } from "../action-form";
import styles from "../catalog-editor.module.css";

/**
 * Slot × weekday: the places each slot takes on each weekday. Empty follows the
 * slot's own capacity (shown as the placeholder); 0 = the slot does not run that day.
 */
export function WeekdayGrid({ slots, capacities, closedWeekdays }: { slots: Slot[]; capacities: Map<string, number>; closedWeekdays: number[] }) {
  const active = slots.filter((s) => s.active);
  if (active.length === 0) return <p className={styles.note}>Belum ada jam servis aktif.</p>;
  return (
    <ActionForm action="saveWeekAction" className="">
      <div className={styles.gridScroll}>
        <table className={styles.grid}>
          <thead>
            <tr>
              <th scope="col">Jam</th>
              {WEEK_ORDER.map((d) => (
                <th scope="col" key={d} className={closedWeekdays.includes(d) ? styles.shut : undefined}>
                  {WEEKDAY_NAMES[d].slice(0, 3)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {active.map((slot) => (
              <tr key={slot.id}>
                <th scope="row" title={slot.label}>
                  {slot.startTime.replace(":", ".")}
                </th>
                {WEEK_ORDER.map((d) => (
                  <td key={d}>
                    <input
                      type="number"
                      inputMode="numeric"
                      name={cellName(slot.id, d)}
                      min={0}
                      max={100}
                      defaultValue={capacities.get(`${slot.id}:${d}`)}
                      placeholder={String(slot.capacity)}
                      aria-label={`Kapasitas ${slot.label} hari ${WEEKDAY_NAMES[d]}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ActionButton>Simpan jadwal mingguan</ActionButton>
    </ActionForm>
  );
}
