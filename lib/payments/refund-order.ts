import { randomBytes } from "node:crypto";
import type { Database } from "@/db";
import { lockOrder, updateOrder } from "@/db/queries/orders";
import { listOrderPayments } from "@/db/queries/payments";
import { findRefundByKey, insertRefundUnlessKeyTaken, lockRefund, sumRefunds, updateRefund } from "@/db/queries/refunds";
import type { Order, Payment, PaymentStatus, Refund } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { formatRupiah } from "@/lib/booking/money";
import { notifyOrderEvent } from "@/lib/notify/outbox";
import { REFUNDABLE_PAYMENT_TYPES } from "./refundable";
import { applyTransactionIn, attemptStatusOf } from "./apply-transaction";
import { MidtransApiError, refundTransaction, type MidtransRefundAnswer } from "./midtrans-api";

/**
 * Money back to a customer, by the owner (DESIGN §14 "Money out"): each refund
 * is a row of its own with an idempotency key, stored before Midtrans is
 * called and sent again on a retry, so a double click or a retry after a lost
 * answer never refunds twice. Methods Midtrans cannot refund by API (bank
 * transfer, cash) are recorded as done by hand.
 */
export interface Refunder {
  username: string;
  ip: string | null;
}

export interface RefundRequest {
  orderId: string;
  via: "midtrans" | "manual";
  amountIdr: number;
  reason: string;
  /** Made when the form is drawn; the same key again is the same refund. */
  refundKey: string;
  by: Refunder;
  now?: Date;
}

export type RefundResult = { ok: true; refund: Refund; order: Order; repeated: boolean } | { ok: false; message: string; refund?: Refund };

const MONEY_IN: readonly PaymentStatus[] = ["paid", "partially_refunded", "refunded"];

/** A fresh refund key: Midtrans allows letters, digits, - and _. */
export function newRefundKey(order: Pick<Order, "bookingCode">): string {
  return `rf-${order.bookingCode}-${randomBytes(9).toString("base64url")}`;
}

/** What came in for the order: each attempt that was paid (cash included), whatever was refunded of it since. */
export function moneyReceived(attempts: Payment[]): number {
  return attempts.filter((p) => MONEY_IN.includes(attemptStatusOf(p))).reduce((sum, p) => sum + p.grossAmount, 0);
}

/** The attempt Midtrans can refund by API for this amount: paid with a method its refund endpoint takes. */
export function refundableAttempt(attempts: Payment[], amountIdr: number): Payment | undefined {
  return attempts
    .filter((p) => p.kind !== "cash" && REFUNDABLE_PAYMENT_TYPES.includes(p.paymentType ?? "") && ["paid", "partially_refunded"].includes(attemptStatusOf(p)))
    .sort((a, b) => b.attempt - a.attempt)
    .find((p) => p.grossAmount >= amountIdr);
}

/** The order's payment status once `refunded` of `received` went back: all of it, none of what the order costs, or part. */
export function statusAfterRefunds(order: Pick<Order, "amountIdr" | "repairStatus">, received: number, refunded: number): PaymentStatus {
  const left = received - refunded;
  if (left <= 0) return "refunded";
  // A double payment's extra went back: the order stays paid.
  if (order.repairStatus !== "cancelled" && left >= order.amountIdr) return "paid";
  return "partially_refunded";
}

export async function refundOrder(db: Database, request: RefundRequest): Promise<RefundResult> {
  const started = await db.transaction((tx) => startRefund(tx, request));
  if (!started.ok || started.refund.status !== "requested") return started;
  return askMidtrans(db, started.refund, request);
}

async function startRefund(tx: Database, request: RefundRequest): Promise<RefundResult> {
  const { orderId, via, amountIdr, reason, refundKey, by } = request;
  const order = await lockOrder(tx, { id: orderId });
  if (!order) return { ok: false, message: "Pesanan tidak ditemukan." };
  // The order's lock makes a double submit wait here, then find the first one's row.
  const earlier = await findRefundByKey(tx, { refundKey });
  if (earlier) {
    if (earlier.orderId !== orderId) return { ok: false, message: "Kunci refund ini milik pesanan lain. Muat ulang halaman." };
    if (earlier.status === "failed") return { ok: false, message: "Refund ini sudah ditolak Midtrans. Muat ulang halaman untuk mencoba lagi.", refund: earlier };
    return { ok: true, refund: earlier, order, repeated: true };
  }
  const attempts = await listOrderPayments(tx, { orderId });
  const received = moneyReceived(attempts);
  const left = received - (await sumRefunds(tx, { orderId }));
  if (received <= 0) return { ok: false, message: "Tidak ada pembayaran yang bisa dikembalikan pada pesanan ini." };
  if (left <= 0) return { ok: false, message: "Seluruh pembayaran sudah dikembalikan atau sedang diproses." };
  if (amountIdr > left) return { ok: false, message: `Jumlah refund melebihi sisa pembayaran (${formatRupiah(left)}).` };
  const payment = via === "midtrans" ? refundableAttempt(attempts, amountIdr) : undefined;
  if (via === "midtrans" && !payment) {
    return { ok: false, message: "Pembayaran ini tidak bisa di-refund lewat Midtrans (hanya kartu, GoPay, ShopeePay, QRIS). Kembalikan dananya sendiri lalu tandai sudah dikembalikan manual." };
  }
  const refund = await insertRefundUnlessKeyTaken(tx, {
    orderId,
    paymentId: payment?.id ?? null,
    via,
    refundKey,
    amountIdr,
    reason,
    actor: by.username,
    status: via === "manual" ? "done" : "requested",
    doneAt: via === "manual" ? (request.now ?? new Date()) : null,
  });
  if (!refund) return { ok: false, message: "Refund ini sedang diproses. Muat ulang halaman." };
  await recordAudit(tx, {
    actor: by.username,
    entity: "order",
    entityId: orderId,
    action: via === "manual" ? "refund.manual" : "refund.requested",
    before: { paymentStatus: order.paymentStatus, needsRefund: order.needsRefund },
    after: { refundId: refund.id, refundKey, amountIdr, reason, via, midtransOrderId: payment?.midtransOrderId ?? null },
    ip: by.ip,
  });
  if (via === "manual") return { ok: true, refund, order: await settleOrder(tx, order, refund), repeated: false };
  return { ok: true, refund, order, repeated: false };
}

async function askMidtrans(db: Database, refund: Refund, request: RefundRequest): Promise<RefundResult> {
  const payment = (await listOrderPayments(db, { orderId: refund.orderId })).find((p) => p.id === refund.paymentId);
  if (!payment) return { ok: false, message: "Pembayaran untuk refund ini tidak ditemukan.", refund };
  let answer: MidtransRefundAnswer;
  try {
    answer = await refundTransaction(payment.midtransOrderId, { refund_key: refund.refundKey, amount: refund.amountIdr, reason: refund.reason || "refund dari toko" });
  } catch (error) {
    if (!(error instanceof MidtransApiError)) throw error;
    if (error.transient) {
      // The refund may or may not have happened: it stays requested, and a retry sends the same key.
      console.error(`[midtrans] refund ${refund.refundKey}: ${error.message}`);
      return { ok: false, message: "Midtrans belum menjawab. Coba lagi: refund yang sama tidak akan terkirim dua kali.", refund };
    }
    return db.transaction((tx) => markFailed(tx, refund, error, request.by));
  }
  return db.transaction((tx) => markDone(tx, refund, payment, answer, request));
}

async function markFailed(tx: Database, refund: Refund, error: MidtransApiError, by: Refunder): Promise<RefundResult> {
  const locked = await lockRefund(tx, { id: refund.id });
  if (!locked || locked.status !== "requested") return { ok: false, message: "Refund ini sudah diproses.", refund: locked };
  const failed = await updateRefund(tx, { id: refund.id, changes: { status: "failed", response: { httpStatus: error.httpStatus, message: error.apiMessage } } });
  await recordAudit(tx, {
    actor: by.username,
    entity: "order",
    entityId: refund.orderId,
    action: "refund.failed",
    after: { refundId: refund.id, refundKey: refund.refundKey, amountIdr: refund.amountIdr, httpStatus: error.httpStatus, message: error.apiMessage },
    ip: by.ip,
  });
  return { ok: false, message: `Midtrans menolak refund: ${error.apiMessage}. Pesanan tidak berubah.`, refund: failed };
}

async function markDone(tx: Database, refund: Refund, payment: Payment, answer: MidtransRefundAnswer, request: RefundRequest): Promise<RefundResult> {
  const order = await lockOrder(tx, { id: refund.orderId });
  const locked = await lockRefund(tx, { id: refund.id });
  if (!order || !locked) return { ok: false, message: "Pesanan tidak ditemukan." };
  if (locked.status !== "requested") return { ok: true, refund: locked, order, repeated: true };
  const done = await updateRefund(tx, { id: refund.id, changes: { status: "done", response: answer, doneAt: request.now ?? new Date() } });
  // Midtrans' answer is the attempt's new status: applied as its notification would be, so that one changes nothing later.
  await applyTransactionIn(tx, { paymentId: payment.id, orderId: order.id, transaction: answer, context: { source: "refund", now: request.now } });
  await recordAudit(tx, {
    actor: request.by.username,
    entity: "order",
    entityId: order.id,
    action: "refund.done",
    after: { refundId: refund.id, refundKey: refund.refundKey, amountIdr: refund.amountIdr, transactionStatus: answer.transaction_status },
    ip: request.by.ip,
  });
  return { ok: true, refund: done, order: await settleOrder(tx, (await lockOrder(tx, { id: order.id }))!, done), repeated: false };
}

/** After money went back: the order's status from all refunds done, the refund flag cleared, the customer told the amount. */
async function settleOrder(tx: Database, order: Order, refund: Refund): Promise<Order> {
  const attempts = await listOrderPayments(tx, { orderId: order.id });
  const received = moneyReceived(attempts);
  const refunded = await sumRefunds(tx, { orderId: order.id, doneOnly: true });
  const updated = await updateOrder(tx, {
    id: order.id,
    changes: { paymentStatus: statusAfterRefunds(order, received, refunded), needsRefund: false },
  });
  await notifyOrderEvent(tx, {
    order: updated,
    event: { kind: "refund_done", amountIdr: refund.amountIdr, full: refunded >= received },
    discriminator: `refund-${refund.id}`,
  });
  return updated;
}
