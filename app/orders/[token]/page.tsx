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
import { warrantyLabel, warrantyStateOf } from "@/lib/booking/warranty";
import { virtualAccountText } from "@/lib/payments/texts";
import { orderPageTexts } from "@/lib/site/order-page-texts";
import { askedLanguage, languageSwitch, pageLanguage } from "@/lib/site/page-language";
import { ShopContactCard } from "../../shop-contact";
import { needsPayPanel } from "@/lib/site/pay-panel-watch";
import { PayPanel } from "./pay-panel";
import styles from "./order.module.css";

export const dynamic = "force-dynamic";
// The token is the customer's key to this page: keep it out of search engines and referrers.
export const metadata: Metadata = { title: "Data Order", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const view = await getOrderStatusView(token, new Date(), askedLanguage(query.lang));
  if (!view) notFound();
  const language = pageLanguage(query.lang, view.order.language);
  const shop = await loadShopInfo(await getDb(), language, { configVersion: view.configVersion, branchId: view.order.branchId });
  const { json, order, canPay, methodLabel, virtualAccount } = view;
  const labels = labelsFor(language);
  const t = orderPageTexts(language);
  const other = languageSwitch(language, `/orders/${token}`);
  const tone = json.paymentStatus === "paid" ? styles.ok : ["failed", "expired"].includes(json.paymentStatus) ? styles.bad : styles.wait;
  const warranty = warrantyLabel(warrantyStateOf(order, new Date()), language);
  const rows: [string, string][] = [
    [t.bookingCode, json.bookingCode],
    [t.total, formatRupiah(json.amount)],
    [labels.repairHeading, labels.repair[json.repairStatus]],
    ...(warranty ? [[language === "en" ? "Warranty" : "Garansi", warranty] as [string, string]] : []),
    [t.appointment, `${formatDateLong(json.serviceDate, language)}, ${json.slot}`],
    [t.device, json.device],
    [t.service, json.part],
    [labels.methodHeading, methodLabel],
    [t.createdAt, formatWibDateTime(order.createdAt)],
  ];
  return (
    <main className={styles.page} lang={language}>
      <p className={styles.note}>
        <a href={other.href} hrefLang={other.lang} lang={other.lang} data-testid="language-switch">
          {other.label}
        </a>
      </p>
      <h1 className={styles.title}>{t.title}</h1>
      <section className={styles.card} aria-label={t.summaryLabel}>
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
        <section className={styles.card} aria-label={t.transferLabel}>
          <pre className={styles.va}>{virtualAccountText(order, virtualAccount, language)}</pre>
        </section>
      )}
      {order.paymentMethod === "pay_at_shop" && json.paymentStatus === "unpaid" && json.repairStatus !== "cancelled" && (
        <p className={styles.note} data-testid="pay-at-shop">
          {order.warrantyOfOrderId && order.amountIdr === 0
            ? "Klaim garansi: tidak ada biaya. Bawa perangkat Anda ke toko sesuai jadwal."
            : order.amountIdr > 0
            ? `Bayar ${formatRupiah(order.amountIdr)} di kasir toko saat Anda datang. Jadwal Anda tetap tersimpan.`
            : "Tidak ada yang perlu dibayar sekarang: biaya perbaikan ditentukan setelah pengecekan di toko dan dibayar di kasir."}
        </p>
      )}
      {json.paymentStatus === "review" && (
        <p className={styles.note} role="status">
          {t.cardInReview}
        </p>
      )}
      {canPay && order.holdExpiresAt && <p className={styles.note}>{t.payBefore(order.holdExpiresAt)}</p>}
      {needsPayPanel({ canPay, paymentStatus: json.paymentStatus }) && (
        <PayPanel
        token={token}
        canPay={canPay}
        virtualAccountLive={Boolean(virtualAccount)}
        paymentStatus={json.paymentStatus}
        repairStatus={json.repairStatus}
        returnedFromPayment={Boolean(query.transaction_status || query.order_id)}
        snap={canPay ? snapScriptConfig() : undefined}
        language={language}
        texts={t.pay}
      />
      )}
      <section className={styles.card} aria-label={t.shopLabel}>
        <ShopContactCard heading={t.shopHeading} info={shop} language={language} />
      </section>
    </main>
  );
}
