import { createHash } from "node:crypto";
import { secretsMatch } from "@/lib/http/secrets";

export interface SignedFields {
  order_id: string;
  status_code: string;
  gross_amount: string;
}

/**
 * Midtrans' notification signature: sha512 hex of order_id + status_code +
 * gross_amount + server key, over the strings exactly as they arrived
 * ("70000.00", not 70000), with no separators.
 */
export function notificationSignature(fields: SignedFields, serverKey: string): string {
  return createHash("sha512")
    .update(fields.order_id + fields.status_code + fields.gross_amount + serverKey, "utf8")
    .digest("hex");
}

/** Constant-time comparison: a wrong signature takes as long to refuse as an almost-right one. */
export function signatureIsValid(fields: SignedFields & { signature_key: string }, serverKey: string): boolean {
  if (!serverKey) return false;
  return secretsMatch(fields.signature_key.toLowerCase(), notificationSignature(fields, serverKey));
}
