// GET /orders/{status_token} – "Data Order": the customer's status/pay page
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { formatDateLong, formatWibDateTime } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { snapScriptConfig } from "@/lib/payments/midtrans-client";
import { getOrderStatusView } from "@/lib/payments/order-status";
import { loadShopInfo } from "@/lib/site/shop-info";
import { labelsFor } from "@/lib/booking/status-labels";
import { virtualAccountText } from "@/lib/payments/texts";
import { ShopContactCard } from "../../shop-contact";
import { PayPanel } from "./pay-panel";
import styles from "./order.module.css";

export const dynamic = "force-dynamic";
// The token is the customer's key to this page: keep it out of search engines and referrers.
export const metadata: Metadata = { title: "Data Order", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const view = await getOrderStatusView(token);
  if (!view) notFound();
  const shop = await loadShopInfo(await getDb());
  const { json, order, canPay, methodLabel, virtualAccount } = view;
  const labels = labelsFor("id");
  const tone = json.paymentStatus === "paid" ? styles.ok : ["failed", "expired"].includes(json.paymentStatus) ? styles.bad : styles.wait;
  const rows: [string, string][] = [
    ["Kode booking", json.bookingCode],
    ["Total", formatRupiah(json.amount)],
    [labels.repairHeading, labels.repair[json.repairStatus]],
    ["Jadwal servis", `${formatDateLong(json.serviceDate, "id")}, ${json.slot}`],
    ["Perangkat", json.device],
    ["Layanan", json.part],
    [labels.methodHeading, methodLabel],
    ["Tanggal transaksi", formatWibDateTime(order.createdAt)],
  ];
  return (
    <main className={styles.page}>
      <h1 className={styles.title}>Data Order</h1>
      <section className={styles.card} aria-label="Ringkasan pesanan">
        <p className={styles.statusLine}>
          {labels.paymentHeading}:{" "}
          <strong data-testid="payment-status" data-status={json.paymentStatus} className={`${styles.badge} ${tone}`}>
            {labels.payment[json.paymentStatus]}
          </strong>
        </p>
        <dl className={styles.list}>
          {rows.map(([label, value]) => (
            <div key={label} className={styles.row}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {virtualAccount && (
        <section className={styles.card} aria-label="Instruksi transfer">
          <pre className={styles.va}>{virtualAccountText(order, virtualAccount)}</pre>
        </section>
      )}
      {order.paymentMethod === "pay_at_shop" && json.paymentStatus === "unpaid" && json.repairStatus !== "cancelled" && (
        <p className={styles.note} data-testid="pay-at-shop">
          {order.amountIdr > 0
            ? `Bayar ${formatRupiah(order.amountIdr)} di kasir toko saat Anda datang. Jadwal Anda tetap tersimpan.`
            : "Tidak ada yang perlu dibayar sekarang: biaya perbaikan ditentukan setelah pengecekan di toko dan dibayar di kasir."}
        </p>
      )}
      {json.paymentStatus === "review" && (
        <p className={styles.note} role="status">
          Pembayaran kartu Anda sedang diperiksa oleh penyedia pembayaran. Jadwal tetap disimpan; halaman ini berubah sendiri begitu ada keputusan.
        </p>
      )}
      {canPay && order.holdExpiresAt && (
        <p className={styles.note}>Selesaikan pembayaran sebelum {formatWibDateTime(order.holdExpiresAt)} agar jadwal tetap tersimpan.</p>
      )}
      <PayPanel
        token={token}
        canPay={canPay}
        virtualAccountLive={Boolean(virtualAccount)}
        paymentStatus={json.paymentStatus}
        repairStatus={json.repairStatus}
        returnedFromPayment={Boolean(query.transaction_status || query.order_id)}
        snap={canPay ? snapScriptConfig() : undefined}
      />
      <section className={styles.card} aria-label="Lokasi toko">
        <ShopContactCard heading="Datang ke toko" info={shop} />
      </section>
    </main>
  );
}
