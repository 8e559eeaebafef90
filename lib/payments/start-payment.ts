import type { Database } from "@/db";
import { findOrderByStatusToken, lockOrder, updateOrder } from "@/db/queries/orders";
import { insertPayment, listOrderPayments } from "@/db/queries/payments";
import type { Order, Payment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { attemptStatusOf } from "./apply-transaction";
import { createSnapTransaction, MidtransApiError } from "./midtrans-api";
import { holdAlignedExpiry, midtransOrderIdOf, remainingHoldMinutes, snapTransactionBody } from "./payment-request";
import { applyAttemptNews, cancelPendingAttempts, newsOfPayment } from "./supersede-attempts";

/** at_shop: paid at the counter, nothing to pay online (a free diagnosis, or "Bayar di toko"). */
export type PaymentRefusal = "paid" | "in_review" | "closed" | "expired" | "at_shop";
export type StartPaymentResult =
  | { ok: true; token: string; redirect_url: string; reused: boolean }
  | { ok: false; reason: "not_found" | PaymentRefusal | "midtrans_refused" | "midtrans_unavailable" };

/** A Snap page needs a few minutes to be of use; below this the hold is as good as over. */
const MIN_MINUTES = 2;

/** Why an order cannot take a new payment now, if it cannot. */
export function paymentRefusal(order: Order, now: Date): PaymentRefusal | undefined {
  if (["paid", "refunded", "partially_refunded"].includes(order.paymentStatus)) return "paid";
  if (order.paymentStatus === "review") return "in_review";
  if (order.repairStatus === "cancelled" || order.repairStatus === "completed") return "closed";
  // No hold was set, so no Midtrans expiry could follow it: the counter takes the money.
  if (order.paymentMethod === "pay_at_shop" && order.holdExpiresAt === null) return "at_shop";
  if (order.paymentStatus === "expired" || remainingHoldMinutes(order, now) < MIN_MINUTES) return "expired";
  return undefined;
}

/** Methods whose Snap page already offers every method: switching to "any method" changes nothing for them. */
const EVERY_METHOD: readonly Order["paymentMethod"][] = ["all", "cash", "pay_at_shop"];

function reusableSnap(attempts: readonly Payment[], now: Date): Payment | undefined {
  const latest = attempts[attempts.length - 1];
  if (!latest || latest.kind !== "snap" || !latest.snapToken || !latest.redirectUrl) return undefined;
  if (!latest.expiresAt || latest.expiresAt.getTime() - now.getTime() < MIN_MINUTES * 60_000) return undefined;
  return ["unpaid", "pending"].includes(attemptStatusOf(latest)) ? latest : undefined;
}

/**
 * "Bayar Sekarang": a Snap transaction for the order, reusing the current one
 * while it can still be paid, else a new attempt with a fresh order_id whose
 * expiry is the rest of the hold. An earlier VA still pending is cancelled
 * first, so an order never has two payable attempts. The order stays locked
 * while Midtrans is asked, which makes a double click wait for the first one
 * and then reuse its token.
 *
 * `anyMethod`: the customer chose "another method" on the status page: the
 * order's method becomes "all" and Snap offers every method, not only the bank
 * of the VA it replaces.
 */
export async function startSnapPayment(
  db: Database,
  { token, anyMethod = false, now = new Date() }: { token: string; anyMethod?: boolean; now?: Date },
): Promise<StartPaymentResult> {
  const found = await findOrderByStatusToken(db, { token });
  if (!found) return { ok: false, reason: "not_found" };
  return db.transaction(async (tx): Promise<StartPaymentResult> => {
    const locked = (await lockOrder(tx, { id: found.id }))!;
    const refusal = paymentRefusal(locked, now);
    if (refusal) return { ok: false, reason: refusal };
    const switching = anyMethod && !EVERY_METHOD.includes(locked.paymentMethod);
    const order = switching ? await updateOrder(tx, { id: locked.id, changes: { paymentMethod: "all" } }) : locked;
    const attempts = await listOrderPayments(tx, { orderId: order.id });
    // A Snap page made for one method only is not reused for "another method".
    const reusable = switching ? undefined : reusableSnap(attempts, now);
    if (reusable) return { ok: true, token: reusable.snapToken!, redirect_url: reusable.redirectUrl!, reused: true };

    const news = await cancelPendingAttempts(attempts, now);
    if (!news) return { ok: false, reason: "midtrans_unavailable" };
    if (newsOfPayment(news)) {
      await applyAttemptNews(tx, news, now);
      return { ok: false, reason: "paid" };
    }

    const attempt = (attempts[attempts.length - 1]?.attempt ?? 0) + 1;
    const { expiresAt } = holdAlignedExpiry(order, now);
    let snap: { token: string; redirect_url: string };
    try {
      snap = await createSnapTransaction(snapTransactionBody(order, { attempt, now }));
    } catch (error) {
      if (!(error instanceof MidtransApiError)) throw error;
      console.error(`[midtrans] Snap refused order ${order.bookingCode}: ${error.message}`);
      await applyAttemptNews(tx, news, now);
      return { ok: false, reason: error.transient ? "midtrans_unavailable" : "midtrans_refused" };
    }
    const payment = await insertPayment(tx, {
      orderId: order.id,
      attempt,
      midtransOrderId: midtransOrderIdOf(order, attempt),
      kind: "snap",
      snapToken: snap.token,
      redirectUrl: snap.redirect_url,
      grossAmount: order.amountIdr,
      expiresAt,
    });
    await applyAttemptNews(tx, news, now);
    await recordAudit(tx, {
      actor: "customer",
      entity: "order",
      entityId: order.id,
      action: "payment.snap_created",
      after: {
        midtransOrderId: payment.midtransOrderId,
        attempt,
        expiresAt: payment.expiresAt,
        cancelled: news.map((n) => n.payment.midtransOrderId),
        ...(switching ? { methodChanged: { from: locked.paymentMethod, to: order.paymentMethod } } : {}),
      },
    });
    return { ok: true, token: snap.token, redirect_url: snap.redirect_url, reused: false };
  });
}
