import type { Database } from "@/db";
import { lockOrder } from "@/db/queries/orders";
import { insertPayment, listOrderPayments } from "@/db/queries/payments";
import type { Order, Payment } from "@/db/schema";
import type { AttemptOutcome, AttemptPlan } from "./payment-attempt";
import { midtransOrderIdOf } from "./payment-request";
import { paymentRefusal } from "./payment-refusal";

/**
 * An attempt whose Midtrans request is under way: recorded before the call so
 * a second request sees it, its expiry (and token or VA) stored after. One
 * older than any function may run (15 s) was left by one that died mid-call.
 */
const ABANDONED_AFTER_MS = 30_000;
/** How long a second request waits for the first one's answer: as long as it would have waited for the order's row lock. */
const WAIT_MS = 5_000;
const POLL_MS = 100;

export function attemptBeingRequested(payment: Payment): boolean {
  return payment.kind !== "cash" && payment.expiresAt === null && Date.now() - payment.createdAt.getTime() < ABANDONED_AFTER_MS;
}

export type Begun<Own extends string> =
  | { kind: "answered"; outcome: AttemptOutcome<Own> }
  | { kind: "asking"; order: Order; asked: Order; payment: Payment; earlier: readonly Payment[] };

/**
 * Step 1 of every payment attempt, in a short transaction of its own: the
 * order locked and checked, an attempt still payable handed out again, or a
 * new attempt recorded as being requested. While another request's attempt is
 * being requested this one waits for its answer (a double tap then reuses it),
 * polling rather than holding the lock through the other's Midtrans call.
 */
export async function beginAttempt<Made, Own extends string>(
  db: Database,
  plan: AttemptPlan<Made, Own>,
  input: { orderId: string; now: Date },
): Promise<Begun<Own>> {
  const giveUpAt = Date.now() + WAIT_MS;
  for (;;) {
    const begun = await db.transaction((tx) => beginAttemptIn(tx, plan, input));
    if (begun !== "busy") return begun;
    if (Date.now() >= giveUpAt) return { kind: "answered", outcome: { ok: false, reason: "midtrans_unavailable" } };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function beginAttemptIn<Made, Own extends string>(
  tx: Database,
  plan: AttemptPlan<Made, Own>,
  { orderId, now }: { orderId: string; now: Date },
): Promise<Begun<Own> | "busy"> {
  const order = await lockOrder(tx, { id: orderId });
  if (!order) return { kind: "answered", outcome: { ok: false, reason: "not_found" } };
  const refusal = plan.refusal?.(order) ?? paymentRefusal(order, now);
  if (refusal) return { kind: "answered", outcome: { ok: false, reason: refusal } };
  const attempts = await listOrderPayments(tx, { orderId });
  if (attempts.some(attemptBeingRequested)) return "busy";
  const reusable = plan.reusable(attempts, order);
  if (reusable) return { kind: "answered", outcome: { ok: true, order, payment: reusable, reused: true } };

  const attempt = (attempts.at(-1)?.attempt ?? 0) + 1;
  const payment = await insertPayment(tx, {
    orderId,
    attempt,
    midtransOrderId: midtransOrderIdOf(order, attempt),
    kind: plan.kind,
    grossAmount: order.amountIdr,
  });
  return { kind: "asking", order, asked: plan.orderToPay?.(order) ?? order, payment, earlier: attempts };
}
