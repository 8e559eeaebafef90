import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { listAuditEntries } from "@/db/queries/admin-dashboard";
import { listOrderNotes } from "@/db/queries/order-notes";
import { findOrderById, listWarrantyClaims } from "@/db/queries/orders";
import { getShopSettings } from "@/db/queries/settings";
import { paymentLinkShare } from "@/lib/admin/counter-order";
import { customerHistoryPath } from "@/lib/admin/customer-history";
import { hasReceipt } from "@/lib/admin/job-sheet";
import { formatIndonesianPhone, whatsappLink } from "@/lib/booking/phone";
import { MAX_NOTE_LENGTH } from "@/lib/admin/order-notes";
import { listOrderPayments } from "@/db/queries/payments";
import { listAllSlots } from "@/db/queries/slots";
import { listTechnicians } from "@/db/queries/technicians";
import { findAdminById } from "@/db/queries/admins";
import { listTechnicianChoices } from "@/lib/admin/order-technician";
import { repairCautionText, repairMoveCaution, repairMovesFrom } from "@/lib/admin/repair-flow";
import { formatDateDmy, formatWibDateTime, todayInJakarta } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { PAYMENT_METHOD_LABEL } from "@/lib/payments/texts";
import { PaymentBadge, RepairBadge } from "../../../status-badges";
import { AuditTimeline } from "../../../audit-timeline";
import { addNote, cancelOrder, changeTechnician, moveRepairStatus, recordCash, reschedule } from "./actions";
import { OrderNotes } from "./order-notes";
import { CancelForm, CashForm, RepairStatusForm, RescheduleForm, TechnicianForm } from "./action-forms";
import styles from "../../../admin.module.css";
import { isOwner } from "@/lib/admin/roles";
import { requireAdminPage } from "@/lib/admin/session";
import { mayHandleOrder } from "@/lib/admin/branch-scope";
import { listOrderRefunds } from "@/db/queries/refunds";
import { RefundPanel } from "./refund-panel";
import { WarrantyDetails } from "./warranty-details";

export const metadata: Metadata = { title: "Detail pesanan" };

/** Paid at the till: no online payment link to send. */
const OFFLINE_METHODS = new Set(["pay_at_shop", "cash"]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Props = { params: Promise<{ id: string }> };

export default async function OrderDetailPage({ params }: Props) {
  const { id } = await params;
  const admin = await requireAdminPage(`/admin/orders/${encodeURIComponent(id)}`);
  if (!UUID.test(id)) notFound();
  const db = await getDb();
  const order = await findOrderById(db, { id });
  // Another branch's order is not there for staff of this one, whatever id is asked for.
  if (!order || !(await mayHandleOrder(db, admin, order))) notFound();
  const [attempts, history, slots, notes, refunds, claimOf, claims, technicians] = await Promise.all([
    listOrderPayments(db, { orderId: id }),
    listAuditEntries(db, { filters: { entity: "order", entityId: id }, limit: 200 }),
    listAllSlots(db),
    listOrderNotes(db, { orderId: id }),
    listOrderRefunds(db, { orderId: id }),
    order.warrantyOfOrderId ? findOrderById(db, { id: order.warrantyOfOrderId }) : undefined,
    listWarrantyClaims(db, { orderId: id }),
    listTechnicians(db),
  ]);
  const assigned = order.technicianId === null ? undefined : (technicians.find((t) => t.id === order.technicianId) ?? (await findAdminById(db, { id: order.technicianId })));
  const technicianName = assigned?.username;
  const historyPath = customerHistoryPath(order);
  const share = paymentLinkShare(order, (await getShopSettings(db)).shopName);
  const open = order.repairStatus !== "cancelled" && order.repairStatus !== "completed";
  const technicianChoices = open && technicians.length > 0 ? await listTechnicianChoices(db, { order, technicians }) : [];
  const payable = open && !["paid", "review"].includes(order.paymentStatus);
  const today = todayInJakarta();
  const moves = repairMovesFrom(order).map((status) => {
    const caution = repairMoveCaution(order, status, today);
    return { status, caution: caution && repairCautionText(caution, status, order.serviceDate) };
  });
  return (
    <>
      <h1>
        Pesanan {order.bookingCode} <RepairBadge status={order.repairStatus} /> <PaymentBadge status={order.paymentStatus} refund={order.needsRefund} />
      </h1>
      <section className={styles.panel} aria-label="Data pesanan">
        <dl className={styles.details}>
          <dt>Pelanggan</dt>
          <dd>
            {order.customerName || "—"} {order.telegramUsername && <span className={styles.muted}>@{order.telegramUsername}</span>}
            {order.customerPhone && (
              <>
                {" · "}
                <a href={whatsappLink(order.customerPhone)} target="_blank" rel="noopener noreferrer">
                  {formatIndonesianPhone(order.customerPhone)}
                </a>
              </>
            )}
            <span className={styles.muted}>
              {order.chatId === null ? " · dibuat di kasir, tanpa Telegram" : ` · chat ${order.chatId}`} · bahasa {order.language}
            </span>{" "}
            {historyPath && <Link href={historyPath}>Riwayat pelanggan</Link>}
          </dd>
          {order.faultDescription && (
            <>
              <dt>Keluhan</dt>
              <dd className={styles.faultText}>{order.faultDescription}</dd>
            </>
          )}
          <dt>Jadwal</dt>
          <dd>
            {formatDateDmy(order.serviceDate)}, {order.slotLabel}
          </dd>
          <dt>Servis</dt>
          <dd>
            {order.partName} – {order.deviceName}
          </dd>
          {(technicianName || technicians.length > 0) && (
            <>
              <dt>Teknisi</dt>
              <dd>{technicianName ?? "Belum ditentukan"}</dd>
            </>
          )}
          <WarrantyDetails order={order} claimOf={claimOf} claims={claims} />
          {order.faultPhotos.length > 0 && (
            <>
              <dt>Foto kerusakan</dt>
              <dd className={styles.faultPhotos}>
                {order.faultPhotos.map((_, i) => (
                  <a key={i} href={`/admin/orders/${order.id}/photos/${i + 1}`} target="_blank" rel="noopener">
                    {/* eslint-disable-next-line @next/next/no-img-element -- streamed from Telegram through the admin's own route, not an optimisable asset */}
                    <img src={`/admin/orders/${order.id}/photos/${i + 1}`} alt={`Foto kerusakan ${i + 1}`} loading="lazy" />
                  </a>
                ))}
              </dd>
            </>
          )}
          <dt>Total</dt>
          <dd>{formatRupiah(order.amountIdr)}</dd>
          <dt>Metode</dt>
          <dd>{PAYMENT_METHOD_LABEL[order.paymentMethod] ?? order.paymentMethod}</dd>
          <dt>Batas bayar</dt>
          <dd>{order.holdExpiresAt ? formatWibDateTime(order.holdExpiresAt) : "—"}</dd>
          <dt>Dibayar</dt>
          <dd>{order.paidAt ? formatWibDateTime(order.paidAt) : "—"}</dd>
          <dt>Dibuat</dt>
          <dd>{formatWibDateTime(order.createdAt)}</dd>
          <dt>Halaman status</dt>
          <dd>
            <a href={`/orders/${order.statusToken}`}>buka halaman pelanggan</a>
            {share.whatsappUrl && payable && !OFFLINE_METHODS.has(order.paymentMethod) && (
              <>
                {" · "}
                <a href={share.whatsappUrl} target="_blank" rel="noopener noreferrer">
                  kirim link pembayaran lewat WhatsApp
                </a>
              </>
            )}
            {" · "}
            <a href={`/admin/orders/${order.id}/job-sheet`}>cetak tanda terima</a>
            {hasReceipt(order) && (
              <>
                {" · "}
                <a href={`/admin/orders/${order.id}/receipt`}>cetak kwitansi</a>
              </>
            )}
          </dd>
        </dl>
      </section>
      <section className={styles.panel}>
        <h2>Status perbaikan</h2>
        <RepairStatusForm action={moveRepairStatus.bind(null, order.id)} moves={moves} />
      </section>
      {open && technicians.length > 0 && (
        <section className={styles.panel} aria-labelledby="teknisi">
          <h2 id="teknisi">Teknisi</h2>
          <TechnicianForm action={changeTechnician.bind(null, order.id)} technicians={technicianChoices} current={order.technicianId} />
        </section>
      )}
      {open && (
        <section className={styles.panel}>
          <h2>Jadwal ulang</h2>
          <RescheduleForm action={reschedule.bind(null, order.id)} slots={slots.filter((s) => s.active)} date={order.serviceDate} owner={isOwner(admin)} />
        </section>
      )}
      {payable && (
        <section className={styles.panel}>
          <h2>Pembayaran di kasir</h2>
          <CashForm action={recordCash.bind(null, order.id)} amount={order.amountIdr === 0 ? null : formatRupiah(order.amountIdr)} />
        </section>
      )}
      {open && (
        <section className={styles.panel}>
          <h2>Batalkan</h2>
          <CancelForm action={cancelOrder.bind(null, order.id)} paid={order.paymentStatus === "paid"} bookingCode={order.bookingCode} />
        </section>
      )}
      {isOwner(admin) && (refunds.length > 0 || attempts.length > 0) && (
        <section className={styles.panel} id="refund" aria-labelledby="refund-title">
          <h2 id="refund-title">Refund</h2>
          <RefundPanel order={order} attempts={attempts} refunds={refunds} />
        </section>
      )}
      <h2>Percobaan pembayaran</h2>
      {attempts.length === 0 ? (
        <p className={styles.muted}>Belum ada.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={`${styles.table} ${styles.cardList}`}>
            <thead>
              <tr>
                <th>Order ID Midtrans</th>
                <th>Jenis</th>
                <th>Metode</th>
                <th>Status Midtrans</th>
                <th className={styles.num}>Jumlah</th>
                <th>VA</th>
                <th>Diperbarui</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((p) => (
                <tr key={p.id}>
                  <td data-label="Order ID Midtrans">{p.midtransOrderId}</td>
                  <td data-label="Jenis">{p.kind}</td>
                  <td data-label="Metode">{p.paymentType ?? "—"}</td>
                  <td data-label="Status Midtrans">
                    {p.transactionStatus ?? "belum ada"}
                    {p.fraudStatus && <span className={styles.muted}> / {p.fraudStatus}</span>}
                  </td>
                  <td data-label="Jumlah" className={styles.num}>{formatRupiah(p.grossAmount)}</td>
                  <td data-label="VA">{p.vaNumber ? `${p.vaBank?.toUpperCase()} ${p.vaNumber}` : "—"}</td>
                  <td data-label="Diperbarui">{formatWibDateTime(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className={styles.panel} aria-labelledby="catatan">
        <h2 id="catatan">Catatan internal</h2>
        <OrderNotes
          action={addNote.bind(null, order.id)}
          notes={notes.map((n) => ({ id: n.id, author: n.author, at: formatWibDateTime(n.createdAt), body: n.body }))}
          maxLength={MAX_NOTE_LENGTH}
        />
      </section>
      <h2>Riwayat</h2>
      <AuditTimeline entries={history} />
    </>
  );
}
