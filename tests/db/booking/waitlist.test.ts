import { eq } from "drizzle-orm";
import { outbox, waitlist } from "@/db/schema";
import { getSlotAvailability } from "@/lib/booking/availability";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { createBooking } from "@/lib/booking/create-booking";
import { rescheduleBooking } from "@/lib/booking/reschedule-booking";
import { leaveWaitlist } from "@/lib/booking/waitlist";
import { sweepWaitlist } from "@/lib/booking/waitlist-offer";
import { expireHolds } from "@/lib/payments/expire-holds";
import { saveSlot } from "@/lib/admin/catalog-schedule";
import { saveShopSettings } from "@/db/queries/settings";
import { consistencyProblems } from "@/tests/support/consistency";
import { bookOrder, holdRanOut } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";
import type { TestDatabase } from "@/tests/support/test-db";
import { offersTo, onePlaceDay, waitFor, waitOf } from "@/tests/support/waitlist-fixtures";

// Issue 16, waitlist: a freed place goes to the first waiting chat, held for it, then to the next.
const suite = registerSuiteDatabase();
let testDb: TestDatabase;
beforeEach(() => {
  testDb = suite.testDb;
});

const DAY = addDays(todayInJakarta(), 2);
const OWNER = { username: "sari", ip: null };

function bookFor(chatId: number, slotId: number, now = new Date()) {
  return createBooking(testDb.db, { chatId, customerName: `Pelanggan ${chatId}`, deviceId: 10, partId: 1, slotId, serviceDate: DAY, paymentMethod: "gopay", now });
}

async function fullDay() {
  const slot = await onePlaceDay(testDb.db);
  const taken = await bookOrder(testDb.db, { serviceDate: DAY, chatId: 7100 });
  await waitFor(testDb.db, 7201, DAY, new Date(Date.now() - 2000));
  await waitFor(testDb.db, 7202, DAY, new Date(Date.now() - 1000));
  return { slot, taken };
}

describe("a place freed on a waited day", () => {
  it("after a cancel goes to the first waiting chat, held: others see the day full and cannot book it; the offered chat can", async () => {
    const { slot, taken } = await fullDay();
    expect(await offersTo(testDb.db, 7201)).toHaveLength(0);
    await cancelBooking(testDb.db, { orderId: taken.id, actor: "test", reason: "waitlist test" });

    expect(await waitOf(testDb.db, 7201)).toMatchObject({ state: "offered", offeredSlotId: slot.id });
    expect(await waitOf(testDb.db, 7202)).toMatchObject({ state: "waiting" });
    const [offer] = await offersTo(testDb.db, 7201);
    expect(JSON.stringify(offer!.payload)).toContain("Ambil tempat ini");
    const [shown] = await getSlotAvailability(testDb.db, { serviceDate: DAY });
    expect(shown).toMatchObject({ id: slot.id, remaining: 0, bookable: false });

    expect(await bookFor(7300, slot.id)).toMatchObject({ ok: false, reason: "slot_full" });
    const booked = await bookFor(7201, slot.id);
    expect(booked.ok).toBe(true);
    expect(await waitOf(testDb.db, 7201)).toMatchObject({ state: "booked", orderId: booked.ok ? booked.order.id : "" });
    expect(await consistencyProblems(testDb.db)).toEqual([]);
  });

  it("holds the place for the shop's waitlistOfferMinutes", async () => {
    const { taken } = await fullDay();
    await saveShopSettings(testDb.db, { waitlistOfferMinutes: 5 });
    const before = Date.now();
    await cancelBooking(testDb.db, { orderId: taken.id, actor: "test", reason: "waitlist test" });
    const held = (await waitOf(testDb.db, 7201))!.offerExpiresAt!.getTime() - before;
    expect(held).toBeGreaterThanOrEqual(5 * 60_000 - 1000);
    expect(held).toBeLessThanOrEqual(5 * 60_000 + 5000);
  });

  it("after a hold expired by the sweep goes to the first waiting chat", async () => {
    await onePlaceDay(testDb.db);
    await bookOrder(testDb.db, { serviceDate: DAY, chatId: 7100, ...holdRanOut() });
    // Recorded while the hold still ran (a wait recorded now would be offered the lapsed place at once).
    await testDb.db.insert(waitlist).values({ chatId: 7201, serviceDate: DAY, createdAt: new Date(Date.now() - 86_400_000) });
    expect(await expireHolds({ now: new Date() })).toMatchObject({ expired: 1 });
    expect(await waitOf(testDb.db, 7201)).toMatchObject({ state: "offered" });
    expect(await offersTo(testDb.db, 7201)).toHaveLength(1);
  });

  it("an offer that runs out passes to the next waiting chat, and its chat is told", async () => {
    const { slot, taken } = await fullDay();
    await cancelBooking(testDb.db, { orderId: taken.id, actor: "test", reason: "waitlist test" });
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await sweepWaitlist({ now: later })).toEqual({ expiredOffers: 1, offered: 1 });
    expect(await waitOf(testDb.db, 7201)).toMatchObject({ state: "expired" });
    expect(await waitOf(testDb.db, 7202)).toMatchObject({ state: "offered", offeredSlotId: slot.id });
    expect(await offersTo(testDb.db, 7202)).toHaveLength(1);
    const told = await testDb.db.select().from(outbox).where(eq(outbox.dedupeKey, `waitlist:${(await waitOf(testDb.db, 7201))!.id}:expired`));
    expect(told).toHaveLength(1);
    // The first chat's lapsed offer holds nothing any more: its booking is refused, the place stays the second chat's.
    expect(await bookFor(7201, slot.id, later)).toMatchObject({ ok: false, reason: "slot_full" });
  });

  it("a declined offer passes at once to the next waiting chat", async () => {
    const { taken } = await fullDay();
    await cancelBooking(testDb.db, { orderId: taken.id, actor: "test", reason: "waitlist test" });
    const first = await waitOf(testDb.db, 7201);
    await testDb.db.transaction((tx) => leaveWaitlist(tx, { chatId: 7201, waitId: first!.id, now: new Date() }));
    expect(await waitOf(testDb.db, 7201)).toMatchObject({ state: "cancelled" });
    expect(await waitOf(testDb.db, 7202)).toMatchObject({ state: "offered" });
  });

  it("another chat cannot decline or take someone else's offer", async () => {
    const { taken } = await fullDay();
    await cancelBooking(testDb.db, { orderId: taken.id, actor: "test", reason: "waitlist test" });
    const first = await waitOf(testDb.db, 7201);
    expect(await testDb.db.transaction((tx) => leaveWaitlist(tx, { chatId: 7202, waitId: first!.id, now: new Date() }))).toBeUndefined();
    expect(await waitOf(testDb.db, 7201)).toMatchObject({ state: "offered" });
  });

  it("a wait recorded after a place freed (between the full answer and the tap) is offered it at once", async () => {
    const { slot, taken } = await fullDay();
    await testDb.db.update(waitlist).set({ state: "cancelled" });
    await cancelBooking(testDb.db, { orderId: taken.id, actor: "test", reason: "waitlist test" });
    await waitFor(testDb.db, 7203, DAY);
    expect(await waitOf(testDb.db, 7203)).toMatchObject({ state: "offered", offeredSlotId: slot.id });
  });

  it("a second 'Kabari saya' for the same date records nothing more", async () => {
    await onePlaceDay(testDb.db);
    await bookOrder(testDb.db, { serviceDate: DAY, chatId: 7100 });
    await waitFor(testDb.db, 7201, DAY);
    await waitFor(testDb.db, 7201, DAY);
    expect(await testDb.db.select().from(waitlist).where(eq(waitlist.chatId, 7201))).toHaveLength(1);
    expect(await waitOf(testDb.db, 7201)).toMatchObject({ state: "waiting" });
  });

  it("a booking moved away and a capacity raised by the owner both offer the places they free", async () => {
    const { slot, taken } = await fullDay();
    const moved = await rescheduleBooking(testDb.db, { orderId: taken.id, serviceDate: addDays(DAY, 1), slotId: slot.id, by: { kind: "shop", username: "sari", ip: null, override: false } });
    expect(moved.ok).toBe(true);
    expect(await waitOf(testDb.db, 7201)).toMatchObject({ state: "offered" });
    expect(await waitOf(testDb.db, 7202)).toMatchObject({ state: "waiting" });

    await saveSlot(testDb.db, OWNER, { id: slot.id, label: slot.label, startTime: slot.startTime, endTime: slot.endTime, capacity: 2, active: true });
    expect(await waitOf(testDb.db, 7202)).toMatchObject({ state: "offered" });
  });
});
