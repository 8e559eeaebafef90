import type { Database } from "@/db";
import { lockOrder, updateOrder } from "@/db/queries/orders";
import { listOrderPayments, updatePayment } from "@/db/queries/payments";
import type { Order, Payment, PaymentStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { MidtransTransaction } from "./midtrans-api";
import { parseMidtransTime } from "./midtrans-time";
import { nextPaymentStatus, orderPaymentOutcome, statusOfTransaction, type PaymentStep } from "./payment-state";
import { normaliseStatus, statusMatchesCode } from "./status-codes";
import { tellCustomerOfPayment } from "./tell-customer";
import { normaliseTransaction, virtualAccountOf, withoutSignature } from "./stored-transaction";

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

interface Applying {
  lockedOrder: Order;
  attempts: readonly Payment[];
  current: Payment;
  transaction: MidtransTransaction;
  now: Date;
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
  const applying: Applying = { lockedOrder, attempts, current, transaction, now };

  const { step, payment } = await updateAttempt(tx, applying);
  const order = step.kind === "change" ? await updateOrderStatus(tx, applying, { step, payment }) : lockedOrder;
  await auditTransaction(tx, applying, { step, order, payment, received, context });
  const before = { attemptStatus: attemptStatusOf(current), paymentStatus: lockedOrder.paymentStatus, needsRefund: lockedOrder.needsRefund };
  return { step, order, payment, before };
}

/** Step 1: the attempt moves through the state machine, keeping what Midtrans said of it. */
async function updateAttempt(tx: Database, { current, transaction, now }: Applying): Promise<{ step: PaymentStep; payment: Payment }> {
  const attemptStatus = attemptStatusOf(current);
  // Whatever the source (notification, Status API, our own cancel), a status its signed code does not allow is not applied.
  const step: PaymentStep = statusMatchesCode(transaction)
    ? nextPaymentStatus(attemptStatus, transaction)
    : { kind: "unchanged", status: attemptStatus, reason: "status_mismatch" };
  if (step.kind !== "change") return { step, payment: current };
  // A VA chosen inside Snap arrives with the notification; keep it for the admin's payments monitor.
  const va = virtualAccountOf(transaction);
  const payment = await updatePayment(tx, {
    id: current.id,
    changes: {
      transactionStatus: transaction.transaction_status,
      fraudStatus: transaction.fraud_status ?? null,
      paymentType: transaction.payment_type ?? current.paymentType,
      transactionId: transaction.transaction_id ?? current.transactionId,
      rawStatus: transaction,
      vaBank: current.vaBank ?? va.vaBank,
      vaNumber: current.vaNumber ?? va.vaNumber,
      billKey: current.billKey ?? va.billKey,
      billerCode: current.billerCode ?? va.billerCode,
      settledAt: step.status === "paid" ? (parseMidtransTime(transaction.settlement_time) ?? now) : current.settledAt,
    },
  });
  return { step, payment };
}

/** Step 2: the order's payment status, derived from all its attempts; the customer hears of a change. */
async function updateOrderStatus(
  tx: Database,
  { lockedOrder, attempts, current, transaction, now }: Applying,
  { step, payment }: { step: Extract<PaymentStep, { kind: "change" }>; payment: Payment },
): Promise<Order> {
  const summaries = attempts.map((p) => ({ attempt: p.attempt, status: p.id === payment.id ? step.status : attemptStatusOf(p) }));
  const paidElsewhere = lockedOrder.paymentStatus === "paid" && !attempts.some((p) => attemptStatusOf(p) === "paid");
  const computed = orderPaymentOutcome(lockedOrder, summaries, { paidElsewhere });
  // A cancel after the money settled (Midtrans refuses one, but if it says so): the money is still here to return.
  const cancelledSettlement = step.reversal && transaction.transaction_status === "cancel" && normaliseStatus(current.transactionStatus) === "settlement";
  const outcome = { ...computed, needsRefund: computed.needsRefund || cancelledSettlement };
  if (outcome.paymentStatus === lockedOrder.paymentStatus && outcome.needsRefund === lockedOrder.needsRefund) return lockedOrder;
  const becamePaid = outcome.paymentStatus === "paid" && lockedOrder.paymentStatus !== "paid";
  const order = await updateOrder(tx, {
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
  await tellCustomerOfPayment(tx, lockedOrder, order, payment);
  return order;
}

/** Step 3: the audit trail: every change, every notification, every refused status; and money that must go back. */
async function auditTransaction(
  tx: Database,
  { lockedOrder, attempts, current, transaction }: Applying,
  { step, order, payment, received, context }: { step: PaymentStep; order: Order; payment: Payment; received: MidtransTransaction; context: ApplyContext },
): Promise<void> {
  const mismatch = step.kind === "unchanged" && step.reason === "status_mismatch";
  if (mismatch) console.error(`[midtrans] ${current.midtransOrderId}: ${context.source} said ${transaction.transaction_status} with status_code ${transaction.status_code}: not applied`);
  if (step.kind === "change" || context.source === "notification" || mismatch) {
    await recordAudit(tx, {
      actor: MIDTRANS_ACTOR,
      entity: "order",
      entityId: order.id,
      action: step.kind === "change" ? "payment.status_changed" : "payment.notification_ignored",
      before: {
        attemptStatus: attemptStatusOf(current),
        paymentStatus: lockedOrder.paymentStatus,
        needsRefund: lockedOrder.needsRefund,
        transactionStatus: current.transactionStatus,
        fraudStatus: current.fraudStatus,
      },
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
}
