import type { Database } from "@/db";
import { findOrderByStatusToken, updateOrder } from "@/db/queries/orders";
import { updatePayment } from "@/db/queries/payments";
import type { Order, Payment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { attemptStatusOf } from "./apply-transaction";
import { createSnapTransaction } from "./midtrans-api";
import { startPaymentAttempt, type AttemptFailure, type AttemptPlan } from "./payment-attempt";
import { MIN_PAYABLE_MINUTES } from "./payment-refusal";
import { holdAlignedExpiry, snapTransactionBody } from "./payment-request";

export type StartPaymentResult = { ok: true; token: string; redirect_url: string; reused: boolean } | { ok: false; reason: AttemptFailure };

/** Methods whose Snap page already offers every method: switching to "any method" changes nothing for them. */
const EVERY_METHOD: readonly Order["paymentMethod"][] = ["all", "cash", "pay_at_shop"];

function reusableSnap(attempts: readonly Payment[], now: Date): Payment | undefined {
  const latest = attempts[attempts.length - 1];
  if (!latest || latest.kind !== "snap" || !latest.snapToken || !latest.redirectUrl) return undefined;
  if (!latest.expiresAt || latest.expiresAt.getTime() - now.getTime() < MIN_PAYABLE_MINUTES * 60_000) return undefined;
  return ["unpaid", "pending"].includes(attemptStatusOf(latest)) ? latest : undefined;
}

type SnapPage = { token: string; redirect_url: string };

function snapPlan({ anyMethod, now }: { anyMethod: boolean; now: Date }): AttemptPlan<SnapPage> {
  const switching = (order: Order) => anyMethod && !EVERY_METHOD.includes(order.paymentMethod);
  return {
    kind: "snap",
    label: "Snap",
    // A Snap page made for one method only is not reused for "another method".
    reusable: (attempts, order) => (switching(order) ? undefined : reusableSnap(attempts, now)),
    orderToPay: (order) => (switching(order) ? { ...order, paymentMethod: "all" } : order),
    ask: (order, attempt) => createSnapTransaction(snapTransactionBody(order, { attempt, now })),
    async store(tx, { order, asked, payment, made, news, live }) {
      const methodChanged = live && asked.paymentMethod !== order.paymentMethod;
      const paid = methodChanged ? await updateOrder(tx, { id: order.id, changes: { paymentMethod: asked.paymentMethod } }) : order;
      const stored = await updatePayment(tx, {
        id: payment.id,
        changes: { snapToken: made.token, redirectUrl: made.redirect_url, expiresAt: holdAlignedExpiry(asked, now).expiresAt },
      });
      await recordAudit(tx, {
        actor: "customer",
        entity: "order",
        entityId: order.id,
        action: "payment.snap_created",
        after: {
          midtransOrderId: stored.midtransOrderId,
          attempt: stored.attempt,
          expiresAt: stored.expiresAt,
          cancelled: news.map((n) => n.payment.midtransOrderId),
          ...(methodChanged ? { methodChanged: { from: order.paymentMethod, to: paid.paymentMethod } } : {}),
        },
      });
      return { order: paid, payment: stored };
    },
  };
}

/**
 * "Bayar Sekarang": a Snap transaction for the order, reusing the current one
 * while it can still be paid, else a new attempt with a fresh order_id whose
 * expiry is the rest of the hold (startPaymentAttempt). An earlier VA still
 * pending is cancelled first, so an order never has two payable attempts. A
 * double click waits for the first one's page and reuses it.
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
  const outcome = await startPaymentAttempt(db, snapPlan({ anyMethod, now }), { orderId: found.id, now });
  if (!outcome.ok) return outcome;
  const { snapToken, redirectUrl } = outcome.payment;
  return { ok: true, token: snapToken!, redirect_url: redirectUrl!, reused: outcome.reused };
}
