import type { Payment } from "@/db/schema";
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

export type VirtualAccountFields = Pick<Payment, "vaBank" | "vaNumber" | "billKey" | "billerCode">;

/** The bank and number (or Mandiri bill key) a transaction carries: from our own charge, or a VA chosen inside Snap. */
export function virtualAccountOf(transaction: MidtransTransaction): VirtualAccountFields {
  const va = transaction.va_numbers?.[0];
  return {
    vaBank: va?.bank ?? (transaction.bill_key ? "mandiri" : transaction.permata_va_number ? "permata" : null),
    vaNumber: va?.va_number ?? transaction.permata_va_number ?? null,
    billKey: transaction.bill_key ?? null,
    billerCode: transaction.biller_code ?? null,
  };
}
