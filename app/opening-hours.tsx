import { formatDateLong } from "@/lib/booking/calendar";
import type { Language } from "@/lib/booking/status-labels";
import { groupWeek } from "@/lib/booking/weekly-hours";
import type { HomeView } from "@/lib/site/home-view";
import { homeTexts } from "@/lib/site/texts";
import styles from "./home.module.css";

/** The slots customers can book on each weekday (days with the same slots together), and the dates the shop is shut. */
export function OpeningHours({ view, language = "id" }: { view: HomeView; language?: Language }) {
  const { settings, week, closedAhead } = view;
  const t = homeTexts(language);
  const groups = groupWeek(week, language);
  const open = groups.filter((g) => g.labels.length > 0);
  const shut = groups.filter((g) => g.labels.length === 0);
  return (
    <>
      {open.length === 0 ? (
        <p>{t.scheduleUpdating}</p>
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
        {shut.length > 0 ? t.closedEvery(shut.map((g) => g.days).join(", ")) : t.openEveryDay}
        {t.horizon(settings.bookingHorizonDays)}
      </p>
      {closedAhead.length > 0 && (
        <>
          <h3 className={styles.subhead}>{t.holidays}</h3>
          <ul className={styles.closed}>
            {closedAhead.map((c) => (
              <li key={c.date}>
                {formatDateLong(c.date, language)}
                {c.reason ? ` — ${c.reason}` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
