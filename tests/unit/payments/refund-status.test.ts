import { statusAfterRefunds } from "@/lib/payments/refund-order";

describe("an order's payment status after refunds", () => {
  const open = { amountIdr: 70_000, repairStatus: "booked" as const };
  const cancelled = { amountIdr: 70_000, repairStatus: "cancelled" as const };

  it.each([
    ["all of one payment back", open, 70_000, 70_000, "refunded"],
    ["part of one payment back", open, 70_000, 20_000, "partially_refunded"],
    ["a double payment's extra back: still paid", open, 140_000, 70_000, "paid"],
    ["a double payment, more than the extra back", open, 140_000, 90_000, "partially_refunded"],
    ["a cancelled order, part back", cancelled, 70_000, 50_000, "partially_refunded"],
    ["a cancelled double payment, one back: the rest is still owed", cancelled, 140_000, 70_000, "partially_refunded"],
    ["a cancelled order, everything back", cancelled, 140_000, 140_000, "refunded"],
  ] as const)("%s", (_name, order, received, refunded, status) => {
    expect(statusAfterRefunds(order, received, refunded)).toBe(status);
  });
});
