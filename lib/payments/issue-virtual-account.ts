import type { Database } from "@/db";
import { lockOrder } from "@/db/queries/orders";
import { insertPayment, listOrderPayments } from "@/db/queries/payments";
import type { Order, Payment } from "@/db/schema";
import { applyTransactionIn, attemptStatusOf } from "./apply-transaction";
import { chargeCoreApi, MidtransApiError } from "./midtrans-api";
import { parseMidtransTime } from "./midtrans-time";
import { isVirtualAccountMethod, midtransOrderIdOf, holdAlignedExpiry, virtualAccountChargeBody } from "./payment-request";
import { paymentRefusal, type PaymentRefusal } from "./start-payment";
import { applyAttemptNews, cancelPendingAttempts } from "./supersede-attempts";

export type IssueVaResult =
  | { ok: true; order: Order; payment: Payment; reused: boolean }
  | { ok: false; reason: "not_found" | "not_va_method" | PaymentRefusal | "midtrans_refused" | "midtrans_unavailable" };

function liveVirtualAccount(attempts: readonly Payment[], now: Date): Payment | undefined {
  const latest = attempts[attempts.length - 1];
  if (!latest || latest.kind !== "core" || attemptStatusOf(latest) !== "pending") return undefined;
  if (!latest.vaNumber && !latest.billKey) return undefined;
  return latest.expiresAt && latest.expiresAt > now ? latest : undefined;
}

function earlier(midtrans: Date | undefined, deadline: Date): Date {
  return midtrans && midtrans < deadline ? midtrans : deadline;
}

/**
 * The VA for a bank-transfer booking (BCA/BNI/BRI virtual account, Mandiri
 * bill): a Core API charge whose expiry is the rest of the hold, recorded as
 * the order's payment attempt (the order becomes "pending"). Asking again
 * returns the same VA while it can be paid. The bot sends the result with
 * virtualAccountText().
 */
export async function issueVirtualAccount(
  db: Database,
  { orderId, now = new Date() }: { orderId: string; now?: Date },
): Promise<IssueVaResult> {
  return db.transaction(async (tx): Promise<IssueVaResult> => {
    const order = await lockOrder(tx, { id: orderId });
    if (!order) return { ok: false, reason: "not_found" };
    if (!isVirtualAccountMethod(order.paymentMethod)) return { ok: false, reason: "not_va_method" };
    const refusal = paymentRefusal(order, now);
    if (refusal) return { ok: false, reason: refusal };
    const attempts = await listOrderPayments(tx, { orderId });
    const live = liveVirtualAccount(attempts, now);
    if (live) return { ok: true, order, payment: live, reused: true };

    const news = await cancelPendingAttempts(attempts, now);
    if (!news) return { ok: false, reason: "midtrans_unavailable" };
    const attempt = (attempts[attempts.length - 1]?.attempt ?? 0) + 1;
    const deadline = holdAlignedExpiry(order, now).expiresAt;
    let charge;
    try {
      charge = await chargeCoreApi(virtualAccountChargeBody(order, { attempt, now }));
    } catch (error) {
      if (!(error instanceof MidtransApiError)) throw error;
      console.error(`[midtrans] VA charge refused for order ${order.bookingCode}: ${error.message}`);
      await applyAttemptNews(tx, news, now);
      return { ok: false, reason: error.transient ? "midtrans_unavailable" : "midtrans_refused" };
    }
    const va = charge.va_numbers?.[0];
    const inserted = await insertPayment(tx, {
      orderId,
      attempt,
      midtransOrderId: midtransOrderIdOf(order, attempt),
      kind: "core",
      vaBank: va?.bank ?? (charge.bill_key ? "mandiri" : (charge.permata_va_number ? "permata" : null)),
      vaNumber: va?.va_number ?? charge.permata_va_number ?? null,
      billKey: charge.bill_key ?? null,
      billerCode: charge.biller_code ?? null,
      grossAmount: order.amountIdr,
      // The hold, unless Midtrans says the VA closes sooner (its answer counts in whole seconds, so the minute shown stays the same).
      expiresAt: earlier(parseMidtransTime(charge.expiry_time), deadline),
    });
    await applyAttemptNews(tx, news, now);
    const applied = await applyTransactionIn(tx, {
      paymentId: inserted.id,
      orderId,
      transaction: charge,
      context: { source: "charge", now },
    });
    return { ok: true, order: applied.order, payment: applied.payment, reused: false };
  });
}
