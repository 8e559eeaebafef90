import type { MidtransTransaction } from "./midtrans-api";
import { normaliseStatus } from "./status-codes";

/**
 * signature_key is a hash over the server key: a stored one adds nothing to
 * the record (it can be recomputed from the fields) and hands an offline
 * guesser of the key something to test against. It is dropped before anything
 * Midtrans sent is written anywhere.
 */
export function withoutSignature<T>(value: T): T {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const { signature_key: _dropped, ...rest } = value as Record<string, unknown>;
  return rest as T;
}

/** A transaction as we store and decide on it: statuses in lower case (DANA and ShopeePay send "PENDING"), no signature. */
export function normaliseTransaction(transaction: MidtransTransaction): MidtransTransaction {
  const normal: MidtransTransaction = {
    ...withoutSignature(transaction),
    transaction_status: normaliseStatus(transaction.transaction_status) ?? "",
  };
  if (typeof transaction.fraud_status === "string") normal.fraud_status = normaliseStatus(transaction.fraud_status);
  return normal;
}
