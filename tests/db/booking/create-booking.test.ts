import { saveShopSettings } from "@/db/queries/settings";
import { linkCounterOrdersToChat } from "@/db/queries/orders";
import { eq, sql } from "drizzle-orm";
import { orders, slots } from "@/db/schema";
import { addDays, todayInJakarta, wibInstant } from "@/lib/booking/calendar";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { createBooking, type BookingRequest } from "@/lib/booking/create-booking";
import { getSlotAvailability } from "@/lib/booking/availability";
import { findPricedItem } from "@/db/queries/catalog";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const NOW = new Date("2026-11-28T03:00:00Z"); // 10.00 WIB
const TOMORROW = addDays(todayInJakarta(NOW), 1);
const suite = registerSuiteDatabase();

async function request(overrides: Partial<BookingRequest> = {}): Promise<BookingRequest> {
  const [slot] = await suite.db.select().from(slots).orderBy(slots.startTime).limit(1);
  return {
    chatId: 5550001,
    telegramUserId: 5550001,
    telegramUsername: "budi_s",
    customerName: "Budi",
    deviceId: 10, // iPhone X in the seed order
    partId: 1, // Battery
    slotId: slot!.id,
    serviceDate: TOMORROW,
    paymentMethod: "bca_va",
    now: NOW,
    ...overrides,
  };
}

describe("createBooking", () => {
  it("snapshots names and the price, and holds the place until the payment deadline", async () => {
    const result = await createBooking(suite.db, await request());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { order } = result;
    expect(order.bookingCode).toMatch(/^[1-9]\d{7}$/);
    expect(order.statusToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(order.deviceName).toBe("iPhone X");
    expect(order.partName).toBe("Battery");
    expect(order.amountIdr).toBe(70_000);
    expect(order.slotLabel).toBe("09.00 - 11.00 WIB");
    expect(order.paymentStatus).toBe("unpaid");
    expect(order.repairStatus).toBe("booked");
    // 24 h from now would be past the appointment (09.00 WIB tomorrow): the hold ends when the slot starts.
    expect(order.holdExpiresAt?.toISOString()).toBe(wibInstant(TOMORROW, "09:00").toISOString());
  });

  it("an appointment further away is held for the configured 24 hours", async () => {
    const result = await createBooking(suite.db, await request({ serviceDate: addDays(TOMORROW, 2) }));
    if (!result.ok) throw new Error("booking refused");
    expect(result.order.holdExpiresAt?.toISOString()).toBe(new Date(NOW.getTime() + 24 * 3_600_000).toISOString());
  });

  it("a later price change does not change a booked order's amount", async () => {
    const result = await createBooking(suite.db, await request());
    if (!result.ok) throw new Error("booking refused");
    await suite.db.execute(sql`update prices set price_idr = 99000 where device_id = 10 and part_id = 1`);
    const [row] = await suite.db.select().from(orders).where(eq(orders.id, result.order.id));
    expect(row!.amountIdr).toBe(70_000);
    expect((await findPricedItem(suite.db, { deviceId: 10, partId: 1 }))!.priceIdr).toBe(99_000);
  });

  it("refuses a third booking of a slot of capacity 2, and a cancellation frees the place", async () => {
    const first = await createBooking(suite.db, await request());
    const second = await createBooking(suite.db, await request({ chatId: 2 }));
    const third = await createBooking(suite.db, await request({ chatId: 3 }));
    expect([first.ok, second.ok, third.ok]).toEqual([true, true, false]);
    expect(third).toEqual({ ok: false, reason: "slot_full" });
    if (!first.ok) return;
    const cancelled = await cancelBooking(suite.db, { orderId: first.order.id, actor: "test", reason: "customer" });
    expect(cancelled.ok).toBe(true);
    const fourth = await createBooking(suite.db, await request({ chatId: 4 }));
    expect(fourth.ok).toBe(true);
  });

  it("refuses a slot that starts within the lead time today, and a date in the past", async () => {
    const today = todayInJakarta(NOW);
    const tooSoon = await createBooking(suite.db, await request({ serviceDate: today, now: wibInstant(today, "08:30") }));
    expect(tooSoon).toEqual({ ok: false, reason: "slot_too_soon" });
    const past = await createBooking(suite.db, await request({ serviceDate: addDays(today, -1) }));
    expect(past).toEqual({ ok: false, reason: "date_unavailable" });
  });

  it("refuses a part that is not priced for the device", async () => {
    // Finger (Touch ID) is not offered for the iPhone X.
    const result = await createBooking(suite.db, await request({ partId: 3 }));
    expect(result).toEqual({ ok: false, reason: "item_unavailable" });
  });

  it("availability counts live orders only and hides today's slots that start too soon", async () => {
    await createBooking(suite.db, await request());
    const tomorrow = await getSlotAvailability(suite.db, { serviceDate: TOMORROW, now: NOW });
    expect(tomorrow.map((s) => s.remaining)).toEqual([1, 2, 2, 2]);
    const today = todayInJakarta(NOW);
    const todays = await getSlotAvailability(suite.db, { serviceDate: today, now: NOW });
    // 10.00 WIB with 60 minutes' lead: 09.00 has passed, 12.00 can still be booked.
    expect(todays.map((s) => s.bookable)).toEqual([false, true, true, true]);
  });
});

describe("unpaid bookings per chat (issue 12, slot hoarding)", () => {
  it("8 simultaneous bookings of one chat across the 4 slots of a day make exactly 2 orders; the others name the 2 codes", async () => {
    const allSlots = await suite.db.select().from(slots).orderBy(slots.startTime);
    const results = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => createBooking(suite.db, await request({ slotId: allSlots[i % 4]!.id }))),
    );
    const made = results.flatMap((r) => (r.ok ? [r.order.bookingCode] : []));
    expect(made).toHaveLength(2);
    expect(await suite.db.select().from(orders)).toHaveLength(2);
    for (const r of results.filter((r) => !r.ok)) {
      expect(r).toEqual({ ok: false, reason: "too_many_unpaid", unpaidCodes: expect.arrayContaining(made) });
    }
    // Another chat is not held back by this one.
    expect((await createBooking(suite.db, await request({ chatId: 5550002, slotId: allSlots[3]!.id }))).ok).toBe(true);
  });

  it("unpaid, pending and failed bookings count; cancelled, paid, and those the shop has started on do not", async () => {
    const first = await createBooking(suite.db, await request());
    if (!first.ok) throw new Error("booking refused");
    const counted = ["unpaid", "pending", "failed"] as const;
    for (const paymentStatus of counted) {
      await suite.db.update(orders).set({ paymentStatus }).where(eq(orders.id, first.order.id));
      const second = await createBooking(suite.db, await request({ serviceDate: addDays(TOMORROW, 1) }));
      const third = await createBooking(suite.db, await request({ serviceDate: addDays(TOMORROW, 2) }));
      expect([second.ok, third.ok]).toEqual([true, false]);
      if (second.ok) await cancelBooking(suite.db, { orderId: second.order.id, actor: "test", reason: "reset" });
    }
    // Left unpaid at the counter (pay on pickup): no longer the customer's to pay or cancel in the bot.
    await suite.db.update(orders).set({ paymentStatus: "unpaid", repairStatus: "received" }).where(eq(orders.id, first.order.id));
    expect((await createBooking(suite.db, await request({ serviceDate: addDays(TOMORROW, 3) }))).ok).toBe(true);
    await suite.db.update(orders).set({ paymentStatus: "paid", repairStatus: "booked" }).where(eq(orders.id, first.order.id));
    expect((await createBooking(suite.db, await request({ serviceDate: addDays(TOMORROW, 4) }))).ok).toBe(true);
    expect((await createBooking(suite.db, await request({ serviceDate: addDays(TOMORROW, 5) }))).ok).toBe(false);
  });
});

describe("createBooking: diagnosis and pay at the shop", () => {
  it("a diagnosis has no part, the label as its name, the diagnosis fee, and at Rp0 is paid at the shop with no hold", async () => {
    const result = await createBooking(suite.db, await request({ partId: null, language: "en", paymentMethod: "gopay" }));
    expect(result.ok && result.order).toMatchObject({ partId: null, partName: "Not sure / check first", amountIdr: 0, paymentMethod: "pay_at_shop", holdExpiresAt: null });
  });

  it("a diagnosis with a fee keeps the chosen online method and its hold", async () => {
    await saveShopSettings(suite.db, { diagnosisFeeIdr: 35_000 });
    const result = await createBooking(suite.db, await request({ partId: null, paymentMethod: "gopay" }));
    expect(result.ok && result.order).toMatchObject({ partName: "Belum tahu / cek dulu", amountIdr: 35_000, paymentMethod: "gopay" });
    expect(result.ok && result.order.holdExpiresAt).not.toBeNull();
  });

  it("pay at the shop is refused while the shop does not allow it, nothing written; allowed, it holds no deadline", async () => {
    expect(await createBooking(suite.db, await request({ paymentMethod: "pay_at_shop" }))).toEqual({ ok: false, reason: "payment_unavailable" });
    expect(await suite.db.select().from(orders)).toEqual([]);
    await saveShopSettings(suite.db, { payAtShopAllowed: true });
    const result = await createBooking(suite.db, await request({ paymentMethod: "pay_at_shop" }));
    expect(result.ok && result.order).toMatchObject({ paymentMethod: "pay_at_shop", amountIdr: 70_000, holdExpiresAt: null });
  });

  it("a diagnosis of a device no longer offered is refused", async () => {
    expect(await createBooking(suite.db, await request({ partId: null, deviceId: 999 }))).toEqual({ ok: false, reason: "item_unavailable" });
  });

  it("stores the phone, the fault and its photos", async () => {
    const result = await createBooking(suite.db, await request({ customerPhone: "+6281234567890", faultDescription: "mati", faultPhotos: ["a", "b"] }));
    expect(result.ok && result.order).toMatchObject({ customerPhone: "+6281234567890", faultDescription: "mati", faultPhotos: ["a", "b"], source: "bot" });
  });
});

describe("linkCounterOrdersToChat", () => {
  let made = 0;
  async function order(changes: Partial<typeof orders.$inferInsert>) {
    made++;
    // A day each, so the slot's capacity never refuses one.
    const result = await createBooking(suite.db, await request({ chatId: 9000 + made, serviceDate: addDays(TOMORROW, made) }));
    if (!result.ok) throw new Error(result.reason);
    await suite.db.update(orders).set(changes).where(eq(orders.id, result.order.id));
    return result.order;
  }

  it("links only counter orders of that phone that have no chat yet, and returns their codes", async () => {
    const phone = "+6281211112222";
    const walkIn = await order({ chatId: null, telegramUserId: null, source: "counter", customerPhone: phone });
    const otherPhone = await order({ chatId: null, telegramUserId: null, source: "counter", customerPhone: "+6281200000000" });
    const someoneElsesChat = await order({ chatId: 42, source: "counter", customerPhone: phone });
    const botOrder = await order({ customerPhone: phone });
    const linked = await linkCounterOrdersToChat(suite.db, { phone, chatId: 777, telegramUserId: 777 });
    expect(linked).toEqual([walkIn.bookingCode]);
    const rows = new Map((await suite.db.select().from(orders)).map((o) => [o.id, o]));
    expect(rows.get(walkIn.id)).toMatchObject({ chatId: 777, telegramUserId: 777 });
    expect(rows.get(otherPhone.id)!.chatId).toBeNull();
    expect(rows.get(someoneElsesChat.id)!.chatId).toBe(42);
    expect(rows.get(botOrder.id)!.chatId).toBe(botOrder.chatId);
    // Already linked: a second share links nothing more.
    expect(await linkCounterOrdersToChat(suite.db, { phone, chatId: 888, telegramUserId: 888 })).toEqual([]);
  });
});
