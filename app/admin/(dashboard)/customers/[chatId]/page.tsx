// GET /admin/customers/<chatId> – one customer's orders, totals and visits (from the order page)
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { listChatOrders } from "@/db/queries/orders";
import { summarizeCustomer } from "@/lib/admin/customer-history";
import { requireAdminPage } from "@/lib/admin/session";
import { formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { CustomerName } from "../../../customer-name";
import { PaymentBadge, RepairBadge } from "../../../status-badges";
import styles from "../../../admin.module.css";

export const metadata: Metadata = { title: "Pelanggan" };

const MAX_ORDERS = 500;

export default async function CustomerPage({ params }: { params: Promise<{ chatId: string }> }) {
  const { chatId } = await params;
  await requireAdminPage(`/admin/customers/${encodeURIComponent(chatId)}`);
  if (!/^-?\d{1,15}$/.test(chatId)) notFound();
  const orders = await listChatOrders(await getDb(), { chatId: Number(chatId), limit: MAX_ORDERS });
  if (orders.length === 0) notFound();
  const history = summarizeCustomer(orders, todayInJakarta());
  return (
    <>
      <h1>
        <CustomerName order={orders[0]!} />
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
          <dt>Chat Telegram</dt>
          <dd className={styles.muted}>{chatId}</dd>
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
                <td>
                  <Link href={`/admin/orders/${order.id}`}>{order.bookingCode}</Link>
                </td>
                <td>{formatDateDmy(order.serviceDate)}</td>
                <td>
                  {order.partName}
                  <div className={styles.muted}>{order.deviceName}</div>
                </td>
                <td className={styles.num}>{formatRupiah(order.amountIdr)}</td>
                <td>
                  <PaymentBadge status={order.paymentStatus} refund={order.needsRefund} />
                </td>
                <td>
                  <RepairBadge status={order.repairStatus} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
