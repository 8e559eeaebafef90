import { eq } from "drizzle-orm";
import { linkCounterOrdersToChat } from "@/db/queries/orders";
import { saveShopSettings } from "@/db/queries/settings";
import { orders, slots } from "@/db/schema";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { createBooking, type BookingRequest } from "@/lib/booking/create-booking";
import { setupTestDatabase, type TestDatabase } from "@/tests/support/test-db";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await setupTestDatabase();
});
afterAll(() => testDb.close());
beforeEach(() => testDb.reset());

const NOW = new Date("2026-11-28T03:00:00Z"); // 10.00 WIB
const TOMORROW = addDays(todayInJakarta(NOW), 1);

async function request(overrides: Partial<BookingRequest> = {}): Promise<BookingRequest> {
  const [slot] = await testDb.db.select().from(slots).orderBy(slots.startTime).limit(1);
  return { chatId: 5550001, telegramUserId: 5550001, customerName: "Budi", deviceId: 10, partId: 1, slotId: slot!.id, serviceDate: TOMORROW, paymentMethod: "gopay", now: NOW, ...overrides };
}

describe("createBooking: diagnosis and pay at the shop", () => {
  it("a diagnosis has no part, the label as its name, the diagnosis fee, and at Rp0 is paid at the shop with no hold", async () => {
    const result = await createBooking(testDb.db, await request({ partId: null, language: "en" }));
    expect(result.ok && result.order).toMatchObject({ partId: null, partName: "Not sure / check first", amountIdr: 0, paymentMethod: "pay_at_shop", holdExpiresAt: null });
  });

  it("a diagnosis with a fee keeps the chosen online method and its hold", async () => {
    await saveShopSettings(testDb.db, { diagnosisFeeIdr: 35_000 });
    const result = await createBooking(testDb.db, await request({ partId: null }));
    expect(result.ok && result.order).toMatchObject({ partName: "Belum tahu / cek dulu", amountIdr: 35_000, paymentMethod: "gopay" });
    expect(result.ok && result.order.holdExpiresAt).not.toBeNull();
  });

  it("pay at the shop is refused while the shop does not allow it, nothing written; allowed, it holds no deadline", async () => {
    expect(await createBooking(testDb.db, await request({ paymentMethod: "pay_at_shop" }))).toEqual({ ok: false, reason: "payment_unavailable" });
    expect(await testDb.db.select().from(orders)).toEqual([]);
    await saveShopSettings(testDb.db, { payAtShopAllowed: true });
    const result = await createBooking(testDb.db, await request({ paymentMethod: "pay_at_shop" }));
    expect(result.ok && result.order).toMatchObject({ paymentMethod: "pay_at_shop", amountIdr: 70_000, holdExpiresAt: null });
  });

  it("a diagnosis of a device no longer offered is refused", async () => {
    expect(await createBooking(testDb.db, await request({ partId: null, deviceId: 999 }))).toEqual({ ok: false, reason: "item_unavailable" });
  });

  it("stores the phone, the fault and its photos", async () => {
    const result = await createBooking(testDb.db, await request({ customerPhone: "+6281234567890", faultDescription: "mati", faultPhotos: ["a", "b"] }));
    expect(result.ok && result.order).toMatchObject({ customerPhone: "+6281234567890", faultDescription: "mati", faultPhotos: ["a", "b"], source: "bot" });
  });
});

describe("linkCounterOrdersToChat", () => {
  let made = 0;
  async function order(changes: Partial<typeof orders.$inferInsert>) {
    made++;
    // A day each, so the slot's capacity never refuses one.
    const result = await createBooking(testDb.db, await request({ chatId: 9000 + made, serviceDate: addDays(TOMORROW, made) }));
    if (!result.ok) throw new Error(result.reason);
    await testDb.db.update(orders).set(changes).where(eq(orders.id, result.order.id));
    return result.order;
  }

  it("links only counter orders of that phone that have no chat yet, and returns their codes", async () => {
    const phone = "+6281211112222";
    const walkIn = await order({ chatId: null, telegramUserId: null, source: "counter", customerPhone: phone });
    const otherPhone = await order({ chatId: null, telegramUserId: null, source: "counter", customerPhone: "+6281200000000" });
    const someoneElsesChat = await order({ chatId: 42, source: "counter", customerPhone: phone });
    const botOrder = await order({ customerPhone: phone });
    const linked = await linkCounterOrdersToChat(testDb.db, { phone, chatId: 777, telegramUserId: 777 });
    expect(linked).toEqual([walkIn.bookingCode]);
    const rows = new Map((await testDb.db.select().from(orders)).map((o) => [o.id, o]));
    expect(rows.get(walkIn.id)).toMatchObject({ chatId: 777, telegramUserId: 777 });
    expect(rows.get(otherPhone.id)!.chatId).toBeNull();
    expect(rows.get(someoneElsesChat.id)!.chatId).toBe(42);
    expect(rows.get(botOrder.id)!.chatId).toBe(botOrder.chatId);
    // Already linked: a second share links nothing more.
    expect(await linkCounterOrdersToChat(testDb.db, { phone, chatId: 888, telegramUserId: 888 })).toEqual([]);
  });
});
