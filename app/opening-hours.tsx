import { formatDateLong } from "@/lib/booking/calendar";
import type { HomeView } from "@/lib/site/home-view";
import styles from "./home.module.css";

const WEEKDAY_NAMES = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

/** The slots customers can book, the weekly closed days and the dates the shop is shut. */
export function OpeningHours({ view }: { view: HomeView }) {
  const { settings, slots, closedAhead } = view;
  return (
    <>
      {slots.length > 0 ? (
        <ul className={styles.slots}>
          {slots.map((s) => (
            <li key={s.id}>{s.label}</li>
          ))}
        </ul>
      ) : (
        <p>Jadwal servis sedang diperbarui.</p>
      )}
      <p className={styles.small}>
        {settings.closedWeekdays.length > 0
          ? `Tutup setiap ${settings.closedWeekdays.map((d) => WEEKDAY_NAMES[d]).join(", ")}. `
          : "Buka setiap hari. "}
        Booking dibuka sampai {settings.bookingHorizonDays} hari ke depan.
      </p>
      {closedAhead.length > 0 && (
        <>
          <h3 className={styles.subhead}>Libur</h3>
          <ul className={styles.closed}>
            {closedAhead.map((c) => (
              <li key={c.date}>
                {formatDateLong(c.date)}
                {c.reason ? ` — ${c.reason}` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
