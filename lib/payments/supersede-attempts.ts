import type { Database } from "@/db";
import { updatePayment } from "@/db/queries/payments";
import type { Payment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { applyTransactionIn, attemptStatusOf, MIDTRANS_ACTOR } from "./apply-transaction";
import { cancelSnapSession, cancelTransaction, fetchTransactionStatus, MidtransApiError, type MidtransTransaction, type SnapCancelOutcome } from "./midtrans-api";

/** What Midtrans said of an attempt: its transaction's status, or (no transaction) that its Snap page is closed. */
export interface AttemptNews {
  payment: Payment;
  transaction?: MidtransTransaction;
}

/** A Snap page nobody has chosen a method on yet, that could still be paid. */
function openSnapPage(payment: Payment, now: Date): boolean {
  return payment.kind === "snap" && !payment.transactionStatus && Boolean(payment.snapToken) && (!payment.expiresAt || payment.expiresAt > now);
}

/**
 * Cancels, at Midtrans, every attempt of an order that could still be paid (a
 * pending transaction, or a Snap page not yet used), so that a new attempt is the only payable one. An attempt that cannot be
 * cancelled because it was paid meanwhile is reported with its real status.
 * Nothing is written here: the caller applies the news in its transaction.
 * `undefined` when Midtrans could not be reached (then nothing may be started).
 */
export async function cancelPendingAttempts(attempts: readonly Payment[], now = new Date()): Promise<AttemptNews[] | undefined> {
  const news: AttemptNews[] = [];
  try {
    for (const payment of attempts) {
      if (openSnapPage(payment, now)) {
        // "Transaction is on progress": a method was chosen in it, so there is a transaction to cancel below.
        if ((await cancelSnapSession(payment.snapToken!)) !== "in_progress") {
          news.push({ payment });
          continue;
        }
      } else if (payment.kind === "cash" || attemptStatusOf(payment) !== "pending") continue;
      const outcome = await cancelTransaction(payment.midtransOrderId);
      if (outcome.kind === "cancelled") news.push({ payment, transaction: outcome.transaction });
      if (outcome.kind === "refused") {
        const status = await fetchTransactionStatus(payment.midtransOrderId);
        if (status) news.push({ payment, transaction: status });
      }
    }
  } catch (error) {
    if (error instanceof MidtransApiError) {
      console.error(`[midtrans] could not cancel an earlier attempt: ${error.message}`);
      return undefined;
    }
    throw error;
  }
  return news;
}

/** Applies what cancelPendingAttempts learnt, in the caller's transaction. */
export async function applyAttemptNews(tx: Database, news: readonly AttemptNews[], now: Date): Promise<void> {
  for (const { payment, transaction } of news) {
    if (transaction) {
      await applyTransactionIn(tx, { paymentId: payment.id, orderId: payment.orderId, transaction, context: { source: "cancel", now } });
      continue;
    }
    await recordSnapPageClosed(tx, payment, { now, session: "cancelled" });
  }
}

/** A Snap page that can no longer be paid stops counting as open; audited with what Midtrans answered. */
export async function recordSnapPageClosed(tx: Database, payment: Payment, { now, session }: { now: Date; session: SnapCancelOutcome }): Promise<void> {
  await updatePayment(tx, { id: payment.id, changes: { expiresAt: now } });
  await recordAudit(tx, {
    actor: MIDTRANS_ACTOR,
    entity: "order",
    entityId: payment.orderId,
    action: "payment.attempt_closed",
    after: { midtransOrderId: payment.midtransOrderId, snapSession: session },
  });
}

/** Whether any of the news is money received: then no new attempt may start. */
export function newsOfPayment(news: readonly AttemptNews[]): boolean {
  return news.some(({ transaction }) => transaction !== undefined && ["settlement", "capture"].includes(transaction.transaction_status));
}
