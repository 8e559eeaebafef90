import type { Database } from "@/db";
import { lockOrder, updateOrder } from "@/db/queries/orders";
import { listOrderPayments, updatePayment } from "@/db/queries/payments";
import { sumRefunds } from "@/db/queries/refunds";
import type { Order, Payment, PaymentStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { notifyOrderEvent } from "@/lib/notify/outbox";
import type { MidtransTransaction } from "./midtrans-api";
import { parseMidtransTime } from "./midtrans-time";
import { nextPaymentStatus, orderPaymentOutcome, statusOfTransaction, type PaymentStep } from "./payment-state";
import { normaliseStatus, statusMatchesCode } from "./status-codes";
import { normaliseTransaction, withoutSignature } from "./stored-transaction";

export const MIDTRANS_ACTOR = "midtrans";

/** An attempt's status from what Midtrans last told us about it (nothing yet: unpaid). */
export function attemptStatusOf(payment: Pick<Payment, "transactionStatus" | "fraudStatus">): PaymentStatus {
  if (!payment.transactionStatus) return "unpaid";
  return statusOfTransaction({ transaction_status: payment.transactionStatus, fraud_status: payment.fraudStatus }) ?? "unpaid";
}

export interface ApplyContext {
  /** Where the news came from: a notification (always audited), the Status API, or our own cancel, charge or refund call. */
  source: "notification" | "status_api" | "cancel" | "charge" | "refund";
  /** The notification as received; audited whole except its signature_key. */
  notification?: unknown;
  ip?: string | null;
  now?: Date;
}

export interface AppliedTransaction {
  step: PaymentStep;
  order: Order;
  payment: Payment;
  before: { attemptStatus: PaymentStatus; paymentStatus: PaymentStatus; needsRefund: boolean };
}

/**
 * Applies what Midtrans says about one attempt, inside the caller's transaction:
 * locks the order (which serialises every payment change of it), moves the
 * attempt through the state machine, derives the order's status from all its
 * attempts, queues the customer's message and writes the audit entry. Running it
 * again with the same news changes nothing.
 */
export async function applyTransactionIn(
  tx: Database,
  { paymentId, orderId, transaction: received, context }: { paymentId: string; orderId: string; transaction: MidtransTransaction; context: ApplyContext },
): Promise<AppliedTransaction> {
  const now = context.now ?? new Date();
  const transaction = normaliseTransaction(received);
  const lockedOrder = await lockOrder(tx, { id: orderId });
  if (!lockedOrder) throw new Error(`order ${orderId} vanished`);
  const attempts = await listOrderPayments(tx, { orderId });
  const current = attempts.find((p) => p.id === paymentId);
  if (!current) throw new Error(`payment ${paymentId} vanished`);

  const attemptStatus = attemptStatusOf(current);
  // Whatever the source (notification, Status API, our own cancel), a status its signed code does not allow is not applied.
  const step: PaymentStep = statusMatchesCode(transaction)
    ? nextPaymentStatus(attemptStatus, transaction)
    : { kind: "unchanged", status: attemptStatus, reason: "status_mismatch" };
  const before = { attemptStatus, paymentStatus: lockedOrder.paymentStatus, needsRefund: lockedOrder.needsRefund };
  let payment = current;
  let order = lockedOrder;

  if (step.kind === "change") {
    payment = await updatePayment(tx, {
      id: current.id,
      changes: {
        transactionStatus: transaction.transaction_status,
        fraudStatus: transaction.fraud_status ?? null,
        paymentType: transaction.payment_type ?? current.paymentType,
        transactionId: transaction.transaction_id ?? current.transactionId,
        rawStatus: transaction,
        // A VA chosen inside Snap arrives with the notification; keep it for the admin's payments monitor.
        vaBank: current.vaBank ?? transaction.va_numbers?.[0]?.bank ?? (transaction.bill_key ? "mandiri" : null),
        vaNumber: current.vaNumber ?? transaction.va_numbers?.[0]?.va_number ?? transaction.permata_va_number ?? null,
        billKey: current.billKey ?? transaction.bill_key ?? null,
        billerCode: current.billerCode ?? transaction.biller_code ?? null,
        settledAt: step.status === "paid" ? (parseMidtransTime(transaction.settlement_time) ?? now) : current.settledAt,
      },
    });
    const summaries = attempts.map((p) => ({ attempt: p.attempt, status: p.id === payment.id ? step.status : attemptStatusOf(p) }));
    const paidElsewhere = lockedOrder.paymentStatus === "paid" && !attempts.some((p) => attemptStatusOf(p) === "paid");
    const computed = orderPaymentOutcome(lockedOrder, summaries, { paidElsewhere });
    // A cancel after the money settled (Midtrans refuses one, but if it says so): the money is still here to return.
    const cancelledSettlement = step.reversal && transaction.transaction_status === "cancel" && normaliseStatus(current.transactionStatus) === "settlement";
    const outcome = { ...computed, needsRefund: computed.needsRefund || cancelledSettlement };
    if (outcome.paymentStatus !== lockedOrder.paymentStatus || outcome.needsRefund !== lockedOrder.needsRefund) {
      const becamePaid = outcome.paymentStatus === "paid" && lockedOrder.paymentStatus !== "paid";
      order = await updateOrder(tx, {
        id: lockedOrder.id,
        changes: {
          paymentStatus: outcome.paymentStatus,
          needsRefund: outcome.needsRefund,
          ...(becamePaid ? { paidAt: payment.settledAt ?? now } : {}),
          ...(step.reversal ? { paidAt: null } : {}),
          // An attempt expires with the hold (its expiry is the hold's remaining time): the booking goes with it.
          ...(outcome.paymentStatus === "expired" && lockedOrder.repairStatus !== "cancelled" ? { repairStatus: "cancelled" as const } : {}),
        },
      });
      await tellCustomer(tx, lockedOrder, order, payment);
    }
  }

  const mismatch = step.kind === "unchanged" && step.reason === "status_mismatch";
  if (mismatch) console.error(`[midtrans] ${current.midtransOrderId}: ${context.source} said ${transaction.transaction_status} with status_code ${transaction.status_code}: not applied`);
  if (step.kind === "change" || context.source === "notification" || mismatch) {
    await recordAudit(tx, {
      actor: MIDTRANS_ACTOR,
      entity: "order",
      entityId: order.id,
      action: step.kind === "change" ? "payment.status_changed" : "payment.notification_ignored",
      before: { ...before, transactionStatus: current.transactionStatus, fraudStatus: current.fraudStatus },
      after: {
        midtransOrderId: current.midtransOrderId,
        source: context.source,
        verdict: step.kind === "change" ? (step.reversal ? "reversal" : "applied") : step.reason,
        transactionStatus: transaction.transaction_status,
        fraudStatus: transaction.fraud_status ?? null,
        attemptStatus: step.status,
        paymentStatus: order.paymentStatus,
        needsRefund: order.needsRefund,
        notification: context.notification === undefined ? undefined : withoutSignature(context.notification),
        ...(context.source !== "notification" || context.notification !== received ? { midtrans: transaction } : {}),
      },
      ip: context.ip,
    });
  }
  if (order.needsRefund && !lockedOrder.needsRefund) {
    await recordAudit(tx, {
      actor: MIDTRANS_ACTOR,
      entity: "order",
      entityId: order.id,
      action: "payment.needs_refund",
      before: { paymentStatus: lockedOrder.paymentStatus, repairStatus: lockedOrder.repairStatus },
      after: {
        reason:
          order.repairStatus === "cancelled"
            ? "paid_after_cancellation"
            : step.kind === "change" && step.reversal
              ? "cancelled_after_settlement"
              : "double_payment",
        midtransOrderIds: attempts.filter((p) => p.id === payment.id || attemptStatusOf(p) === "paid").map((p) => p.midtransOrderId),
      },
    });
  }
  return { step, order, payment, before };
}

/** The customer hears of money received, a payment held for review, a failed or expired payment, and a refund; each exactly once. */
async function tellCustomer(tx: Database, before: Order, after: Order, payment: Payment): Promise<void> {
  if (after.paymentStatus === before.paymentStatus) return;
  switch (after.paymentStatus) {
    case "paid":
      if (after.repairStatus === "cancelled") {
        await notifyOrderEvent(tx, { order: after, event: { kind: "cancelled", byShop: false, latePayment: true }, discriminator: `late-payment-${payment.attempt}` });
      } else {
        // Per attempt: after a reversal, a new attempt's payment is news again.
        await notifyOrderEvent(tx, { order: after, event: { kind: "payment_received" }, discriminator: `attempt-${payment.attempt}` });
      }
      return;
    case "failed":
      await notifyOrderEvent(tx, { order: after, event: { kind: "payment_failed", reversed: before.paymentStatus === "paid" }, discriminator: `attempt-${payment.attempt}` });
      return;
    case "expired":
      await notifyOrderEvent(tx, { order: after, event: { kind: "payment_expired" } });
      return;
    case "review":
      await notifyOrderEvent(tx, { order: after, event: { kind: "payment_review" }, discriminator: `attempt-${payment.attempt}` });
      return;
    case "refunded":
    case "partially_refunded":
      // A refund the shop made tells the customer itself, with the amount (lib/payments/refund-order.ts).
      if ((await sumRefunds(tx, { orderId: after.id })) > 0) return;
      await notifyOrderEvent(tx, {
        order: after,
        event: { kind: "payment_refunded", partial: after.paymentStatus === "partially_refunded", amountIdr: refundedAmountOf(payment) },
        discriminator: after.paymentStatus,
      });
      return;
    default:
      return;
  }
}

/**
 * The amount Midtrans says was refunded so far, when its answer carries it: the
 * sum of its "refunds" list, else "refund_amount" (e.g. "20000.00").
 */
function refundedAmountOf(payment: Payment): number | undefined {
  const status = payment.rawStatus as { refund_amount?: unknown; refunds?: unknown } | null;
  const rupiah = (raw: unknown) => (typeof raw === "string" || typeof raw === "number" ? Math.round(Number(raw)) : NaN);
  const amount = Array.isArray(status?.refunds)
    ? status.refunds.reduce((sum: number, refund: { refund_amount?: unknown }) => sum + rupiah(refund?.refund_amount), 0)
    : rupiah(status?.refund_amount);
  return Number.isFinite(amount) && amount > 0 ? amount : undefined;
}
