/**
 * Midtrans signs order_id + status_code + gross_amount, not transaction_status
 * or fraud_status: anyone holding one genuine notification can re-send it with
 * another transaction_status and a valid signature. So the unsigned status must
 * agree with the signed status_code, or the body is refused. The pairs below
 * are the ones Midtrans' documentation shows (docs.midtrans.com, mirrored in
 * the docs repository); a status shown with two codes accepts both.
 */

/** Statuses and fraud statuses as Midtrans spells them in its docs; DANA and ShopeePay send "PENDING". */
export function normaliseStatus(value: string | null | undefined): string | undefined {
  return typeof value === "string" ? value.trim().toLowerCase() : undefined;
}

const STATUS_CODES: Record<string, readonly string[]> = {
  // 200: "Sample HTTP Notifications" (docs/https-notification-webhooks, every method); 200 in every
  // Status API sample (docs/get-status-api-requests).
  settlement: ["200"],
  // 200: capture/accept in the Card sample there and "Capture Notif" (reference/charge-transactions-on-card);
  // 201: capture/challenge, "Challenge Notif" on the same page. Only a 200 capture pays (see below).
  capture: ["200", "201"],
  // 201: "Pending" in the code table (reference/code-statuses, "Code 2xx").
  pending: ["201"],
  // 202: "Deny Notif" (reference/charge-transactions-on-card) and docs/bank-response-codes.
  // (The deny API's own 200 answer is for POST /v2/{id}/deny, a call this app never makes.)
  deny: ["202"],
  // 200: the cancel API's answer (reference/cancel-transaction, reference/dana); 202: "Success
  // Notification" on reference/cancel-transaction.
  cancel: ["200", "202"],
  // 407: the expire API's answer (reference/expire-transaction); 202: the expire notification
  // (Permata VA) on that same page.
  expire: ["407", "202"],
  // No sample found; treated like deny, which is what the stand-in answers.
  failure: ["202"],
  // 200: the refund API's answer (reference/dana, "Success, refund request is approved").
  refund: ["200"],
  partial_refund: ["200"],
  // No sample found: same code as a refund (money leaving, a final state).
  chargeback: ["200"],
  partial_chargeback: ["200"],
  // 200: "Credit Card: Success ... (authorize, capture, settlement, cancel ...)" (reference/code-statuses).
  authorize: ["200"],
};

export interface SignedStatus {
  transaction_status: string;
  status_code: string;
  fraud_status?: string | null;
}

/**
 * Whether the transaction_status (and fraud_status) agree with the signed
 * status_code. A status we do not know passes here: the state machine ignores it.
 * Money counts only with 200, the code Midtrans' docs give every success: a
 * capture signed 201 is a challenge, never a payment.
 */
export function statusMatchesCode(transaction: SignedStatus): boolean {
  const status = normaliseStatus(transaction.transaction_status) ?? "";
  const codes = STATUS_CODES[status];
  if (!codes) return true;
  if (!codes.includes(transaction.status_code)) return false;
  if (status === "capture") {
    const challenged = normaliseStatus(transaction.fraud_status) === "challenge";
    return challenged ? transaction.status_code === "201" : transaction.status_code === "200";
  }
  return true;
}

/** The documented pairs, for tests and the stand-in. */
export const DOCUMENTED_STATUS_CODES: Readonly<Record<string, readonly string[]>> = STATUS_CODES;
