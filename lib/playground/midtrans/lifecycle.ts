import { randomInt } from "node:crypto";
import { METHOD_IDS, midtransTime, paymentTypeOf } from "./shapes";
import { nextCounter, type MethodId, type PlaygroundTransaction } from "./store";

const VA_PREFIX: Record<string, string> = { bca: "12345", bni: "988", bri: "8888", permata: "8778" };

function vaNumber(bank: string): string {
  return `${VA_PREFIX[bank] ?? "777"}${String(100_000_000 + nextCounter() * 7919 + randomInt(1000))}`;
}

/**
 * The customer picks a method (in Snap) or the merchant charges one (Core):
 * the transaction becomes pending with what the customer needs to pay — a VA
 * number, a Mandiri bill key, a QR. A card has no pending step.
 */
export function applyMethod(t: PlaygroundTransaction, method: MethodId, now = Date.now()): void {
  t.method = method;
  t.payment_type = paymentTypeOf(method);
  t.transaction_time = midtransTime(now);
  t.expiry_time = midtransTime(t.expiresAt);
  delete t.va_numbers;
  delete t.permata_va_number;
  delete t.bill_key;
  delete t.biller_code;
  if (method === "permata_va") t.permata_va_number = vaNumber("permata");
  else if (method.endsWith("_va")) {
    const bank = method.replace("_va", "");
    t.va_numbers = [{ bank, va_number: vaNumber(bank) }];
  } else if (method === "echannel") {
    t.bill_key = String(700_000_000_000 + nextCounter() * 104_729);
    t.biller_code = "70012";
  }
  if (method !== "credit_card") {
    t.transaction_status = "pending";
    t.fraud_status = "accept";
  }
}

/** Money arrived: settlement, or capture + accept for a card. */
export function applyPaid(t: PlaygroundTransaction, now = Date.now()): void {
  t.transaction_status = t.method === "credit_card" ? "capture" : "settlement";
  t.fraud_status = "accept";
  t.settlement_time = midtransTime(now);
  t.transaction_time ??= midtransTime(now);
}

export type FinalStatus = "deny" | "expire" | "cancel" | "failure";

export function applyFinal(t: PlaygroundTransaction, status: FinalStatus, now = Date.now()): void {
  t.transaction_status = status;
  t.fraud_status = status === "deny" ? "deny" : "accept";
  t.transaction_time ??= midtransTime(now);
  t.payment_type ??= paymentTypeOf(t.method ?? "bca_va");
}

export function isPayable(t: PlaygroundTransaction, now = Date.now()): boolean {
  return (t.transaction_status === undefined || t.transaction_status === "pending") && now < t.expiresAt;
}

/** A pending transaction past its expiry becomes expire, as Midtrans does it on its own. */
export function hasLapsed(t: PlaygroundTransaction, now = Date.now()): boolean {
  return t.transaction_status === "pending" && now >= t.expiresAt;
}

export function readMethods(value: unknown): MethodId[] {
  const list = Array.isArray(value) ? value.filter((m): m is MethodId => METHOD_IDS.includes(m as MethodId)) : [];
  return list.length ? list : [...METHOD_IDS];
}
