import type { PaymentStatus } from "@/db/schema";
import {
  FRAUD_STATUSES,
  nextPaymentStatus,
  orderPaymentOutcome,
  statusOfTransaction,
  TRANSACTION_STATUSES,
} from "@/lib/payments/payment-state";

// What each documented transaction_status × fraud_status means (columns: accept, challenge, deny, none).
const MEANING: Record<(typeof TRANSACTION_STATUSES)[number], [PaymentStatus, PaymentStatus, PaymentStatus, PaymentStatus]> = {
  pending: ["pending", "pending", "pending", "pending"],
  authorize: ["pending", "pending", "pending", "pending"],
  capture: ["paid", "review", "failed", "paid"],
  settlement: ["paid", "paid", "failed", "paid"],
  deny: ["failed", "failed", "failed", "failed"],
  cancel: ["failed", "failed", "failed", "failed"],
  expire: ["expired", "expired", "expired", "expired"],
  failure: ["failed", "failed", "failed", "failed"],
  refund: ["refunded", "refunded", "refunded", "refunded"],
  partial_refund: ["partially_refunded", "partially_refunded", "partially_refunded", "partially_refunded"],
  chargeback: ["refunded", "refunded", "refunded", "refunded"],
  partial_chargeback: ["partially_refunded", "partially_refunded", "partially_refunded", "partially_refunded"],
};

describe("statusOfTransaction", () => {
  const rows = TRANSACTION_STATUSES.flatMap((transaction_status) =>
    [...FRAUD_STATUSES, undefined].map((fraud_status, column) => [transaction_status, fraud_status, MEANING[transaction_status][column]] as const),
  );
  it.each(rows)("%s with fraud_status %s means %s", (transaction_status, fraud_status, expected) => {
    expect(statusOfTransaction({ transaction_status, fraud_status })).toBe(expected);
  });

  it("knows nothing of an undocumented status", () => {
    expect(statusOfTransaction({ transaction_status: "teleported" })).toBeUndefined();
  });
});

// One Midtrans state per target status, and the expected move from every current status:
// C = changes to it, = = duplicate (unchanged), . = backwards (unchanged).
const TARGETS: [string, { transaction_status: string; fraud_status?: string }][] = [
  ["pending", { transaction_status: "pending" }],
  ["review", { transaction_status: "capture", fraud_status: "challenge" }],
  ["paid", { transaction_status: "settlement", fraud_status: "accept" }],
  ["failed", { transaction_status: "failure" }],
  ["expired", { transaction_status: "expire" }],
  ["refunded", { transaction_status: "refund" }],
  ["partially_refunded", { transaction_status: "partial_refund" }],
];
const GRID: Record<PaymentStatus, string> = {
  //                  pend review paid fail exp  ref  part
  unpaid: /*       */ "C    C      C    C    C    C    C",
  pending: /*      */ "=    C      C    C    C    C    C",
  review: /*       */ ".    =      C    C    C    C    C",
  paid: /*         */ ".    .      =    .    .    C    C",
  failed: /*       */ ".    .      C    =    .    C    C",
  expired: /*      */ ".    .      C    .    =    C    C",
  refunded: /*     */ ".    .      .    .    .    =    .",
  partially_refunded: ".    .      .    .    .    C    =",
};

describe("nextPaymentStatus", () => {
  const rows = Object.entries(GRID).flatMap(([from, line]) =>
    line.split(/\s+/).map((mark, i) => [from as PaymentStatus, TARGETS[i]![0], mark, TARGETS[i]![1]] as const),
  );
  it.each(rows)("from %s, news of %s: %s", (from, target, mark, state) => {
    const step = nextPaymentStatus(from, state);
    if (mark === "C") expect(step).toEqual({ kind: "change", status: target, reversal: false });
    if (mark === "=") expect(step).toEqual({ kind: "unchanged", status: from, reason: "duplicate" });
    if (mark === ".") expect(step).toEqual({ kind: "unchanged", status: from, reason: "backwards" });
  });

  it("a late pending after settlement changes nothing (out-of-order delivery)", () => {
    const settled = nextPaymentStatus("unpaid", { transaction_status: "settlement", fraud_status: "accept" });
    expect(settled).toMatchObject({ kind: "change", status: "paid" });
    expect(nextPaymentStatus("paid", { transaction_status: "pending" })).toEqual({ kind: "unchanged", status: "paid", reason: "backwards" });
  });

  it("the same settlement twice changes nothing the second time", () => {
    expect(nextPaymentStatus("paid", { transaction_status: "settlement", fraud_status: "accept" })).toMatchObject({
      kind: "unchanged",
      reason: "duplicate",
    });
  });

  it("applies the documented settlement → deny reversal, and marks it", () => {
    expect(nextPaymentStatus("paid", { transaction_status: "deny" })).toEqual({ kind: "change", status: "failed", reversal: true });
    // …but an expiry after payment is not such a reversal.
    expect(nextPaymentStatus("paid", { transaction_status: "expire" })).toMatchObject({ kind: "unchanged", reason: "backwards" });
  });

  it("applies the documented capture → cancel (a card capture voided before settlement) as a reversal", () => {
    expect(nextPaymentStatus("paid", { transaction_status: "cancel" })).toEqual({ kind: "change", status: "failed", reversal: true });
  });

  it("reads statuses whatever their case (DANA and ShopeePay send PENDING)", () => {
    expect(nextPaymentStatus("unpaid", { transaction_status: "PENDING" })).toMatchObject({ kind: "change", status: "pending" });
    expect(statusOfTransaction({ transaction_status: "Capture", fraud_status: "CHALLENGE" })).toBe("review");
    expect(statusOfTransaction({ transaction_status: "SETTLEMENT", fraud_status: "DENY" })).toBe("failed");
    expect(nextPaymentStatus("paid", { transaction_status: "DENY" })).toMatchObject({ reversal: true });
  });

  it("a challenged card payment waits for review, then accept pays it and deny fails it", () => {
    const review = nextPaymentStatus("pending", { transaction_status: "capture", fraud_status: "challenge" });
    expect(review).toMatchObject({ status: "review" });
    expect(nextPaymentStatus("review", { transaction_status: "capture", fraud_status: "accept" })).toMatchObject({ status: "paid" });
    expect(nextPaymentStatus("review", { transaction_status: "deny" })).toMatchObject({ status: "failed", reversal: false });
  });

  it("a refund after payment is applied, a partial one first and the rest after", () => {
    expect(nextPaymentStatus("paid", { transaction_status: "partial_refund" })).toMatchObject({ status: "partially_refunded" });
    expect(nextPaymentStatus("partially_refunded", { transaction_status: "refund" })).toMatchObject({ status: "refunded" });
    expect(nextPaymentStatus("refunded", { transaction_status: "settlement" })).toMatchObject({ kind: "unchanged" });
  });

  it("an unknown status changes nothing", () => {
    expect(nextPaymentStatus("pending", { transaction_status: "teleported" })).toEqual({ kind: "unchanged", status: "pending", reason: "unknown_status" });
  });
});

describe("orderPaymentOutcome", () => {
  const live = { paymentStatus: "unpaid" as PaymentStatus, repairStatus: "booked" as const };

  it("an order without attempts is unpaid; the latest attempt speaks while none is paid", () => {
    expect(orderPaymentOutcome(live, [])).toEqual({ paymentStatus: "unpaid", needsRefund: false });
    expect(orderPaymentOutcome(live, [{ attempt: 1, status: "failed" }, { attempt: 2, status: "pending" }]).paymentStatus).toBe("pending");
    // A superseded VA that was cancelled does not make a newer Snap attempt look failed.
    expect(orderPaymentOutcome(live, [{ attempt: 2, status: "unpaid" }, { attempt: 1, status: "failed" }]).paymentStatus).toBe("unpaid");
  });

  it("any paid attempt makes the order paid; two paid attempts need a refund", () => {
    expect(orderPaymentOutcome(live, [{ attempt: 1, status: "paid" }, { attempt: 2, status: "expired" }])).toEqual({ paymentStatus: "paid", needsRefund: false });
    expect(orderPaymentOutcome(live, [{ attempt: 1, status: "paid" }, { attempt: 2, status: "paid" }])).toEqual({ paymentStatus: "paid", needsRefund: true });
  });

  it("an order paid outside Midtrans (cash) stays paid whatever an old attempt does, and a Midtrans payment on top needs a refund", () => {
    const cash = { paymentStatus: "paid" as PaymentStatus, repairStatus: "booked" as const };
    expect(orderPaymentOutcome(cash, [{ attempt: 1, status: "expired" }], { paidElsewhere: true })).toEqual({ paymentStatus: "paid", needsRefund: false });
    expect(orderPaymentOutcome(cash, [{ attempt: 1, status: "paid" }], { paidElsewhere: true })).toEqual({ paymentStatus: "paid", needsRefund: true });
  });

  it("money for a cancelled or expired booking is kept as paid and flagged for refund", () => {
    const gone = { paymentStatus: "expired" as PaymentStatus, repairStatus: "cancelled" as const };
    expect(orderPaymentOutcome(gone, [{ attempt: 1, status: "failed" }])).toEqual({ paymentStatus: "expired", needsRefund: false });
    expect(orderPaymentOutcome(gone, [{ attempt: 1, status: "paid" }])).toEqual({ paymentStatus: "paid", needsRefund: true });
    expect(orderPaymentOutcome(gone, [{ attempt: 1, status: "refunded" }])).toEqual({ paymentStatus: "refunded", needsRefund: false });
  });
});
