import type { Database } from "@/db";
import { sumRefunds } from "@/db/queries/refunds";
import type { Order, Payment } from "@/db/schema";
import { notifyOrderEvent } from "@/lib/notify/outbox";

/** The customer hears of money received, a payment held for review, a failed or expired payment, and a refund; each exactly once. */
export async function tellCustomerOfPayment(tx: Database, before: Order, after: Order, payment: Payment): Promise<void> {
  if (after.paymentStatus === before.paymentStatus) return;
  switch (after.paymentStatus) {
    case "paid":
      if (after.repairStatus === "cancelled") {
        await notifyOrderEvent(tx, { order: after, event: { kind: "cancelled", byShop: false, latePayment: true }, discriminator: `late-payment-${payment.attempt}` });
      } else {
        // Per attempt: after a reversal, a new attempt's payment is news again.
        await notifyOrderEvent(tx, { order: after, event: { kind: "payment_received" }, discriminator: `attempt-${payment.attempt}` });
      }
      return;
    case "failed":
      await notifyOrderEvent(tx, { order: after, event: { kind: "payment_failed", reversed: before.paymentStatus === "paid" }, discriminator: `attempt-${payment.attempt}` });
      return;
    case "expired":
      await notifyOrderEvent(tx, { order: after, event: { kind: "payment_expired" } });
      return;
    case "review":
      await notifyOrderEvent(tx, { order: after, event: { kind: "payment_review" }, discriminator: `attempt-${payment.attempt}` });
      return;
    case "refunded":
    case "partially_refunded":
      // A refund the shop made tells the customer itself, with the amount (lib/payments/refund-order.ts).
      if ((await sumRefunds(tx, { orderId: after.id })) > 0) return;
      await notifyOrderEvent(tx, {
        order: after,
        event: { kind: "payment_refunded", partial: after.paymentStatus === "partially_refunded", amountIdr: refundedAmountOf(payment) },
        discriminator: after.paymentStatus,
      });
      return;
    default:
      return;
  }
}

/**
 * The amount Midtrans says was refunded so far, when its answer carries it: the
 * sum of its "refunds" list, else "refund_amount" (e.g. "20000.00").
 */
function refundedAmountOf(payment: Payment): number | undefined {
  const status = payment.rawStatus as { refund_amount?: unknown; refunds?: unknown } | null;
  const rupiah = (raw: unknown) => (typeof raw === "string" || typeof raw === "number" ? Math.round(Number(raw)) : NaN);
  const amount = Array.isArray(status?.refunds)
    ? status.refunds.reduce((sum: number, refund: { refund_amount?: unknown }) => sum + rupiah(refund?.refund_amount), 0)
    : rupiah(status?.refund_amount);
  return Number.isFinite(amount) && amount > 0 ? amount : undefined;
}
