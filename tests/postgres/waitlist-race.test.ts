import { and, eq, ne } from "drizzle-orm";
import { orders, slots, waitlist } from "@/db/schema";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { createBooking } from "@/lib/booking/create-booking";
import { setupTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import { waitFor } from "@/tests/support/waitlist-fixtures";

// Real Postgres only, beside booking-race.test.ts: a place held for a waitlist offer under 200 simultaneous bookings.
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await setupTestDatabase({ poolMax: 20 });
});
afterAll(() => testDb.close());

const NOW = new Date();
const DATE = addDays(todayInJakarta(NOW), 4);
const WAITING_CHAT = 90_001;

function book(chatId: number, slotId: number) {
  return createBooking(testDb.db, { chatId, customerName: `Customer ${chatId}`, deviceId: 10, partId: 1, slotId, serviceDate: DATE, paymentMethod: "gopay", now: NOW });
}

describe("a place held for a waitlist offer under concurrency on real Postgres", () => {
  it("a cancel racing 200 simultaneous bookings: the freed place is held for the waiting chat, no booking takes it, the offered chat then gets it", async () => {
    expect(testDb.kind).toBe("postgres");
    const [slot] = await testDb.db.select().from(slots).orderBy(slots.startTime).limit(1);
    const slotId = slot!.id;
    // Only that slot runs (capacity 2): the day is full once two book it.
    await testDb.db.update(slots).set({ active: false }).where(ne(slots.id, slotId));
    const first = await book(90_010, slotId);
    expect((await book(90_011, slotId)).ok).toBe(true);
    await waitFor(testDb.db, WAITING_CHAT, DATE);
    if (!first.ok) throw new Error("first booking refused");

    const [cancelled, ...results] = await Promise.all([
      cancelBooking(testDb.db, { orderId: first.order.id, actor: "test", reason: "race" }),
      ...Array.from({ length: 200 }, (_, i) => book(91_000 + i, slotId)),
    ]);
    expect(cancelled.ok).toBe(true);
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    const [wait] = await testDb.db.select().from(waitlist).where(eq(waitlist.chatId, WAITING_CHAT));
    expect(wait).toMatchObject({ state: "offered", offeredSlotId: slotId });

    const again = await Promise.all([book(WAITING_CHAT, slotId), ...Array.from({ length: 50 }, (_, i) => book(92_000 + i, slotId))]);
    expect(again[0]!.ok).toBe(true);
    expect(again.slice(1).filter((r) => r.ok)).toHaveLength(0);
    const live = await testDb.db
      .select()
      .from(orders)
      .where(and(eq(orders.slotId, slotId), eq(orders.serviceDate, DATE), ne(orders.repairStatus, "cancelled")));
    expect(live).toHaveLength(2);
    expect(live.map((o) => o.chatId)).toContain(WAITING_CHAT);
  });
});
