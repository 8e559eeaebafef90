import { formatDateLong } from "@/lib/booking/calendar";
import { groupWeek } from "@/lib/booking/weekly-hours";
import type { HomeView } from "@/lib/site/home-view";
import styles from "./home.module.css";

/** The slots customers can book on each weekday (days with the same slots together), and the dates the shop is shut. */
export function OpeningHours({ view }: { view: HomeView }) {
  const { settings, week, closedAhead } = view;
  const groups = groupWeek(week);
  const open = groups.filter((g) => g.labels.length > 0);
  const shut = groups.filter((g) => g.labels.length === 0);
  return (
    <>
      {open.length === 0 ? (
        <p>Jadwal servis sedang diperbarui.</p>
      ) : (
        open.map((g) => (
          <div key={g.days}>
            {(open.length > 1 || shut.length > 0) && <h3 className={styles.subhead}>{g.days}</h3>}
            <ul className={styles.slots}>
              {g.labels.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
          </div>
        ))
      )}
      <p className={styles.small}>
        {shut.length > 0 ? `Tutup setiap ${shut.map((g) => g.days).join(", ")}. ` : "Buka setiap hari. "}
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
