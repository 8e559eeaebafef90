import type { Database } from "@/db";
import type { Payment } from "@/db/schema";
import { applyTransactionIn, attemptStatusOf } from "./apply-transaction";
import { cancelTransaction, fetchTransactionStatus, MidtransApiError, type MidtransTransaction } from "./midtrans-api";

export interface AttemptNews {
  payment: Payment;
  transaction: MidtransTransaction;
}

/**
 * Cancels, at Midtrans, every attempt of an order that could still be paid, so
 * that a new attempt is the only payable one. An attempt that cannot be
 * cancelled because it was paid meanwhile is reported with its real status.
 * Nothing is written here: the caller applies the news in its transaction.
 * `undefined` when Midtrans could not be reached (then nothing may be started).
 */
export async function cancelPendingAttempts(attempts: readonly Payment[]): Promise<AttemptNews[] | undefined> {
  const news: AttemptNews[] = [];
  try {
    for (const payment of attempts) {
      if (payment.kind === "cash" || attemptStatusOf(payment) !== "pending") continue;
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
    await applyTransactionIn(tx, { paymentId: payment.id, orderId: payment.orderId, transaction, context: { source: "cancel", now } });
  }
}
