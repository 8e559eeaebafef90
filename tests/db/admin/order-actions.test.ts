import { eq } from "drizzle-orm";
import { orders, slots } from "@/db/schema";
import { cancelOrderByShop, changeRepairStatus, recordCashPayment, rescheduleOrder } from "@/lib/admin/order-actions";
import { nextRepairStatus, repairMovesFrom } from "@/lib/admin/repair-flow";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { bookOrder, readAudit, readOrder, readOutbox, readPayments } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const SARI = { username: "sari", ip: "10.0.0.5" };
const suite = registerSuiteDatabase();

const db = () => suite.db;

describe("the repair lifecycle", () => {
  const paid = { paymentStatus: "paid" as const };
  it.each([
    ["booked", "received", true],
    ["booked", "in_progress", true],
    ["received", "ready", true],
    ["ready", "completed", true],
    ["booked", "cancelled", true],
    ["ready", "cancelled", true],
    ["received", "booked", false],
    ["completed", "booked", false],
    ["completed", "cancelled", false],
    ["cancelled", "received", false],
    ["ready", "ready", false],
  ] as const)("%s → %s allowed: %s", (from, to, allowed) => {
    expect(nextRepairStatus({ ...paid, repairStatus: from }, to).ok).toBe(allowed);
  });

  it("an unpaid order cannot be completed, and the page offers only the allowed moves", () => {
    expect(nextRepairStatus({ repairStatus: "ready", paymentStatus: "unpaid" }, "completed")).toEqual({ ok: false, reason: "unpaid" });
    expect(repairMovesFrom({ repairStatus: "received", paymentStatus: "unpaid" })).toEqual(["in_progress", "ready"]);
    expect(repairMovesFrom({ repairStatus: "received", paymentStatus: "paid" })).toEqual(["in_progress", "ready", "completed"]);
  });
});

describe("staff actions on an order", () => {
  it("moving to ready tells the customer once, in their language, and audits who did it", async () => {
    const order = await bookOrder(db());
    await db().update(orders).set({ language: "en" }).where(eq(orders.id, order.id));
    const moved = await changeRepairStatus(db(), { orderId: order.id, status: "ready", by: SARI });
    expect(moved).toMatchObject({ ok: true, order: { repairStatus: "ready" } });
    const again = await changeRepairStatus(db(), { orderId: order.id, status: "ready", by: SARI });
    expect(again).toEqual({ ok: false, message: "Status perbaikan sudah seperti itu." });
    const messages = (await readOutbox(db())).filter((row) => row.dedupeKey.endsWith("repair_status:ready"));
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages[0]!.payload)).toContain("Repair status: Ready for pickup"); // the status page's words (issue 17)
    const [entry] = await readAudit(db(), "order.repair_status");
    expect(entry).toMatchObject({ actor: "sari", ip: "10.0.0.5", before: { repairStatus: "booked" }, after: { repairStatus: "ready" } });
  });

  it("refuses to move a completed order back and changes nothing", async () => {
    const order = await bookOrder(db());
    await db().update(orders).set({ repairStatus: "completed", paymentStatus: "paid" }).where(eq(orders.id, order.id));
    const result = await changeRepairStatus(db(), { orderId: order.id, status: "booked", by: SARI });
    expect(result.ok).toBe(false);
    expect((await readOrder(db(), order.id)).repairStatus).toBe("completed");
    expect(await readAudit(db(), "order.repair_status")).toEqual([]);
  });

  it("reschedules into a slot with room, and refuses a full one", async () => {
    const date = addDays(todayInJakarta(), 3);
    const allSlots = await db().select().from(slots).orderBy(slots.startTime);
    const order = await bookOrder(db());
    await bookOrder(db(), { serviceDate: date, slotIndex: 1, chatId: 2 });
    await bookOrder(db(), { serviceDate: date, slotIndex: 1, chatId: 3 });
    const full = await rescheduleOrder(db(), { orderId: order.id, serviceDate: date, slotId: allSlots[1]!.id, by: SARI });
    expect(full).toEqual({ ok: false, message: "Slot itu sudah penuh pada tanggal tersebut." });
    const moved = await rescheduleOrder(db(), { orderId: order.id, serviceDate: date, slotId: allSlots[2]!.id, by: SARI });
    expect(moved).toMatchObject({ ok: true, order: { serviceDate: date, slotLabel: allSlots[2]!.label } });
    expect((await readOutbox(db())).filter((row) => row.dedupeKey.includes(":rescheduled"))).toHaveLength(1);
    expect(await rescheduleOrder(db(), { orderId: order.id, serviceDate: addDays(todayInJakarta(), -1), slotId: allSlots[0]!.id, by: SARI })).toMatchObject({ ok: false });
  });

  it("cancelling a paid order frees the slot and flags the refund; a cancelled order cannot be paid in cash", async () => {
    const order = await bookOrder(db());
    expect(await recordCashPayment(db(), { orderId: order.id, by: SARI })).toMatchObject({ ok: true, order: { paymentStatus: "paid" } });
    const cancelled = await cancelOrderByShop(db(), { orderId: order.id, reason: "pelanggan batal", by: SARI });
    expect(cancelled).toMatchObject({ ok: true, order: { repairStatus: "cancelled", needsRefund: true } });
    expect(await cancelOrderByShop(db(), { orderId: order.id, reason: "", by: SARI })).toEqual({ ok: false, message: "Pesanan ini sudah dibatalkan." });

    const other = await bookOrder(db(), { chatId: 9 });
    await cancelOrderByShop(db(), { orderId: other.id, reason: "", by: SARI });
    expect(await recordCashPayment(db(), { orderId: other.id, by: SARI })).toEqual({ ok: false, message: "Pesanan yang dibatalkan tidak bisa dibayar." });
    expect(await readPayments(db(), other.id)).toEqual([]);
  });

  it("cash at the counter is one settled attempt, audited with the admin, and is refused a second time", async () => {
    const order = await bookOrder(db());
    await recordCashPayment(db(), { orderId: order.id, by: SARI });
    expect(await recordCashPayment(db(), { orderId: order.id, by: SARI })).toMatchObject({ ok: false });
    const attempts = await readPayments(db(), order.id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ kind: "cash", transactionStatus: "settlement", grossAmount: 70_000 });
    expect(await readAudit(db(), "payment.cash_recorded")).toEqual([expect.objectContaining({ actor: "sari", entityId: order.id })]);
    expect((await readOrder(db(), order.id)).holdExpiresAt).toBeNull();
  });
});
