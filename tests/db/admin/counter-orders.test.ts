// Issue 14, orders made by staff: a walk-in or a phone call booked at the counter shares the bot's places and rules.
import { eq } from "drizzle-orm";
import { listAdminOrders } from "@/db/queries/admin-orders";
import { listPhoneOrders } from "@/db/queries/orders";
import { DEFAULT_SETTINGS, getShopSettings, saveShopSettings } from "@/db/queries/settings";
import { saveStaffChats } from "@/db/queries/staff-chats";
import { closedDates, devices, orders, outbox, slots } from "@/db/schema";
import { createCounterOrder, paymentLinkShare, type CounterOrderRequest } from "@/lib/admin/counter-order";
import { counterOrderForm } from "@/lib/admin/counter-order-input";
import { settingsInput } from "@/lib/admin/catalog-input";
import { saveSettings } from "@/lib/admin/catalog-schedule";
import { applyForm } from "@/lib/admin/edit-result";
import { printedOrder } from "@/lib/admin/job-sheet";
import { parseOrderQuery } from "@/lib/admin/order-filters";
import { ordersCsvStream } from "@/lib/admin/orders-csv";
import { getTodayView } from "@/lib/admin/today";
import { addDays, todayInJakarta, wibInstant } from "@/lib/booking/calendar";
import { createBooking } from "@/lib/booking/create-booking";
import { expireHolds } from "@/lib/payments/expire-holds";
import { readAudit, readOrder, readPayments } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const NOW = new Date("2026-11-28T03:00:00Z"); // Saturday 10.00 WIB: the 09.00 - 11.00 slot is running
const TODAY = todayInJakarta(NOW);
const STAFF = { username: "dewi", ip: "203.0.113.9" };
const STAFF_GROUP = -100777;
const suite = registerSuiteDatabase({ poolMax: 20, env: { APP_URL: "https://jiot.example.com" } });

async function slotIds(): Promise<number[]> {
  return (await suite.db.select().from(slots).orderBy(slots.startTime)).map((s) => s.id);
}

function counterRequest(overrides: Partial<CounterOrderRequest> = {}): CounterOrderRequest {
  return {
    customerName: "Ibu Sari",
    customerPhone: "+6281234567890",
    deviceId: 10, // iPhone X
    partId: 1, // Battery, Rp70.000
    faultDescription: "Baterai cepat habis",
    when: { kind: "walk_in" },
    payment: "pay_at_shop",
    ...overrides,
  };
}

const counter = (overrides: Partial<CounterOrderRequest> = {}, now = NOW) => createCounterOrder(suite.db, { request: counterRequest(overrides), by: STAFF, now });

function botBooking(chatId: number, slotId: number, serviceDate: string, now = NOW) {
  return createBooking(suite.db, { chatId, customerName: `Chat ${chatId}`, deviceId: 10, partId: 1, slotId, serviceDate, paymentMethod: "gopay", now });
}

describe("a walk-in booked at the counter", () => {
  it("takes the slot running now, with no chat, the phone and fault, pay at shop with no hold; audited with the staff member's name", async () => {
    const result = await counter();
    if (!result.ok) throw new Error(result.message);
    const order = await readOrder(suite.db, result.order.id);
    const [firstSlot] = await slotIds();
    expect(order).toMatchObject({
      chatId: null,
      source: "counter",
      customerName: "Ibu Sari",
      customerPhone: "+6281234567890",
      faultDescription: "Baterai cepat habis",
      slotId: firstSlot,
      serviceDate: TODAY,
      partName: "Battery",
      amountIdr: 70_000,
      paymentMethod: "pay_at_shop",
      paymentStatus: "unpaid",
      holdExpiresAt: null,
    });
    const [created] = await readAudit(suite.db, "order.created");
    expect(created).toMatchObject({ actor: "dewi", entityId: order.id });
    expect(created!.after).toMatchObject({ source: "counter", paymentMethod: "pay_at_shop" });
  });

  it("alerts the staff chats as a bot booking does, and queues nothing for a customer chat it does not have", async () => {
    await saveStaffChats(suite.db, [STAFF_GROUP]);
    const result = await counter();
    if (!result.ok) throw new Error(result.message);
    const rows = await suite.db.select().from(outbox);
    expect(rows.map((r) => r.dedupeKey)).toEqual([`staff:${STAFF_GROUP}:order:${result.order.id}:booked`]);
    expect(String(rows[0]!.payload.params.text)).toContain(`Ibu Sari (kasir) — Battery, iPhone X`);
  });

  it("between slots books nothing and says so", async () => {
    const lunch = new Date("2026-11-28T04:30:00Z"); // 11.30 WIB
    const result = await counter({}, lunch);
    expect(result).toEqual({ ok: false, message: expect.stringContaining("Tidak ada slot yang sedang berjalan") });
    expect(await suite.db.select().from(orders)).toEqual([]);
  });

  it("when the running slot is full books nothing and says so", async () => {
    const [firstSlot] = await slotIds();
    await suite.db.update(slots).set({ capacity: 1 }).where(eq(slots.id, firstSlot!));
    expect((await counter({ customerName: "Pertama" })).ok).toBe(true);
    const second = await counter({ customerName: "Kedua" });
    expect(second).toEqual({ ok: false, message: expect.stringContaining("sudah penuh") });
    expect(await suite.db.select().from(orders)).toHaveLength(1);
  });

  it("on a closed date books nothing", async () => {
    await suite.db.insert(closedDates).values({ date: TODAY, reason: "Libur" });
    expect(await counter()).toEqual({ ok: false, message: expect.stringContaining("tidak bisa dipesan") });
    expect(await suite.db.select().from(orders)).toEqual([]);
  });
});

describe("a counter order appears where bot orders do", () => {
  it("today's schedule, the order list and its CSV, the job sheet and the customer's history", async () => {
    const result = await counter({ payment: "paid_cash" });
    if (!result.ok) throw new Error(result.message);
    const { order } = result;
    const today = await getTodayView(suite.db, {}, NOW);
    expect(today.slots[0]!.orders.map((o) => o.id)).toEqual([order.id]);
    expect(today.money?.revenueToday).toBe(70_000);
    expect((await listAdminOrders(suite.db, parseOrderQuery({ q: "0812 3456" }))).rows.map((o) => o.id)).toEqual([order.id]);
    let csv = "";
    const reader = ordersCsvStream(suite.db, { filters: {}, sort: "created_desc" }).getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) csv += new TextDecoder().decode(chunk.value);
    expect(csv).toContain(",Ibu Sari,,'+6281234567890,counter,iPhone X,Battery,70000,cash,paid,booked,");
    const sheet = printedOrder(order, DEFAULT_SETTINGS, "job-sheet", NOW);
    expect(sheet.rows).toEqual(expect.arrayContaining([["Pelanggan", "Ibu Sari"], ["Telepon", "+62 812-3456-7890"], ["Keluhan", "Baterai cepat habis"]]));
    expect(printedOrder(order, DEFAULT_SETTINGS, "receipt", NOW).unavailable).toBeUndefined();
    expect((await listPhoneOrders(suite.db, { phone: "+6281234567890" })).map((o) => o.id)).toEqual([order.id]);
  });
});

describe("a counter booking for later (a phone call)", () => {
  it("may take a slot later today inside the bot's lead time, but not a slot that is over", async () => {
    const ids = await slotIds();
    const soon = new Date("2026-11-28T04:30:00Z"); // 11.30 WIB; the 12.00 slot is inside the 60-minute lead time
    expect(await botBooking(9, ids[1]!, TODAY, soon)).toEqual({ ok: false, reason: "slot_too_soon" });
    expect((await counter({ when: { kind: "slot", serviceDate: TODAY, slotId: ids[1]! } }, soon)).ok).toBe(true);
    expect(await counter({ when: { kind: "slot", serviceDate: TODAY, slotId: ids[0]! } }, soon)).toEqual({ ok: false, message: expect.stringContaining("sudah lewat") });
  });

  it("a device that is not offered is refused", async () => {
    await suite.db.update(devices).set({ active: false }).where(eq(devices.id, 10));
    expect(await counter()).toEqual({ ok: false, message: expect.stringContaining("tidak ada di katalog") });
  });
});

describe("diagnosis: 'Belum tahu / cek dulu'", () => {
  it("has no part and costs the diagnosis fee, Rp0 unless the owner sets one", async () => {
    const free = await counter({ partId: null });
    if (!free.ok) throw new Error(free.message);
    expect(free.order).toMatchObject({ partId: null, partName: "Belum tahu / cek dulu", amountIdr: 0, deviceName: "iPhone X" });

    await saveShopSettings(suite.db, { diagnosisFeeIdr: 25_000 });
    const paid = await counter({ partId: null, customerName: "Pak Budi" });
    if (!paid.ok) throw new Error(paid.message);
    expect(paid.order.amountIdr).toBe(25_000);
  });

  it("the owner sets the fee in the schedule's settings form; a negative fee is refused, a form without the field keeps it", async () => {
    const form = new FormData();
    const fields = { shopName: "Jiot", bookingHorizonDays: "30", leadTimeMinutes: "60", holdHours: "24", diagnosisFeeIdr: "Rp 50.000" };
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    const owner = { username: "sari", ip: null };
    const post = () => applyForm(settingsInput, form, (input) => saveSettings(suite.db, owner, input));
    expect(await post()).toEqual({ status: "ok", message: "Pengaturan disimpan." });
    expect((await getShopSettings(suite.db)).diagnosisFeeIdr).toBe(50_000);
    form.set("diagnosisFeeIdr", "-1");
    expect(await post()).toEqual({ status: "invalid", errors: { diagnosisFeeIdr: "Biaya cek / diagnosa minimal 0." } });
    form.delete("diagnosisFeeIdr");
    expect((await post()).status).toBe("ok");
    expect((await getShopSettings(suite.db)).diagnosisFeeIdr).toBe(50_000);
  });
});

describe("payment at the counter", () => {
  it("'Sudah bayar tunai' is paid in cash in the same transaction: cash attempt, no hold, both acts audited", async () => {
    const result = await counter({ payment: "paid_cash" });
    if (!result.ok) throw new Error(result.message);
    const order = await readOrder(suite.db, result.order.id);
    expect(order).toMatchObject({ paymentMethod: "cash", paymentStatus: "paid", holdExpiresAt: null });
    expect(order.paidAt?.toISOString()).toBe(NOW.toISOString());
    expect((await readPayments(suite.db, order.id)).map((p) => [p.kind, p.transactionStatus, p.grossAmount])).toEqual([["cash", "settlement", 70_000]]);
    expect((await readAudit(suite.db)).map((a) => [a.action, a.actor])).toEqual([
      ["order.created", "dewi"],
      ["payment.cash_recorded", "dewi"],
    ]);
  });

  it("a pay-at-shop order is never expired by the hold sweep, even with a hold date in the past", async () => {
    const result = await counter({ when: { kind: "slot", serviceDate: addDays(TODAY, 1), slotId: (await slotIds())[0]! } });
    if (!result.ok) throw new Error(result.message);
    // What the sweep would see if a hold were ever set on it (the check does not rest on the null alone).
    await suite.db.update(orders).set({ holdExpiresAt: new Date(Date.now() - 3_600_000) }).where(eq(orders.id, result.order.id));
    const unpaidLink = await counter({ payment: "payment_link", customerName: "Link", when: { kind: "slot", serviceDate: addDays(TODAY, 1), slotId: (await slotIds())[1]! } });
    if (!unpaidLink.ok) throw new Error(unpaidLink.message);
    await suite.db.update(orders).set({ holdExpiresAt: new Date(Date.now() - 3_600_000) }).where(eq(orders.id, unpaidLink.order.id));

    const swept = await expireHolds({ limit: 10 });
    expect(swept.expired).toBe(1);
    expect(await readOrder(suite.db, result.order.id)).toMatchObject({ paymentStatus: "unpaid", repairStatus: "booked" });
    expect(await readOrder(suite.db, unpaidLink.order.id)).toMatchObject({ paymentStatus: "expired", repairStatus: "cancelled" });
  });

  it("'Kirim link pembayaran': any online method, held until the slot ends, shared by WhatsApp with the status page link", async () => {
    const result = await counter({ payment: "payment_link" });
    if (!result.ok) throw new Error(result.message);
    expect(result.order.paymentMethod).toBe("all");
    expect(result.order.holdExpiresAt?.toISOString()).toBe(wibInstant(TODAY, "11:00").toISOString());
    const share = paymentLinkShare(result.order, "Jiot Gadget Solution");
    expect(share.statusUrl).toBe(`https://jiot.example.com/orders/${result.order.statusToken}`);
    const url = new URL(share.whatsappUrl!);
    expect(`${url.origin}${url.pathname}`).toBe("https://wa.me/6281234567890");
    const text = url.searchParams.get("text")!;
    expect(text).toContain(share.statusUrl);
    expect(text).toContain(result.order.bookingCode);
    expect(text).toContain("Rp70.000");
  });
});

describe("capacity is shared with the bot", () => {
  it("a place taken in the bot is not offered again at the counter", async () => {
    const ids = await slotIds();
    const date = addDays(TODAY, 2);
    for (const chatId of [1, 2]) expect((await botBooking(chatId, ids[0]!, date)).ok).toBe(true);
    expect(await counter({ when: { kind: "slot", serviceDate: date, slotId: ids[0]! } })).toEqual({ ok: false, message: expect.stringContaining("sudah penuh") });
  });

  it("counter and bot bookings racing for the last place: exactly one wins", async () => {
    const ids = await slotIds();
    const date = addDays(TODAY, 2);
    expect((await botBooking(1, ids[0]!, date)).ok).toBe(true);
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => counter({ customerName: `Walk-in ${i}`, when: { kind: "slot", serviceDate: date, slotId: ids[0]! } }).then((r) => r.ok)),
      ...Array.from({ length: 20 }, (_, i) => botBooking(100 + i, ids[0]!, date).then((r) => r.ok)),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await suite.db.select().from(orders).where(eq(orders.slotId, ids[0]!))).toHaveLength(2);
  });
});

describe("the 'Pesanan baru' form", () => {
  const form = (fields: Record<string, string>) => counterOrderForm.safeParse({ customerName: "Sari", customerPhone: "0812 3456 7890", deviceId: "10", part: "1", when: "walk_in", payment: "pay_at_shop", ...fields });

  it("normalises the phone and reads 'Belum tahu / cek dulu' as no part", () => {
    expect(form({ part: "diagnosis" }).data).toMatchObject({ customerPhone: "+6281234567890", partId: null, when: { kind: "walk_in" } });
  });

  it.each([
    ["customerPhone", { customerPhone: "12345" }],
    ["customerName", { customerName: "  " }],
    ["part", { part: "" }],
    ["serviceDate", { when: "slot", serviceDate: "besok", slotId: "1" }],
    ["slotId", { when: "slot", serviceDate: "2026-12-01", slotId: "" }],
    ["faultDescription", { faultDescription: "x".repeat(501) }],
    ["payment", { payment: "gratis" }],
  ])("refuses a bad %s with a message on that field", (field, fields) => {
    const parsed = form(fields);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path[0])).toContain(field);
  });
});
