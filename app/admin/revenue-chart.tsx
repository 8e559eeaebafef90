import type { DayRevenue } from "@/db/queries/admin-dashboard";
import { formatDateDmy } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import styles from "./admin.module.css";

const WIDTH = 520;
const HEIGHT = 160;
const AXIS = 20;

/** Money received per day as bars, drawn on the server (no chart library, no client script). */
export function RevenueChart({ days }: { days: DayRevenue[] }) {
  const top = Math.max(1, ...days.map((d) => d.revenue));
  const slot = WIDTH / Math.max(1, days.length);
  const total = days.reduce((sum, d) => sum + d.revenue, 0);
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} className={styles.chart} role="img" aria-label={`Pendapatan ${days.length} hari terakhir: total ${formatRupiah(total)}`}>
        {days.map((d, i) => {
          const h = Math.round((d.revenue / top) * (HEIGHT - 10));
          return (
            <g key={d.day}>
              <rect x={i * slot + 3} y={HEIGHT - h} width={slot - 6} height={Math.max(h, 1)} fill={d.revenue ? "#0f766e" : "#cbd5e1"} rx={2}>
                <title>{`${formatDateDmy(d.day)}: ${formatRupiah(d.revenue)} (${d.paidOrders} pesanan)`}</title>
              </rect>
              {i % 2 === days.length % 2 ? null : (
                <text x={i * slot + slot / 2} y={HEIGHT + 14} fontSize={10} textAnchor="middle" fill="#475569">
                  {d.day.slice(8, 10)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.muted}>Pendapatan per hari (tanggal bayar, WIB); arahkan kursor ke batang untuk jumlahnya.</figcaption>
    </figure>
  );
}
