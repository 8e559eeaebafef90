import { getDb, type Database } from "@/db";
import { listOpenAttemptsOfCancelledOrders } from "@/db/queries/payment-jobs";
import { listOrderPayments } from "@/db/queries/payments";
import type { Payment } from "@/db/schema";
import { applyTransactionIn, attemptStatusOf } from "./apply-transaction";
import { cancelSnapSession, cancelTransaction, fetchTransactionStatus, MidtransApiError } from "./midtrans-api";
import { recordSnapPageClosed } from "./supersede-attempts";

export type CloseOutcome = "closed" | "unavailable";

/** An attempt that could still take money: a Snap page not yet expired, or a transaction still pending. */
export function attemptIsOpen(payment: Payment, now: Date): boolean {
  if (payment.kind === "cash") return false;
  if (!payment.transactionStatus) return Boolean(payment.snapToken) && (!payment.expiresAt || payment.expiresAt > now);
  return attemptStatusOf(payment) === "pending";
}

/**
 * Closes one attempt of a cancelled order at Midtrans so its VA or Snap page
 * cannot be paid any more: a pending transaction is cancelled (Core API), a Snap
 * page nobody chose a method on has its session cancelled. What Midtrans answers
 * is applied like any news (a payment that beat us to it is then flagged for
 * refund). Midtrans unreachable: left open for closeAttemptsOfCancelledOrders.
 */
export async function closeAttempt(db: Database, payment: Payment, now = new Date()): Promise<CloseOutcome> {
  try {
    if (!payment.transactionStatus && payment.snapToken) {
      const session = await cancelSnapSession(payment.snapToken);
      if (session !== "in_progress") {
        await db.transaction((tx) => recordSnapPageClosed(tx, payment, { now, session }));
        return "closed";
      }
    }
    const cancelled = await cancelTransaction(payment.midtransOrderId);
    const transaction =
      cancelled.kind === "cancelled" ? cancelled.transaction : await fetchTransactionStatus(payment.midtransOrderId);
    if (!transaction) return "closed";
    await db.transaction((tx) =>
      applyTransactionIn(tx, { paymentId: payment.id, orderId: payment.orderId, transaction, context: { source: "cancel", now } }),
    );
    return "closed";
  } catch (error) {
    if (!(error instanceof MidtransApiError)) throw error;
    console.error(`[midtrans] ${payment.midtransOrderId} of a cancelled order not closed yet: ${error.message}`);
    return "unavailable";
  }
}

/** After an order is cancelled (after commit): closes its open attempts; never throws. */
export async function closeOrderAttempts(orderId: string, now = new Date()): Promise<void> {
  try {
    const db = await getDb();
    for (const payment of await listOrderPayments(db, { orderId })) {
      if (attemptIsOpen(payment, now)) await closeAttempt(db, payment, now);
    }
  } catch (error) {
    console.error(`[midtrans] attempts of cancelled order ${orderId} left for the next run: ${(error as Error).message}`);
  }
}

/** The retry: open attempts of cancelled orders (Midtrans was down when they were cancelled). */
export async function closeAttemptsOfCancelledOrders({ now = new Date(), limit = 20 }: { now?: Date; limit?: number } = {}) {
  const db = await getDb();
  const counts: Record<CloseOutcome, number> = { closed: 0, unavailable: 0 };
  for (const payment of await listOpenAttemptsOfCancelledOrders(db, { now, limit })) counts[await closeAttempt(db, payment, now)]++;
  return counts;
}
