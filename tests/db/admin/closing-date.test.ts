import { eq } from "drizzle-orm";
import { auditLog, closedDates, orders } from "@/db/schema";
import { closedDateInput } from "@/lib/admin/catalog-input";
import { closeDate } from "@/lib/admin/catalog-schedule";
import { cancelOrderOnDate, closeCancellingAllInput, closeDateWithOrders, closeMovingAllInput, closingCancelInput, closingMoveInput, moveOrderOffDate } from "@/lib/admin/closing-date";
import { applyForm, type EditResult } from "@/lib/admin/edit-result";
import { addDays, formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import { bookOrder, readOrder, readOutbox } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase();
const OWNER = { username: "owner", ip: "203.0.113.7" };
const DAY = addDays(todayInJakarta(), 3);
const NEXT = addDays(DAY, 1);
const DMY = formatDateDmy(DAY);

/** The closing forms as their server actions run them: fields checked, then the change. */
const FORMS = {
  "closing-move": (form: FormData) => applyForm(closingMoveInput, form, (input) => moveOrderOffDate(suite.db, OWNER, input)),
  "closing-cancel": (form: FormData) => applyForm(closingCancelInput, form, (input) => cancelOrderOnDate(suite.db, OWNER, input)),
  "close-date": (form: FormData) => applyForm(closedDateInput, form, (input) => closeDate(suite.db, OWNER, input)),
  "close-date-move-all": (form: FormData) => applyForm(closeMovingAllInput, form, (input) => closeDateWithOrders(suite.db, OWNER, input)),
  "close-date-cancel-all": (form: FormData) => applyForm(closeCancellingAllInput, form, (input) => closeDateWithOrders(suite.db, OWNER, input)),
};

function post({ op, ...fields }: { op: keyof typeof FORMS } & Record<string, string>): Promise<EditResult> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return FORMS[op](form);
}

/** Three orders on DAY: an Indonesian one paid, an English one, and one made at the counter (no chat). */
async function bookedDay() {
  const paid = await bookOrder(suite.db, { chatId: 11, serviceDate: DAY });
  await suite.db.update(orders).set({ paymentStatus: "paid", holdExpiresAt: null }).where(eq(orders.id, paid.id));
  const english = await bookOrder(suite.db, { chatId: 12, serviceDate: DAY, slotIndex: 1 });
  await suite.db.update(orders).set({ language: "en" }).where(eq(orders.id, english.id));
  const counter = await bookOrder(suite.db, { chatId: 13, serviceDate: DAY, slotIndex: 1 });
  await suite.db.update(orders).set({ chatId: null, source: "counter" }).where(eq(orders.id, counter.id));
  return { paid, english, counter };
}

const closingMessages = async () => (await readOutbox(suite.db)).filter((row) => row.dedupeKey.includes(":date_closed"));

describe("closing a date that has bookings", () => {
  it("moves one order to another date and slot, tells its customer in their language, then the emptied date closes", async () => {
    const { paid, english, counter } = await bookedDay();
    const moved = await post({ op: "closing-move", date: DAY, reason: "Libur", orderId: english.id, toDate: NEXT, toSlotId: String(paid.slotId) });
    expect(moved).toEqual({ status: "ok", message: `Pesanan ${english.bookingCode} dipindah ke ${formatDateDmy(NEXT)}, ${paid.slotLabel}; pelanggan diberi tahu.` });
    expect(await readOrder(suite.db, english.id)).toMatchObject({ serviceDate: NEXT, slotId: paid.slotId });
    const [message] = await closingMessages();
    expect(message!.chatId).toBe(12);
    expect(message!.payload.params.text).toContain(`Sorry, the shop is closed on ${DMY}, so your appointment has been moved.`);

    expect((await post({ op: "closing-cancel", date: DAY, orderId: paid.id })).status).toBe("ok");
    expect(await readOrder(suite.db, paid.id)).toMatchObject({ repairStatus: "cancelled", needsRefund: true });
    expect((await closingMessages()).at(-1)!.payload.params.text).toBe(
      `Mohon maaf, toko tutup pada ${DMY}, jadi booking ${paid.bookingCode} dibatalkan. Pembayaran Anda akan dikembalikan. Silakan booking hari lain dengan /order.`,
    );
    expect((await post({ op: "closing-cancel", date: DAY, orderId: counter.id })).status).toBe("ok");
    expect(await closingMessages()).toHaveLength(2); // the counter order has no chat to tell

    expect(await post({ op: "close-date", date: DAY, reason: "Libur" })).toEqual({ status: "ok", message: `Toko tutup pada ${DMY}.` });
    const actions = (await suite.db.select().from(auditLog).where(eq(auditLog.actor, "owner"))).map((a) => a.action);
    expect(actions).toEqual(["order.rescheduled", "order.cancelled", "order.cancelled", "create"]);
  });

  it("a move into a full slot is refused and changes nothing", async () => {
    const { paid, english } = await bookedDay();
    await bookOrder(suite.db, { chatId: 21, serviceDate: NEXT });
    await bookOrder(suite.db, { chatId: 22, serviceDate: NEXT });
    const full = await post({ op: "closing-move", date: DAY, orderId: english.id, toDate: NEXT, toSlotId: String(paid.slotId) });
    expect(full).toEqual({ status: "invalid", errors: { _form: `${english.bookingCode}: Slot itu sudah penuh pada tanggal tersebut.` } });
    expect(await readOrder(suite.db, english.id)).toMatchObject({ serviceDate: DAY });
    expect(await closingMessages()).toEqual([]);
  });

  it("refuses moving onto the date being closed, and an order that is not on it", async () => {
    const { english } = await bookedDay();
    expect(await post({ op: "closing-move", date: DAY, orderId: english.id, toDate: DAY, toSlotId: String(english.slotId) })).toEqual({
      status: "invalid",
      errors: { toDate: "Pilih tanggal lain dari tanggal yang ditutup." },
    });
    expect(await post({ op: "closing-cancel", date: NEXT, orderId: english.id })).toEqual({
      status: "invalid",
      errors: { _form: `Pesanan ${english.bookingCode} sudah tidak terjadwal pada ${formatDateDmy(NEXT)}.` },
    });
    expect((await readOrder(suite.db, english.id)).repairStatus).toBe("booked");
  });

  it("closes with every order moved to another day in its own slot, in one go", async () => {
    const { paid, english, counter } = await bookedDay();
    const result = await post({ op: "close-date-move-all", date: DAY, reason: "Renovasi", toDate: NEXT });
    expect(result).toEqual({ status: "ok", message: `Toko tutup pada ${DMY}. 3 pesanan dipindah ke ${formatDateDmy(NEXT)}; pelanggan diberi tahu.` });
    for (const order of [paid, english, counter]) expect(await readOrder(suite.db, order.id)).toMatchObject({ serviceDate: NEXT, slotId: order.slotId });
    expect(await suite.db.select().from(closedDates)).toEqual([{ branchId: 1, date: DAY, reason: "Renovasi" }]);
    const texts = (await closingMessages()).map((m) => m.payload.params.text as string);
    expect(texts).toHaveLength(2);
    expect(texts.some((t) => t.startsWith(`📅 Mohon maaf, toko tutup pada ${DMY}`))).toBe(true);
    expect(texts.some((t) => t.startsWith(`📅 Sorry, the shop is closed on ${DMY}`))).toBe(true);
  });

  it("when one order cannot be moved (its slot is full that day), nothing is moved and the date stays open", async () => {
    const { paid, english } = await bookedDay();
    await bookOrder(suite.db, { chatId: 31, serviceDate: NEXT, slotIndex: 1 });
    const result = await post({ op: "close-date-move-all", date: DAY, reason: "Renovasi", toDate: NEXT });
    expect(result.status).toBe("invalid");
    expect(result.status === "invalid" && result.errors._form).toMatch(/^Tidak ada yang diubah: \d{8} \(.+\): Slot itu sudah penuh pada tanggal tersebut\.$/);
    for (const order of [paid, english]) expect(await readOrder(suite.db, order.id)).toMatchObject({ serviceDate: DAY, repairStatus: "booked" });
    expect(await suite.db.select().from(closedDates)).toEqual([]);
    expect(await closingMessages()).toEqual([]);
  });

  it("closes with every order cancelled: paid ones flagged for refund, each customer told", async () => {
    const { paid, english, counter } = await bookedDay();
    expect(await post({ op: "close-date-cancel-all", date: DAY, reason: "Banjir" })).toEqual({
      status: "ok",
      message: `Toko tutup pada ${DMY}. 3 pesanan dibatalkan; pelanggan diberi tahu.`,
    });
    expect(await readOrder(suite.db, paid.id)).toMatchObject({ repairStatus: "cancelled", needsRefund: true });
    for (const order of [english, counter]) expect(await readOrder(suite.db, order.id)).toMatchObject({ repairStatus: "cancelled", needsRefund: false });
    expect((await closingMessages()).map((m) => m.chatId).sort()).toEqual([11, 12]);
    const [audit] = await suite.db.select().from(auditLog).where(eq(auditLog.entity, "closed_date"));
    expect(audit).toMatchObject({ actor: "owner", ip: "203.0.113.7", after: { date: DAY, reason: "Banjir", cancelled: true } });
  });
});
