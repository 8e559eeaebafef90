import type { Database } from "@/db";
import { lockOrder, updateOrder } from "@/db/queries/orders";
import type { Order } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { offerFreedPlaces } from "./waitlist-offer";

/** offerKeys: the messages offering the freed place to the waitlist, to send once committed. */
export type CancelResult = { ok: true; order: Order; offerKeys: string[] } | { ok: false; reason: "not_found" | "already_cancelled" | "completed" };

/**
 * Cancels a booking, which frees its place in the slot (offered at once to the
 * date's first waiting chat). Money already received is not lost: a paid order is flagged for refund.
 */
export async function cancelBookingIn(
  tx: Database,
  { orderId, actor, reason, ip }: { orderId: string; actor: string; reason: string; ip?: string | null },
): Promise<CancelResult> {
  const order = await lockOrder(tx, { id: orderId });
  if (!order) return { ok: false, reason: "not_found" };
  if (order.repairStatus === "cancelled") return { ok: false, reason: "already_cancelled" };
  if (order.repairStatus === "completed") return { ok: false, reason: "completed" };
  const paid = order.paymentStatus === "paid";
  const updated = await updateOrder(tx, {
    id: order.id,
    changes: { repairStatus: "cancelled", holdExpiresAt: null, ...(paid ? { needsRefund: true } : {}) },
  });
  await recordAudit(tx, {
    actor,
    entity: "order",
    entityId: order.id,
    action: "order.cancelled",
    before: { repairStatus: order.repairStatus, paymentStatus: order.paymentStatus },
    after: { repairStatus: updated.repairStatus, needsRefund: updated.needsRefund, reason },
    ip,
  });
  const offerKeys = await offerFreedPlaces(tx, { serviceDate: order.serviceDate, branchId: order.branchId, now: new Date(), waitForSlot: true });
  return { ok: true, order: updated, offerKeys };
}

export function cancelBooking(db: Database, input: Parameters<typeof cancelBookingIn>[1]): Promise<CancelResult> {
  return db.transaction((tx) => cancelBookingIn(tx, input));
}
