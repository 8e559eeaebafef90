import type { Database } from "@/db";
import { updatePayment } from "@/db/queries/payments";
import type { Payment } from "@/db/schema";
import { applyTransactionIn, attemptStatusOf } from "./apply-transaction";
import { chargeCoreApi, type MidtransTransaction } from "./midtrans-api";
import { parseMidtransTime } from "./midtrans-time";
import { startPaymentAttempt, type AttemptOutcome, type AttemptPlan } from "./payment-attempt";
import { holdAlignedExpiry, isVirtualAccountMethod, virtualAccountChargeBody } from "./payment-request";
import { virtualAccountOf } from "./stored-transaction";

export type IssueVaResult = AttemptOutcome<"not_va_method">;

function liveVirtualAccount(attempts: readonly Payment[], now: Date): Payment | undefined {
  const latest = attempts[attempts.length - 1];
  if (!latest || latest.kind !== "core" || attemptStatusOf(latest) !== "pending") return undefined;
  if (!latest.vaNumber && !latest.billKey) return undefined;
  return latest.expiresAt && latest.expiresAt > now ? latest : undefined;
}

function earlier(midtrans: Date | undefined, deadline: Date): Date {
  return midtrans && midtrans < deadline ? midtrans : deadline;
}

function virtualAccountPlan(now: Date): AttemptPlan<MidtransTransaction, "not_va_method"> {
  return {
    kind: "core",
    label: "VA charge",
    refusal: (order) => (isVirtualAccountMethod(order.paymentMethod) ? undefined : "not_va_method"),
    reusable: (attempts) => liveVirtualAccount(attempts, now),
    ask: (order, attempt) => chargeCoreApi(virtualAccountChargeBody(order, { attempt, now })),
    async store(tx, { order, asked, payment, made: charge }) {
      await updatePayment(tx, {
        id: payment.id,
        changes: {
          ...virtualAccountOf(charge),
          // The hold, unless Midtrans says the VA closes sooner (its answer counts in whole seconds, so the minute shown stays the same).
          expiresAt: earlier(parseMidtransTime(charge.expiry_time), holdAlignedExpiry(asked, now).expiresAt),
        },
      });
      const context = { source: "charge" as const, now };
      return applyTransactionIn(tx, { paymentId: payment.id, orderId: order.id, transaction: charge, context });
    },
  };
}

/**
 * The VA for a bank-transfer booking (BCA/BNI/BRI virtual account, Mandiri
 * bill): a Core API charge whose expiry is the rest of the hold, recorded as
 * the order's payment attempt (the order becomes "pending") by
 * startPaymentAttempt. Asking again returns the same VA while it can be paid.
 * The bot sends the result with virtualAccountText().
 */
export function issueVirtualAccount(db: Database, { orderId, now = new Date() }: { orderId: string; now?: Date }): Promise<IssueVaResult> {
  return startPaymentAttempt(db, virtualAccountPlan(now), { orderId, now });
}
