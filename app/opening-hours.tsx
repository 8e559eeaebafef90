import { formatDateLong, weekdayName } from "@/lib/booking/calendar";
import type { Language } from "@/lib/booking/status-labels";
import type { HomeView } from "@/lib/site/home-view";
import { homeTexts } from "@/lib/site/texts";
import styles from "./home.module.css";

/** The slots customers can book, the weekly closed days and the dates the shop is shut. */
export function OpeningHours({ view, language = "id" }: { view: HomeView; language?: Language }) {
  const { settings, slots, closedAhead } = view;
  const t = homeTexts(language);
  return (
    <>
      {slots.length > 0 ? (
        <ul className={styles.slots}>
          {slots.map((s) => (
            <li key={s.id}>{s.label}</li>
          ))}
        </ul>
      ) : (
        <p>{t.scheduleUpdating}</p>
      )}
      <p className={styles.small}>
        {settings.closedWeekdays.length > 0
          ? t.closedEvery(settings.closedWeekdays.map((d) => weekdayName(d, language)).join(", "))
          : t.openEveryDay}
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
