import { eq } from "drizzle-orm";
import { orders, slots } from "@/db/schema";
import { getSlotAvailability } from "@/lib/booking/availability";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { createBooking } from "@/lib/booking/create-booking";
import { consistencyProblems } from "@/tests/support/consistency";
import { bookOrder, customerBooking, holdRanOut, readAudit, readOrder, readOutbox } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

// Issue 13, "slots that look full but are not": a hold that ran out unpaid frees its place
// at once, before any sweep, and the place is still given out exactly once.
const DAY = addDays(todayInJakarta(), 2);
const suite = registerSuiteDatabase();

async function firstSlot() {
  const [slot] = await suite.db.select().from(slots).orderBy(slots.startTime).limit(1);
  await suite.db.update(slots).set({ capacity: 1 }).where(eq(slots.id, slot!.id));
  return slot!;
}

function bookNow(chatId: number, slotId: number) {
  return createBooking(suite.db, { ...customerBooking({ chatId, slotId, serviceDate: DAY }), now: new Date() });
}

describe("a place whose hold ran out unpaid", () => {
  it("shows free to the bot before any sweep, and the next booking takes it: the lapsed order is expired in that booking's transaction and its customer told", async () => {
    const slot = await firstSlot();
    const lapsed = await bookOrder(suite.db, { serviceDate: DAY, ...holdRanOut() });
    expect(lapsed.repairStatus).toBe("booked"); // not swept

    const shown = await getSlotAvailability(suite.db, { serviceDate: DAY });
    expect(shown.find((s) => s.id === slot.id)).toMatchObject({ taken: 0, remaining: 1, bookable: true });

    const next = await bookNow(7001, slot.id);
    expect(next.ok).toBe(true);
    expect(await readOrder(suite.db, lapsed.id)).toMatchObject({ paymentStatus: "expired", repairStatus: "cancelled" });
    const [expiry] = await readAudit(suite.db, "order.expired");
    expect(expiry).toMatchObject({ entityId: lapsed.id, actor: "system", after: expect.objectContaining({ reason: "place_needed" }) });
    expect((await readOutbox(suite.db)).filter((m) => m.dedupeKey === `order:${lapsed.id}:payment_expired`)).toHaveLength(1);
    expect(await consistencyProblems(suite.db)).toEqual([]);
  });

  it("a hold still running, a paid order and a pay-at-shop order (no hold) keep their places", async () => {
    const slot = await firstSlot();
    const running = await bookOrder(suite.db, { serviceDate: DAY });
    expect(await bookNow(7002, slot.id)).toMatchObject({ ok: false, reason: "slot_full" });

    await suite.db.update(orders).set({ holdExpiresAt: new Date(Date.now() - 60_000), paymentStatus: "paid" }).where(eq(orders.id, running.id));
    expect(await bookNow(7003, slot.id)).toMatchObject({ ok: false, reason: "slot_full" });

    await suite.db.update(orders).set({ holdExpiresAt: null, paymentStatus: "unpaid", paymentMethod: "pay_at_shop" }).where(eq(orders.id, running.id));
    expect(await bookNow(7004, slot.id)).toMatchObject({ ok: false, reason: "slot_full" });
    expect(await readOrder(suite.db, running.id)).toMatchObject({ repairStatus: "booked" });
    const shown = await getSlotAvailability(suite.db, { serviceDate: DAY });
    expect(shown.find((s) => s.id === slot.id)).toMatchObject({ taken: 1, remaining: 0, bookable: false });
  });

  it("30 simultaneous bookings for the place of one lapsed hold make exactly one order, and the lapsed order is expired once", async () => {
    const slot = await firstSlot();
    const lapsed = await bookOrder(suite.db, { serviceDate: DAY, ...holdRanOut() });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => bookNow(7100 + i, slot.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "slot_full")).toBe(true);
    expect(await readOrder(suite.db, lapsed.id)).toMatchObject({ repairStatus: "cancelled" });
    expect(await readAudit(suite.db, "order.expired")).toHaveLength(1);
    const live = await suite.db.select().from(orders).where(eq(orders.repairStatus, "booked"));
    expect(live).toHaveLength(1);
    expect(await consistencyProblems(suite.db)).toEqual([]);
  });
});
