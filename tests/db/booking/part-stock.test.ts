import { and, eq } from "drizzle-orm";
import { saveStaffChats } from "@/db/queries/staff-chats";
import { auditLog, orders, outbox, partStock, slots } from "@/db/schema";
import { changeRepairStatus, rescheduleOrder } from "@/lib/admin/order-actions";
import { receiveUnits } from "@/lib/admin/stock";
import { addDays, formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { claimWarrantyIn } from "@/lib/booking/claim-warranty";
import { createBooking, type BookingResult } from "@/lib/booking/create-booking";
import { rescheduleBooking } from "@/lib/booking/reschedule-booking";
import { listOfferedParts } from "@/lib/booking/shelf";
import { expireOrder } from "@/lib/payments/expire-holds";
import { consistencyProblems } from "@/tests/support/consistency";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";
import { completedRepair } from "@/tests/support/warranty-fixtures";

/** Issue 16: parts stock — reserved at booking, given back by cancel/expiry, used at completion; the last unit goes once. */
const suite = registerSuiteDatabase({ poolMax: 20 });
const db = () => suite.db;
const DEVICE = 10;
const PART = 1;
const DAY = addDays(todayInJakarta(), 3);

async function stock(values: { onHand: number; lowAt?: number; backorderDays?: number | null; partId?: number }) {
  await db()
    .insert(partStock)
    .values({ deviceId: DEVICE, partId: values.partId ?? PART, onHand: values.onHand, lowAt: values.lowAt ?? 0, backorderDays: values.backorderDays ?? null });
}

async function slotIds(): Promise<number[]> {
  return (await db().select().from(slots).orderBy(slots.startTime)).map((s) => s.id);
}

async function book(chatId: number, { serviceDate = DAY, slotIndex = 0, now = new Date(), paymentMethod = "gopay" as const } = {}): Promise<BookingResult> {
  const ids = await slotIds();
  return createBooking(db(), { chatId, customerName: `Pelanggan ${chatId}`, deviceId: DEVICE, partId: PART, slotId: ids[slotIndex]!, serviceDate, paymentMethod, now });
}

function orderOf(result: BookingResult) {
  if (!result.ok) throw new Error(`booking refused: ${result.reason}`);
  return result.order;
}

async function onHand(): Promise<number> {
  const [row] = await db().select().from(partStock).where(and(eq(partStock.deviceId, DEVICE), eq(partStock.partId, PART)));
  return row!.onHand;
}

describe("parts stock at booking", () => {
  it("a part with no stock row is untracked: it books as it always did", async () => {
    for (const chatId of [1, 2, 3]) expect((await book(chatId, { slotIndex: chatId % 2 })).ok).toBe(true);
  });

  it("two units make two bookings; the third is refused; a cancellation gives its unit back", async () => {
    await stock({ onHand: 2 });
    const first = orderOf(await book(11));
    orderOf(await book(12, { slotIndex: 1 }));
    expect(await book(13, { slotIndex: 2 })).toEqual({ ok: false, reason: "part_out_of_stock" });
    expect((await listOfferedParts(db(), { deviceId: DEVICE, serviceDate: DAY, now: new Date() })).map((p) => p.partId)).not.toContain(PART);

    await cancelBooking(db(), { orderId: first.id, actor: "test", reason: "stock test" });
    expect((await book(13, { slotIndex: 2 })).ok).toBe(true);
    expect(await onHand()).toBe(2);
    expect(await consistencyProblems(db())).toEqual([]);
  });

  it("an unpaid hold that ran out frees its unit at once, and is expired when another booking takes the unit", async () => {
    await stock({ onHand: 1 });
    const lapsed = orderOf(await book(21, { now: new Date(Date.now() - 25 * 3_600_000), serviceDate: addDays(todayInJakarta(), 4) }));
    expect((await listOfferedParts(db(), { deviceId: DEVICE, serviceDate: DAY, now: new Date() })).map((p) => p.partId)).toContain(PART);
    orderOf(await book(22));
    const [after] = await db().select().from(orders).where(eq(orders.id, lapsed.id));
    expect(after).toMatchObject({ paymentStatus: "expired", repairStatus: "cancelled" });
    expect(await book(23, { slotIndex: 1 })).toEqual({ ok: false, reason: "part_out_of_stock" });
  });

  it("an order expired by the sweep gives its unit back", async () => {
    await stock({ onHand: 1 });
    const booked = orderOf(await book(31));
    expect(await book(32, { slotIndex: 1 })).toMatchObject({ ok: false, reason: "part_out_of_stock" });
    expect(await expireOrder(db(), booked, new Date(booked.holdExpiresAt!.getTime() + 1000))).toBe(true);
    expect((await book(32, { slotIndex: 1 })).ok).toBe(true);
  });

  it("completing the repair takes the unit off the shelf, audited as stock.used; the units left do not change", async () => {
    await stock({ onHand: 3 });
    const order = orderOf(await book(41));
    await db().update(orders).set({ paymentStatus: "paid", paidAt: new Date(), holdExpiresAt: null }).where(eq(orders.id, order.id));
    const left = async () => (await listOfferedParts(db(), { deviceId: DEVICE, now: new Date() })).find((p) => p.partId === PART)!.offer;
    expect(await left()).toEqual({ kind: "in_stock", left: 2 });
    const done = await changeRepairStatus(db(), { orderId: order.id, status: "completed", by: { username: "sari", ip: "10.0.0.9" } });
    expect(done.ok).toBe(true);
    expect(await onHand()).toBe(2);
    expect(await left()).toEqual({ kind: "in_stock", left: 2 });
    const [used] = await db().select().from(auditLog).where(eq(auditLog.action, "stock.used"));
    expect(used).toMatchObject({ actor: "sari", entity: "part_stock", entityId: `${DEVICE}:${PART}`, before: { onHand: 3 }, after: { onHand: 2, bookingCode: order.bookingCode } });
  });

  it("with none left, a back-order is taken only for a date at least backorder_days away", async () => {
    await stock({ onHand: 0, backorderDays: 5 });
    const today = todayInJakarta();
    expect(await book(51, { serviceDate: addDays(today, 4) })).toEqual({ ok: false, reason: "part_out_of_stock" });
    expect((await book(51, { serviceDate: addDays(today, 5) })).ok).toBe(true);
    const offered = await listOfferedParts(db(), { deviceId: DEVICE, now: new Date() });
    expect(offered.find((p) => p.partId === PART)!.offer).toEqual({ kind: "backorder", days: 5, from: addDays(today, 5) });
    expect((await listOfferedParts(db(), { deviceId: DEVICE, serviceDate: addDays(today, 4), now: new Date() })).map((p) => p.partId)).not.toContain(PART);
  });

  it("a warranty claim is never refused for stock", async () => {
    const original = await completedRepair(db(), { chatId: 61 });
    await stock({ onHand: 0 });
    const result = await db().transaction((tx) =>
      claimWarrantyIn(tx, { orderId: original.id, chatId: 61, serviceDate: DAY, slotId: original.slotId, description: "baterai drop lagi", now: new Date() }),
    );
    expect(result.ok).toBe(true);
  });

  it("staff hear once when the units left drop to low_at, not again while low", async () => {
    await saveStaffChats(db(), [-100777]);
    await stock({ onHand: 3, lowAt: 1 });
    orderOf(await book(71));
    expect(await db().select().from(outbox).where(eq(outbox.chatId, -100777))).toHaveLength(0);
    orderOf(await book(72, { slotIndex: 1 }));
    orderOf(await book(73, { slotIndex: 2 }));
    const alerts = await db().select().from(outbox).where(eq(outbox.chatId, -100777));
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0]!.payload)).toContain("Stok menipis");
    expect(JSON.stringify(alerts[0]!.payload)).toContain("Sisa 1");
  });
});

describe("the last unit under 200 simultaneous bookings", () => {
  it("exactly one booking gets it, the others are told it is gone, across slots and days that all have room", async () => {
    await stock({ onHand: 1 });
    await db().update(slots).set({ capacity: 50 });
    const ids = await slotIds();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => book(10_000 + i, { slotIndex: i % ids.length, serviceDate: addDays(todayInJakarta(), 2 + (i % 5)) })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason))).toEqual(new Set(["part_out_of_stock"]));
    const live = await db().select().from(orders).where(and(eq(orders.deviceId, DEVICE), eq(orders.partId, PART), eq(orders.repairStatus, "booked")));
    expect(live).toHaveLength(1);
  });
});

describe("moving a back-order booking", () => {
  const today = () => todayInJakarta();
  const byCustomer = (chatId: number) => ({ kind: "customer" as const, chatId, cutoffHours: 3 });
  const move = async (order: { id: string; chatId: number | null }, days: number, slotIndex = 2) =>
    rescheduleBooking(db(), { orderId: order.id, serviceDate: addDays(today(), days), slotId: (await slotIds())[slotIndex]!, by: byCustomer(order.chatId!) });

  /** One unit on the shelf, three days' back-order: the first booking has the unit, the second waits for the part. */
  async function inStockAndBackorder() {
    await stock({ onHand: 1, backorderDays: 3 });
    const inStock = orderOf(await book(81, { serviceDate: addDays(today(), 2) }));
    const waiting = orderOf(await book(82, { serviceDate: addDays(today(), 4) }));
    return { inStock, waiting };
  }

  it("may not move earlier than today + backorder_days while no unit is left for it; nothing is written", async () => {
    const { waiting } = await inStockAndBackorder();
    const before = await snapshotTables(db());
    expect(await move(waiting, 1)).toEqual({ ok: false, reason: "part_out_of_stock", backorderFrom: addDays(today(), 3), backorderDays: 3 });
    expect(await move(waiting, 2)).toMatchObject({ ok: false, reason: "part_out_of_stock" });
    expect(await snapshotTables(db())).toEqual(before);
    expect((await move(waiting, 3)).ok).toBe(true);
  });

  it("the in-stock booking moves as before, to any day; so does a booking of an untracked part", async () => {
    const { inStock } = await inStockAndBackorder();
    expect(await move(inStock, 1)).toMatchObject({ ok: true, order: { serviceDate: addDays(today(), 1) } });
    const untracked = orderOf(await createBooking(db(), { chatId: 83, customerName: "Andi", deviceId: DEVICE, partId: 2, slotId: (await slotIds())[0]!, serviceDate: DAY, paymentMethod: "gopay" }));
    expect((await move(untracked, 1, 1)).ok).toBe(true);
  });

  it("a unit received, or the in-stock booking cancelled, lets the back-order booking move earlier", async () => {
    const { inStock, waiting } = await inStockAndBackorder();
    await cancelBooking(db(), { orderId: inStock.id, actor: "test", reason: "batal" });
    expect((await move(waiting, 1)).ok).toBe(true);

    const later = orderOf(await book(84, { serviceDate: addDays(today(), 5), slotIndex: 1 }));
    expect(await move(later, 2)).toMatchObject({ ok: false, reason: "part_out_of_stock" });
    await receiveUnits(db(), { username: "budi", ip: null }, { deviceId: DEVICE, partId: PART, quantity: 1 });
    expect((await move(later, 2)).ok).toBe(true);
  });

  it("the admin's move is refused with the date the part can be there, even with the owner's override", async () => {
    const { waiting } = await inStockAndBackorder();
    const owner = { username: "sari", ip: "10.0.0.5", role: "owner" as const };
    const result = await rescheduleOrder(db(), { orderId: waiting.id, serviceDate: addDays(today(), 1), slotId: (await slotIds())[1]!, by: owner, override: true });
    expect(result).toEqual({ ok: false, message: `Stok spare part pesanan ini habis (inden 3 hari): jadwal baru paling cepat ${formatDateDmy(addDays(today(), 3))}.` });
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "order.rescheduled"))).toHaveLength(0);
  });

  it("back-order bookings racing to move to tomorrow while one unit comes in and others book: only the oldest may, the rest stay", async () => {
    await stock({ onHand: 0, backorderDays: 3 });
    await db().update(slots).set({ capacity: 60 });
    const waiting: { id: string; chatId: number | null }[] = [];
    for (let i = 0; i < 12; i++) waiting.push(orderOf(await book(20_000 + i, { serviceDate: addDays(today(), 3 + (i % 3)), slotIndex: i % 3 })));
    const results = await Promise.all([
      ...waiting.map((order) => move(order, 1).then((r) => r.ok)),
      receiveUnits(db(), { username: "budi", ip: null }, { deviceId: DEVICE, partId: PART, quantity: 1 }).then(() => false),
      ...Array.from({ length: 12 }, (_, i) => book(30_000 + i, { serviceDate: addDays(today(), 1 + (i % 4)), slotIndex: 2 }).then(() => false)),
    ]);
    expect(results.filter(Boolean).length).toBeLessThanOrEqual(1);
    const early = await db().select().from(orders).where(and(eq(orders.partId, PART), eq(orders.serviceDate, addDays(today(), 1)), eq(orders.repairStatus, "booked")));
    // Only the oldest booking is covered by the unit that came in; no new booking got one before the part's date either.
    expect(early.map((o) => o.id).filter((id) => id !== waiting[0]!.id)).toEqual([]);
    expect(await onHand()).toBe(1);
  });
});
