import type { DayRevenue } from "@/db/queries/admin-dashboard";
import { formatDateDmy } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import styles from "./admin.module.css";

/**
 * Money received per day as bars, drawn on the server (no chart library, no
 * client script). Plain boxes rather than an SVG of fixed proportions, so it
 * fills its panel on a desktop and stays legible on a phone.
 */
export function RevenueChart({ days }: { days: DayRevenue[] }) {
  const top = Math.max(1, ...days.map((d) => d.revenue));
  const total = days.reduce((sum, d) => sum + d.revenue, 0);
  return (
    <figure className={styles.chartFigure}>
      <div className={styles.chart} role="img" aria-label={`Pendapatan ${days.length} hari terakhir: total ${formatRupiah(total)}`} data-testid="revenue-chart">
        {days.map((d, i) => (
          <div key={d.day} className={styles.chartDay} title={`${formatDateDmy(d.day)}: ${formatRupiah(d.revenue)} (${d.paidOrders} pesanan)`}>
            <div className={styles.chartTrack}>
              <div className={d.revenue ? styles.chartBar : styles.chartBarEmpty} style={{ height: `${Math.max(1, Math.round((d.revenue / top) * 100))}%` }} />
            </div>
            {/* Every other day labelled, counted from the last (today), so labels never crowd on a phone. */}
            <span className={styles.chartLabel}>{(days.length - 1 - i) % 2 === 0 ? d.day.slice(8, 10) : " "}</span>
          </div>
        ))}
      </div>
      <figcaption className={styles.muted}>Pendapatan per hari (tanggal bayar, WIB); arahkan kursor ke batang untuk jumlahnya.</figcaption>
    </figure>
  );
}
