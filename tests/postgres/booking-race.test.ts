import { and, eq, ne } from "drizzle-orm";
import { closedDates, orders, slots, waitlist } from "@/db/schema";
import { closeDate } from "@/lib/admin/catalog-schedule";
import { setWeekdayCapacity } from "@/db/queries/weekday-capacity";
import { addDays, todayInJakarta, weekdayOf } from "@/lib/booking/calendar";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { createBooking } from "@/lib/booking/create-booking";
import { setupTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import { waitFor } from "@/tests/support/waitlist-fixtures";

// Real Postgres only: PGlite is one connection, so it cannot race at all.
let testDb: TestDatabase;
// 20 connections queue on one slot's row lock, 200 callers behind them: on a loaded 2-core CI machine the last of
// a queue waited past production's 5 s lock timeout ("canceling statement due to lock timeout"), which answers
// "try again" and is tested in tests/reliability/postgres/lock-timeout.test.ts. Here the subject is the count.
beforeAll(async () => {
  testDb = await setupTestDatabase({ poolMax: 20, lockTimeoutMs: 30_000 });
});
afterAll(() => testDb.close());

const NOW = new Date();
const DATE = addDays(todayInJakarta(NOW), 3);
const WAITING_CHAT = 90_001;

async function firstSlotId(): Promise<number> {
  const [slot] = await testDb.db.select().from(slots).orderBy(slots.startTime).limit(1);
  return slot!.id;
}

function book(chatId: number, slotId: number) {
  return createBooking(testDb.db, {
    chatId,
    customerName: `Customer ${chatId}`,
    deviceId: 10,
    partId: 1,
    slotId,
    serviceDate: DATE,
    paymentMethod: "gopay",
    now: NOW,
  });
}

describe("reserveSlot under concurrency on real Postgres", () => {
  it("200 simultaneous bookings of a slot of capacity 2 make exactly 2 orders; a cancellation frees one place", async () => {
    expect(testDb.kind).toBe("postgres");
    const slotId = await firstSlotId();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => book(1000 + i, slotId)));
    const won = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(won).toHaveLength(2);
    expect(new Set(refused.map((r) => (r.ok ? "" : r.reason)))).toEqual(new Set(["slot_full"]));

    const live = await testDb.db
      .select()
      .from(orders)
      .where(and(eq(orders.slotId, slotId), eq(orders.serviceDate, DATE), ne(orders.repairStatus, "cancelled")));
    expect(live).toHaveLength(2);

    const first = won[0]!;
    if (!first.ok) throw new Error("unreachable");
    await cancelBooking(testDb.db, { orderId: first.order.id, actor: "test", reason: "race test" });
    const again = await Promise.all(Array.from({ length: 50 }, (_, i) => book(5000 + i, slotId)));
    expect(again.filter((r) => r.ok)).toHaveLength(1);
  });

  it("200 simultaneous bookings of the last place of a weekday whose capacity is reduced to 1 make exactly 1 order", async () => {
    const [, second] = await testDb.db.select().from(slots).orderBy(slots.startTime).limit(2);
    await setWeekdayCapacity(testDb.db, { slotId: second!.id, weekday: weekdayOf(DATE), capacity: 1 });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => book(8000 + i, second!.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.reason)))).toEqual(new Set(["slot_full"]));
    const live = await testDb.db
      .select()
      .from(orders)
      .where(and(eq(orders.slotId, second!.id), eq(orders.serviceDate, DATE), ne(orders.repairStatus, "cancelled")));
    expect(live).toHaveLength(1);
  });

  it("a date closed while bookings race for it: either the closing is refused because bookings landed first, or none lands on the closed date", async () => {
    const allSlots = await testDb.db.select().from(slots).orderBy(slots.startTime);
    for (let round = 0; round < 5; round++) {
      const date = addDays(todayInJakarta(NOW), 5 + round);
      const bookings = Array.from({ length: 40 }, (_, i) =>
        createBooking(testDb.db, {
          chatId: 20_000 + round * 100 + i,
          customerName: "Race",
          deviceId: 10,
          partId: 1,
          slotId: allSlots[i % allSlots.length]!.id,
          serviceDate: date,
          paymentMethod: "gopay",
          now: NOW,
        }),
      );
      const closing = new Promise((resolve) => setTimeout(resolve, round * 15)).then(() => closeDate(testDb.db, { username: "owner" }, { date, reason: "race" }));
      const [closed] = await Promise.all([closing, Promise.all(bookings)]);
      const live = await testDb.db
        .select()
        .from(orders)
        .where(and(eq(orders.serviceDate, date), ne(orders.repairStatus, "cancelled")));
      const isClosed = (await testDb.db.select().from(closedDates).where(eq(closedDates.date, date))).length > 0;
      expect(isClosed).toBe(closed.status === "ok");
      if (isClosed) expect(live).toEqual([]);
      else expect(live.length).toBeGreaterThan(0);
    }
  });

  it("a cancel racing 200 simultaneous bookings of its slot: the freed place is held for the waiting chat, no booking takes it, the offered chat then gets it", async () => {
    const date = addDays(todayInJakarta(NOW), 4);
    const slotId = await firstSlotId();
    const bookOn = (chatId: number) =>
      createBooking(testDb.db, { chatId, customerName: `Customer ${chatId}`, deviceId: 10, partId: 1, slotId, serviceDate: date, paymentMethod: "gopay", now: NOW });
    // Only that slot runs (the last test here, so the others' slots are left alone): the day is full once two book it.
    await testDb.db.update(slots).set({ active: false }).where(ne(slots.id, slotId));
    const first = await bookOn(90_010);
    expect((await bookOn(90_011)).ok).toBe(true);
    if (!first.ok) throw new Error("first booking refused");
    await waitFor(testDb.db, WAITING_CHAT, date);

    const [cancelled, ...results] = await Promise.all([
      cancelBooking(testDb.db, { orderId: first.order.id, actor: "test", reason: "race" }),
      ...Array.from({ length: 200 }, (_, i) => bookOn(91_000 + i)),
    ]);
    expect(cancelled.ok).toBe(true);
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    const [wait] = await testDb.db.select().from(waitlist).where(eq(waitlist.chatId, WAITING_CHAT));
    expect(wait).toMatchObject({ state: "offered", offeredSlotId: slotId });

    const again = await Promise.all([bookOn(WAITING_CHAT), ...Array.from({ length: 50 }, (_, i) => bookOn(92_000 + i))]);
    expect(again[0]!.ok).toBe(true);
    expect(again.slice(1).filter((r) => r.ok)).toHaveLength(0);
    const live = await testDb.db
      .select()
      .from(orders)
      .where(and(eq(orders.slotId, slotId), eq(orders.serviceDate, date), ne(orders.repairStatus, "cancelled")));
    expect(live.map((o) => o.chatId).sort((a, b) => a! - b!)).toEqual([WAITING_CHAT, 90_011]);
  });
});
