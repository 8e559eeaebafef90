import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { getTodayView } from "@/lib/admin/today";
import { formatDateLong } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { RevenueChart } from "../revenue-chart";
import { CodeCell, StatusCells } from "../order-cells";
import { CustomerName } from "../customer-name";
import styles from "../admin.module.css";
import type { Order } from "@/db/schema";
import { requireAdminPage } from "@/lib/admin/session";

export const metadata: Metadata = { title: "Hari ini" };

function OrderRows({ orders }: { orders: Order[] }) {
  if (orders.length === 0) return <p className={styles.muted}>Belum ada booking.</p>;
  return (
    <div className={styles.tableWrap}>
      <table className={`${styles.table} ${styles.cardList}`}>
        <thead>
          <tr>
            <th>Kode</th>
            <th>Pelanggan</th>
            <th>Device</th>
            <th>Servis</th>
            <th>Pembayaran</th>
            <th>Perbaikan</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <CodeCell order={order} />
              <td data-label="Pelanggan">
                <CustomerName order={order} />
              </td>
              <td data-label="Device">{order.deviceName}</td>
              <td data-label="Servis">{order.partName}</td>
              <StatusCells order={order} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function TodayPage() {
  await requireAdminPage("/admin", { wholeShop: true });
  const view = await getTodayView(await getDb());
  return (
    <>
      <h1>Hari ini, {formatDateLong(view.date)}</h1>
      <p>
        <Link className={styles.button} href="/admin/orders/new">
          + Pesanan baru
        </Link>
      </p>
      <section className={styles.cards} aria-label="Ringkasan">
        <div className={styles.card}>
          <strong>{view.appointmentsToday}</strong>
          <span>jadwal servis hari ini</span>
        </div>
        <div className={styles.card}>
          <strong>{view.bookingsMadeToday}</strong>
          <span>booking baru hari ini</span>
        </div>
        <div className={styles.card}>
          <strong>{formatRupiah(view.revenueToday)}</strong>
          <span>pendapatan hari ini</span>
        </div>
        <div className={styles.card}>
          <strong>{formatRupiah(view.revenueWeek)}</strong>
          <span>pendapatan 7 hari</span>
        </div>
      </section>
      <section className={styles.panel} aria-label="Grafik pendapatan">
        <RevenueChart days={view.chart} />
      </section>
      {view.slots.map(({ slot, orders }) => (
        <section key={slot.id} className={styles.slot}>
          <h2>
            {slot.label} <span className={styles.muted}>({slot.taken} dari {slot.capacity} terisi)</span>
          </h2>
          <OrderRows orders={orders} />
        </section>
      ))}
      {view.otherOrders.length > 0 && (
        <section className={styles.slot}>
          <h2>Slot yang sudah dinonaktifkan</h2>
          <OrderRows orders={view.otherOrders} />
        </section>
      )}
    </>
  );
}
