import { getDb, type Database } from "@/db";
import { lockOrder, updateOrder } from "@/db/queries/orders";
import { listExpiredHolds } from "@/db/queries/payment-jobs";
import { listOrderPayments } from "@/db/queries/payments";
import type { Order } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { offerFreedPlaces } from "@/lib/booking/waitlist-offer";
import { notifyOrderEvent } from "@/lib/notify/outbox";
import { attemptStatusOf } from "./apply-transaction";
import { PAYABLE_STATUSES } from "./payment-state";
import { reconcilePayment } from "./reconcile-pending";
import { applyAttemptNews, cancelPendingAttempts } from "./supersede-attempts";

export const SYSTEM_ACTOR = "system";

/**
 * Expires one order whose hold ran out unpaid: payment "expired", booking
 * cancelled (which frees its place in the slot), the customer told. A payment
 * made at the last moment wins: pending attempts are asked about first, and
 * cancelled at Midtrans after, so a late settlement is still applied (then as
 * money to refund).
 */
export async function expireOrder(db: Database, order: Order, now: Date): Promise<boolean> {
  const attempts = await listOrderPayments(db, { orderId: order.id });
  for (const payment of attempts) {
    if (payment.kind !== "cash" && attemptStatusOf(payment) === "pending") await reconcilePayment(db, payment, now);
  }
  const expired = await db.transaction(async (tx) => {
    const locked = await lockOrder(tx, { id: order.id });
    if (!locked || !isExpirable(locked, now)) return undefined;
    const updated = await expireLockedOrder(tx, locked);
    await offerFreedPlaces(tx, { serviceDate: updated.serviceDate, branchId: updated.branchId, now, waitForSlot: true });
    return updated;
  });
  if (!expired) return false;
  // No attempt may stay payable for a booking that is gone.
  const news = await cancelPendingAttempts(await listOrderPayments(db, { orderId: order.id }), now);
  if (news?.length) await db.transaction((tx) => applyAttemptNews(tx, news, now));
  return true;
}

/**
 * Marks an order whose hold ran out, locked by the caller, expired and cancelled,
 * and tells the customer, in the caller's transaction. `placeNeeded`: a booking
 * took its place before the sweep came (its Midtrans attempts are closed later by
 * the close-attempts task; a payment that still lands is then money to refund).
 */
export async function expireLockedOrder(tx: Database, locked: Order, { placeNeeded = false }: { placeNeeded?: boolean } = {}): Promise<Order> {
  const updated = await updateOrder(tx, { id: locked.id, changes: { paymentStatus: "expired", repairStatus: "cancelled" } });
  await notifyOrderEvent(tx, { order: updated, event: { kind: "payment_expired" } });
  await recordAudit(tx, {
    actor: SYSTEM_ACTOR,
    entity: "order",
    entityId: locked.id,
    action: "order.expired",
    before: { paymentStatus: locked.paymentStatus, repairStatus: locked.repairStatus, holdExpiresAt: locked.holdExpiresAt },
    after: { paymentStatus: updated.paymentStatus, repairStatus: updated.repairStatus, ...(placeNeeded ? { reason: "place_needed" } : {}) },
  });
  return updated;
}

/** A pay-at-shop order has no deadline to miss (its money comes at the counter), even if a hold was ever set on it. */
function isExpirable(order: Order, now: Date): boolean {
  return (
    order.paymentMethod !== "pay_at_shop" &&
    PAYABLE_STATUSES.includes(order.paymentStatus) &&
    order.repairStatus !== "cancelled" &&
    order.holdExpiresAt !== null &&
    order.holdExpiresAt < now
  );
}

/** Expires a small batch of orders past their hold (the cron, and after ordinary requests). */
export async function expireHolds({ now = new Date(), limit = 20 }: { now?: Date; limit?: number } = {}) {
  const db = await getDb();
  const due = await listExpiredHolds(db, { now, limit });
  let expired = 0;
  for (const order of due) if (await expireOrder(db, order, now)) expired++;
  return { expired, checked: due.length };
}
