import type { Order } from "@/db/schema";
import { summarizeCustomer } from "@/lib/admin/customer-history";
import { formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { formatIndonesianPhone } from "@/lib/booking/phone";
import { CustomerName } from "./customer-name";
import { CodeCell, ServiceCell, StatusCells } from "./order-cells";
import styles from "./admin.module.css";

/** One customer's orders (newest first, at least one), totals and visits: by chat or by phone. */
export function CustomerHistoryView({ orders }: { orders: [Order, ...Order[]] }) {
  const history = summarizeCustomer(orders, todayInJakarta());
  const phones = [...new Set(orders.map((o) => o.customerPhone).filter((p): p is string => Boolean(p)))];
  const chats = [...new Set(orders.map((o) => o.chatId).filter((c): c is number => c !== null))];
  return (
    <>
      <h1>
        <CustomerName order={orders[0]} />
      </h1>
      <section className={styles.panel} aria-label="Ringkasan pelanggan">
        <dl className={styles.details}>
          <dt>Booking</dt>
          <dd>
            {history.bookings} pesanan{orders.length > history.bookings && <span className={styles.muted}> (+{orders.length - history.bookings} dibatalkan)</span>}
          </dd>
          <dt>Total dibayar</dt>
          <dd>{formatRupiah(history.paidTotalIdr)}</dd>
          <dt>Kunjungan terakhir</dt>
          <dd>{history.lastVisit ? formatDateDmy(history.lastVisit) : "—"}</dd>
          <dt>Jadwal berikutnya</dt>
          <dd>{history.nextVisit ? formatDateDmy(history.nextVisit) : "—"}</dd>
          <dt>No. HP</dt>
          <dd>{phones.length ? phones.map(formatIndonesianPhone).join(", ") : "—"}</dd>
          <dt>Chat Telegram</dt>
          <dd className={styles.muted}>{chats.length ? chats.join(", ") : "belum ada (pesanan di kasir)"}</dd>
        </dl>
      </section>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th>Kode</th>
              <th>Jadwal</th>
              <th>Servis</th>
              <th className={styles.num}>Total</th>
              <th>Pembayaran</th>
              <th>Perbaikan</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id}>
                <CodeCell order={order} />
                <td>{formatDateDmy(order.serviceDate)}</td>
                <ServiceCell order={order} />
                <td className={styles.num}>{formatRupiah(order.amountIdr)}</td>
                <StatusCells order={order} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
