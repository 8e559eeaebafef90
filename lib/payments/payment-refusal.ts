import type { Order } from "@/db/schema";
import { remainingHoldMinutes } from "./payment-request";

/** at_shop: paid at the counter, nothing to pay online (a free diagnosis, or "Bayar di toko"). */
export type PaymentRefusal = "paid" | "in_review" | "closed" | "expired" | "at_shop";

/** A payment page or VA needs a few minutes to be of use; below this the hold is as good as over. */
export const MIN_PAYABLE_MINUTES = 2;

/** Why an order cannot take a new payment now, if it cannot. */
export function paymentRefusal(order: Order, now: Date): PaymentRefusal | undefined {
  if (["paid", "refunded", "partially_refunded"].includes(order.paymentStatus)) return "paid";
  if (order.paymentStatus === "review") return "in_review";
  if (order.repairStatus === "cancelled" || order.repairStatus === "completed") return "closed";
  // No hold was set, so no Midtrans expiry could follow it: the counter takes the money.
  if (order.paymentMethod === "pay_at_shop" && order.holdExpiresAt === null) return "at_shop";
  if (order.paymentStatus === "expired" || remainingHoldMinutes(order, now) < MIN_PAYABLE_MINUTES) return "expired";
  return undefined;
}
