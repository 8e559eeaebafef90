/**
 * Midtrans' refund endpoint, simulated (POST {core}/v2/{order_id}/refund, docs
 * "Refund Transactions"): only a settled (or partly refunded) transaction of a
 * method Midtrans refunds by API; the amount defaults to what is left; the same
 * refund_key again answers the first result and refunds nothing more. Shared by
 * the playground and the tests' stand-in, which keep their own transactions.
 */

import { REFUNDABLE_PAYMENT_TYPES } from "@/lib/payments/refundable";

export interface RefundableTransaction {
  order_id: string;
  transaction_id: string;
  gross_amount: number;
  transaction_status?: string;
  payment_type?: string;
  transaction_time?: string;
  /** refund_key → the answer given, in order. */
  refunds?: Map<string, Record<string, unknown>>;
}

export interface RefundAnswer {
  status: number;
  body: Record<string, unknown>;
}

const refused = (status: number, message: string): RefundAnswer => ({ status, body: { status_code: String(status), status_message: message } });

export function refundedSoFar(t: RefundableTransaction): number {
  return [...(t.refunds?.values() ?? [])].reduce((sum, answer) => sum + Number.parseInt(String(answer.refund_amount), 10), 0);
}

export function refundTransaction(t: RefundableTransaction | undefined, body: Record<string, unknown>, now: string): RefundAnswer {
  if (!t?.transaction_status) return refused(404, "Transaction doesn't exist.");
  const key = typeof body.refund_key === "string" && /^[A-Za-z0-9_-]{1,100}$/.test(body.refund_key) ? body.refund_key : undefined;
  if (body.refund_key !== undefined && !key) return refused(400, "refund_key may hold letters, digits, - and _ only");
  const earlier = key ? t.refunds?.get(key) : undefined;
  if (earlier) return { status: 200, body: earlier };
  if (!["settlement", "capture", "partial_refund"].includes(t.transaction_status)) {
    return refused(412, "Transaction status cannot be updated");
  }
  if (!REFUNDABLE_PAYMENT_TYPES.includes(t.payment_type ?? "")) return refused(412, "Payment type is not supported for refund");
  const left = t.gross_amount - refundedSoFar(t);
  const amount = body.amount === undefined ? left : Number(body.amount);
  if (!Number.isInteger(amount) || amount <= 0) return refused(400, "amount must be a positive whole number");
  if (amount > left) return refused(412, "Refund amount must be less than or equal to the remaining amount");
  t.refunds ??= new Map();
  t.transaction_status = amount === left ? "refund" : "partial_refund";
  const answer = {
    status_code: "200",
    status_message: "Success, refund request is approved",
    transaction_id: t.transaction_id,
    order_id: t.order_id,
    payment_type: t.payment_type,
    transaction_time: t.transaction_time ?? now,
    transaction_status: t.transaction_status,
    gross_amount: `${t.gross_amount}.00`,
    refund_chargeback_id: t.refunds.size + 1,
    refund_amount: `${amount}.00`,
    refund_key: key ?? `refund-${t.refunds.size + 1}`,
  };
  t.refunds.set(answer.refund_key, answer);
  return { status: 200, body: answer };
}
