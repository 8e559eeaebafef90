import type { PaymentStatus, RepairStatus } from "@/db/schema";
import { normaliseStatus } from "./status-codes";

/**
 * The payment state machine. Each Midtrans transaction (one attempt, one
 * midtrans order_id) moves through it on its own; the order's payment status is
 * then derived from its attempts (orderPaymentOutcome).
 */

export const TRANSACTION_STATUSES = [
  "pending",
  "authorize",
  "capture",
  "settlement",
  "deny",
  "cancel",
  "expire",
  "failure",
  "refund",
  "partial_refund",
  "chargeback",
  "partial_chargeback",
] as const;
export const FRAUD_STATUSES = ["accept", "challenge", "deny"] as const;

export interface TransactionState {
  transaction_status: string;
  fraud_status?: string | null;
}

/** What a Midtrans transaction state means for us; undefined for a status we do not know. */
export function statusOfTransaction(state: TransactionState): PaymentStatus | undefined {
  const fraud_status = normaliseStatus(state.fraud_status);
  switch (normaliseStatus(state.transaction_status)) {
    case "pending":
    case "authorize": // a card authorised but not captured: no money yet
      return "pending";
    case "capture":
      if (fraud_status === "challenge") return "review";
      return fraud_status === "deny" ? "failed" : "paid";
    case "settlement":
      return fraud_status === "deny" ? "failed" : "paid";
    case "deny":
    case "cancel":
    case "failure":
      return "failed";
    case "expire":
      return "expired";
    case "refund":
    case "chargeback":
      return "refunded";
    case "partial_refund":
    case "partial_chargeback":
      return "partially_refunded";
    default:
      return undefined;
  }
}

const MONEY_CAME: PaymentStatus[] = ["paid", "refunded", "partially_refunded"];

/** Moves allowed from each status. Money that arrives is never ignored, even after a failure or expiry. */
const ALLOWED: Record<PaymentStatus, readonly PaymentStatus[]> = {
  unpaid: ["pending", "review", "failed", "expired", ...MONEY_CAME],
  pending: ["review", "failed", "expired", ...MONEY_CAME],
  review: ["failed", "expired", ...MONEY_CAME],
  failed: MONEY_CAME,
  expired: MONEY_CAME,
  paid: ["refunded", "partially_refunded"],
  partially_refunded: ["refunded"],
  refunded: [],
};

export type PaymentStep =
  | { kind: "change"; status: PaymentStatus; reversal: boolean }
  | { kind: "unchanged"; status: PaymentStatus; reason: "duplicate" | "backwards" | "unknown_status" | "status_mismatch" };

/** Documented ways for money already counted to be taken back (docs/transaction-status-cycle). */
const REVERSALS = [
  // A settlement that becomes deny (Permata VA, Mandiri bill, Indomaret, within minutes).
  "deny",
  // A card capture voided before it settles ("Capture transaction is cancelled before Settlement").
  "cancel",
];

/**
 * The next status of an attempt given what Midtrans says now. It never goes
 * backwards (a late `pending` after `settlement` changes nothing), with the
 * documented reversals as exceptions: a paid attempt that becomes `deny` or
 * `cancel` is applied and marked as a reversal.
 */
export function nextPaymentStatus(current: PaymentStatus, state: TransactionState): PaymentStep {
  const target = statusOfTransaction(state);
  if (!target) return { kind: "unchanged", status: current, reason: "unknown_status" };
  if (target === current) return { kind: "unchanged", status: current, reason: "duplicate" };
  if (current === "paid" && REVERSALS.includes(normaliseStatus(state.transaction_status) ?? "")) {
    return { kind: "change", status: "failed", reversal: true };
  }
  if (ALLOWED[current].includes(target)) return { kind: "change", status: target, reversal: false };
  return { kind: "unchanged", status: current, reason: "backwards" };
}

export interface AttemptSummary {
  attempt: number;
  status: PaymentStatus;
}

export interface OrderPaymentOutcome {
  paymentStatus: PaymentStatus;
  /** Money came in that must go back: two attempts both paid, or a paid order that is cancelled. */
  needsRefund: boolean;
}

/**
 * An order's payment status from its attempts: any paid attempt makes it paid
 * (then review, then refunds); otherwise the latest attempt speaks, since an
 * older one was superseded. A cancelled (or expired) order keeps its status
 * unless money moved. `paidElsewhere`: the order was marked paid with no paid
 * attempt behind it (cash), so no Midtrans news can unpay it.
 */
export function orderPaymentOutcome(
  order: { paymentStatus: PaymentStatus; repairStatus: RepairStatus },
  attempts: readonly AttemptSummary[],
  { paidElsewhere = false }: { paidElsewhere?: boolean } = {},
): OrderPaymentOutcome {
  // Money recorded outside Midtrans (cash at the shop) counts like a paid attempt.
  const statuses = [...attempts.map((a) => a.status), ...(paidElsewhere ? (["paid"] as const) : [])];
  const paidCount = statuses.filter((s) => s === "paid").length;
  const cancelled = order.repairStatus === "cancelled";
  const needsRefund = paidCount >= 2 || (cancelled && paidCount >= 1);
  for (const money of ["paid", "review", "partially_refunded", "refunded"] as const) {
    if (statuses.includes(money)) return { paymentStatus: money, needsRefund };
  }
  if (cancelled) return { paymentStatus: order.paymentStatus, needsRefund };
  const latest = [...attempts].sort((a, b) => b.attempt - a.attempt)[0];
  return { paymentStatus: latest?.status ?? "unpaid", needsRefund };
}

/** Statuses in which the customer can still pay (a new attempt may be started). */
export const PAYABLE_STATUSES: readonly PaymentStatus[] = ["unpaid", "pending", "failed"];
