import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { getTodayView } from "@/lib/admin/today";
import { EVERY_BRANCH, pickTodayBranches } from "@/lib/admin/today-branches";
import { formatDateLong } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { RevenueChart } from "../revenue-chart";
import { CodeCell, StatusCells } from "../order-cells";
import { CustomerName } from "../customer-name";
import { BranchPicker, NoBranch } from "./branch-picker";
import styles from "../admin.module.css";
import type { Order } from "@/db/schema";
import { requireAdminPage } from "@/lib/admin/session";

export const metadata: Metadata = { title: "Hari ini" };

/** `technicianNames`: empty when the shop has no technician (no column then). */
function OrderRows({ orders, technicianNames }: { orders: Order[]; technicianNames: Map<number, string> }) {
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
            {technicianNames.size > 0 && <th>Teknisi</th>}
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
              {technicianNames.size > 0 && (
                <td data-label="Teknisi">{order.technicianId === null ? <span className={styles.muted}>belum ada</span> : technicianNames.get(order.technicianId)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TodayPage({ searchParams }: Props) {
  // Staff of some branches see their branches' day (a crafted ?cabang= of another shows theirs); the money is the whole shop's.
  const admin = await requireAdminPage("/admin");
  const db = await getDb();
  const shown = await pickTodayBranches(db, admin, (await searchParams).cabang);
  if (shown.branches.length === 0) return <NoBranch />;
  const view = await getTodayView(db, shown);
  const named = shown.pick.several && shown.branches.length > 1;
  const money = view.money;
  const everyBranchNote = shown.pick.several ? " (semua cabang)" : "";
  return (
    <>
      <h1>Hari ini, {formatDateLong(view.date)}</h1>
      <BranchPicker pick={shown.pick} path="/admin" every={{ value: EVERY_BRANCH, chosen: shown.every }} />
      {shown.withMoney && (
        <p>
          <Link className={styles.button} href="/admin/orders/new">
            + Pesanan baru
          </Link>
        </p>
      )}
      <section className={styles.cards} aria-label="Ringkasan">
        <div className={styles.card}>
          <strong>{view.appointmentsToday}</strong>
          <span>jadwal servis hari ini</span>
        </div>
        <div className={styles.card}>
          <strong>{view.bookingsMadeToday}</strong>
          <span>booking baru hari ini</span>
        </div>
        {money && (
          <>
            <div className={styles.card}>
              <strong>{formatRupiah(money.revenueToday)}</strong>
              <span>{`pendapatan hari ini${everyBranchNote}`}</span>
            </div>
            <div className={styles.card}>
              <strong>{formatRupiah(money.revenueWeek)}</strong>
              <span>{`pendapatan 7 hari${everyBranchNote}`}</span>
            </div>
          </>
        )}
      </section>
      {money && (
        <section className={styles.panel} aria-label="Grafik pendapatan">
          <RevenueChart days={money.chart} />
        </section>
      )}
      {view.slots.map(({ slot, branch, orders }) => (
        <section key={slot.id} className={styles.slot}>
          <h2>
            {named ? `${branch.name} · ${slot.label}` : slot.label} <span className={styles.muted}>({slot.taken} dari {slot.capacity} terisi)</span>
          </h2>
          <OrderRows orders={orders} technicianNames={view.technicianNames} />
        </section>
      ))}
      {view.otherOrders.length > 0 && (
        <section className={styles.slot}>
          <h2>Slot yang sudah dinonaktifkan</h2>
          <OrderRows orders={view.otherOrders} technicianNames={view.technicianNames} />
        </section>
      )}
    </>
  );
}
