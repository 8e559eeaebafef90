import { getDb, type Database } from "@/db";
import { listPaymentsToReconcile } from "@/db/queries/payment-jobs";
import { updatePayment } from "@/db/queries/payments";
import type { Payment } from "@/db/schema";
import { parseGrossAmount } from "./apply-notification";
import { applyTransactionIn } from "./apply-transaction";
import { fetchTransactionStatus, MidtransApiError } from "./midtrans-api";

export type ReconcileOutcome = "changed" | "unchanged" | "not_found" | "unavailable";

/** How long an attempt may stay silent before we ask Midtrans ourselves. */
export const QUIET_MINUTES = 5;
const LOOKBACK_DAYS = 3;

/**
 * Asks the Status API about one attempt and applies the answer, for a
 * notification that never came. An attempt asked about and unchanged is
 * marked as checked (updated_at), so the next run asks about others first.
 */
export async function reconcilePayment(db: Database, payment: Payment, now = new Date()): Promise<ReconcileOutcome> {
  let status;
  try {
    status = await fetchTransactionStatus(payment.midtransOrderId);
  } catch (error) {
    if (!(error instanceof MidtransApiError)) throw error;
    console.error(`[midtrans] status of ${payment.midtransOrderId} unavailable: ${error.message}`);
    return "unavailable";
  }
  if (!status || parseGrossAmount(status.gross_amount) !== payment.grossAmount) {
    if (status) console.error(`[midtrans] status of ${payment.midtransOrderId} names another amount: not applied`);
    await updatePayment(db, { id: payment.id, changes: {} });
    return "not_found";
  }
  return db.transaction(async (tx) => {
    const applied = await applyTransactionIn(tx, {
      paymentId: payment.id,
      orderId: payment.orderId,
      transaction: status,
      context: { source: "status_api", now },
    });
    if (applied.step.kind === "change") return "changed";
    await updatePayment(tx, { id: payment.id, changes: {} });
    return "unchanged";
  });
}

/** Recovers lost notifications: pending attempts quiet for a few minutes are settled from the Status API. */
export async function reconcilePendingPayments({ now = new Date(), limit = 20 }: { now?: Date; limit?: number } = {}) {
  const db = await getDb();
  const due = await listPaymentsToReconcile(db, {
    quietSince: new Date(now.getTime() - QUIET_MINUTES * 60_000),
    notBefore: new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000),
    limit,
  });
  const counts: Record<ReconcileOutcome, number> = { changed: 0, unchanged: 0, not_found: 0, unavailable: 0 };
  for (const payment of due) counts[await reconcilePayment(db, payment, now)]++;
  return counts;
}
