import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { listNotificationEntries, listOrdersToRefund, listRecentAttempts } from "@/db/queries/admin-dashboard";
import { formatWibDateTime } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { notificationSummary } from "@/lib/admin/notification-summary";
import { PaymentBadge } from "../../status-badges";
import styles from "../../admin.module.css";
import { requireAdminPage } from "@/lib/admin/session";
import { isOwner } from "@/lib/admin/roles";

export const metadata: Metadata = { title: "Pembayaran" };

export default async function PaymentsPage() {
  const owner = isOwner(await requireAdminPage("/admin/payments", { wholeShop: true }));
  const db = await getDb();
  const [refunds, attempts, notifications] = await Promise.all([listOrdersToRefund(db), listRecentAttempts(db), listNotificationEntries(db)]);
  return (
    <>
      <h1>Pembayaran</h1>
      <h2>Perlu refund ({refunds.length})</h2>
      {refunds.length === 0 ? (
        <p className={styles.muted}>Tidak ada pembayaran ganda atau pesanan lunas yang dibatalkan.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th>Kode</th>
                <th>Pelanggan</th>
                <th className={styles.num}>Total</th>
                <th>Status</th>
                <th>Diperbarui</th>
                <th>
                  <span className={styles.muted}>Aksi</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {refunds.map((order) => (
                <tr key={order.id}>
                  <td>
                    <Link href={`/admin/orders/${order.id}`}>{order.bookingCode}</Link>
                  </td>
                  <td>{order.customerName}</td>
                  <td className={styles.num}>{formatRupiah(order.amountIdr)}</td>
                  <td>
                    <PaymentBadge status={order.paymentStatus} refund />
                  </td>
                  <td>{formatWibDateTime(order.updatedAt)}</td>
                  <td>
                    <Link href={`/admin/orders/${order.id}#refund`}>{owner ? "Refund" : "Lihat"}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Percobaan pembayaran terbaru</h2>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th>Order ID Midtrans</th>
              <th>Pesanan</th>
              <th>Jenis / metode</th>
              <th>Status Midtrans</th>
              <th className={styles.num}>Jumlah</th>
              <th>Diperbarui</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map(({ payment, bookingCode, orderId, customerName }) => (
              <tr key={payment.id}>
                <td>{payment.midtransOrderId}</td>
                <td>
                  <Link href={`/admin/orders/${orderId}`}>{bookingCode}</Link> <span className={styles.muted}>{customerName}</span>
                </td>
                <td>
                  {payment.kind} <span className={styles.muted}>{payment.paymentType ?? ""}</span>
                </td>
                <td>{payment.transactionStatus ?? "belum ada"}</td>
                <td className={styles.num}>{formatRupiah(payment.grossAmount)}</td>
                <td>{formatWibDateTime(payment.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Notifikasi Midtrans terbaru</h2>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th>Waktu (WIB)</th>
              <th>Order ID</th>
              <th>Status</th>
              <th>Putusan</th>
              <th>Dari IP</th>
            </tr>
          </thead>
          <tbody>
            {notifications.map((entry) => {
              const summary = notificationSummary(entry);
              return (
                <tr key={entry.id}>
                  <td>{formatWibDateTime(entry.at)}</td>
                  <td>{summary.orderId}</td>
                  <td>{summary.transactionStatus}</td>
                  <td>
                    <span className={`${styles.badge} ${summary.tone === "ok" ? styles.badgeOk : summary.tone === "bad" ? styles.badgeBad : ""}`}>{summary.verdict}</span>
                  </td>
                  <td>{entry.ip ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
