import { createHash } from "node:crypto";
import { refundedSoFar } from "./refund";
import { midtransSetup, type MethodId, type PlaygroundTransaction } from "./store";

/** Midtrans' timestamps: "YYYY-MM-DD HH:MM:SS" in Jakarta time (UTC+7, no daylight saving). */
export function midtransTime(at: number): string {
  return new Date(at + 7 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** The status_code Midtrans gives each transaction status (reference/midtrans.md). */
export function statusCodeOf(transactionStatus: string): string {
  // Some methods spell the status in capitals ("PENDING" from DANA and ShopeePay); the code is the same.
  const status = transactionStatus.toLowerCase();
  if (status === "pending") return "201";
  if (status === "deny" || status === "failure") return "202";
  if (status === "expire") return "407";
  return "200";
}

type SignedFields = { order_id: string; status_code: string; gross_amount: string };

/** signature_key = sha512(order_id + status_code + gross_amount + server key), the strings exactly as sent. */
export function signNotification(fields: SignedFields, serverKey: string): string {
  return createHash("sha512").update(`${fields.order_id}${fields.status_code}${fields.gross_amount}${serverKey}`).digest("hex");
}

export function signatureOf(fields: SignedFields): string {
  return signNotification(fields, midtransSetup().serverKey);
}

export const amountText = (amount: number) => `${amount}.00`;

export const METHOD_LABELS: Record<MethodId, string> = {
  bca_va: "BCA Virtual Account",
  bni_va: "BNI Virtual Account",
  bri_va: "BRI Virtual Account",
  permata_va: "Permata Virtual Account",
  echannel: "Mandiri Bill Payment",
  gopay: "GoPay",
  shopeepay: "ShopeePay",
  other_qris: "QRIS",
  credit_card: "Kartu Kredit/Debit",
};

export const METHOD_IDS = Object.keys(METHOD_LABELS) as MethodId[];

/** payment_type as Midtrans reports it for each method. */
export function paymentTypeOf(method: MethodId): string {
  if (method.endsWith("_va")) return "bank_transfer";
  if (method === "other_qris") return "qris";
  return method;
}

/**
 * The transaction as the Status API and notifications describe it. Fields a
 * method does not have are left out, as Midtrans leaves them out.
 */
export function transactionBody(t: PlaygroundTransaction): Record<string, unknown> {
  const status = t.transaction_status ?? "pending";
  const body: Record<string, unknown> = {
    status_code: t.status_code ?? statusCodeOf(status),
    status_message: "Success, transaction is found",
    transaction_id: t.transaction_id,
    order_id: t.order_id,
    merchant_id: "G000000000",
    gross_amount: amountText(t.gross_amount),
    currency: "IDR",
    payment_type: t.payment_type,
    transaction_time: t.transaction_time,
    transaction_status: status,
    fraud_status: t.fraud_status ?? "accept",
  };
  if (t.expiry_time) body.expiry_time = t.expiry_time;
  if (t.settlement_time) body.settlement_time = t.settlement_time;
  if (t.va_numbers) body.va_numbers = t.va_numbers;
  if (t.permata_va_number) body.permata_va_number = t.permata_va_number;
  if (t.bill_key) Object.assign(body, { bill_key: t.bill_key, biller_code: t.biller_code });
  if (t.payment_type === "qris") body.acquirer = "gopay";
  if (t.payment_type === "credit_card") Object.assign(body, { masked_card: "48111111-1114", bank: "bni", card_type: "credit", channel_response_code: "00" });
  if (t.refunds?.size) {
    const refunds = [...t.refunds.values()];
    body.refunds = refunds.map((r) => ({ refund_chargeback_id: r.refund_chargeback_id, refund_amount: r.refund_amount, refund_key: r.refund_key, created_at: r.transaction_time }));
    body.refund_amount = amountText(refundedSoFar(t));
  }
  body.signature_key = signatureOf(body as { order_id: string; status_code: string; gross_amount: string });
  return body;
}
