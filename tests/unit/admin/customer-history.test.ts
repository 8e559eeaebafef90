import type { Order } from "@/db/schema";
import { summarizeCustomer } from "@/lib/admin/customer-history";

const order = (serviceDate: string, changes: Partial<Order> = {}) =>
  ({ serviceDate, amountIdr: 70_000, paymentStatus: "unpaid", repairStatus: "booked", ...changes }) as Order;

describe("a returning customer's history", () => {
  it("counts bookings that were not cancelled, and money actually received", () => {
    const history = summarizeCustomer(
      [
        order("2026-12-20"),
        order("2026-12-01", { paymentStatus: "paid", repairStatus: "completed", amountIdr: 250_000 }),
        order("2026-11-10", { paymentStatus: "expired", repairStatus: "cancelled" }),
        order("2026-10-05", { paymentStatus: "partially_refunded", repairStatus: "completed", amountIdr: 120_000 }),
        order("2026-09-01", { paymentStatus: "refunded", repairStatus: "cancelled" }),
      ],
      "2026-12-06",
    );
    expect(history).toMatchObject({ bookings: 3, paidTotalIdr: 370_000, lastVisit: "2026-12-01", nextVisit: "2026-12-20" });
  });

  it("today's appointment is the last visit, not the next one; a cancelled future date is neither", () => {
    const history = summarizeCustomer([order("2026-12-06"), order("2026-12-24", { repairStatus: "cancelled" })], "2026-12-06");
    expect(history).toMatchObject({ lastVisit: "2026-12-06", nextVisit: undefined, bookings: 1, paidTotalIdr: 0 });
  });
});
