import { eq } from "drizzle-orm";
import { setWeekdayCapacity } from "@/db/queries/weekday-capacity";
import { auditLog, slots, slotWeekdayCapacity } from "@/db/schema";
import { saveSlot } from "@/lib/admin/catalog-schedule";
import { applyForm } from "@/lib/admin/edit-result";
import { saveWeekdayCapacities, weekdayGridInput } from "@/lib/admin/weekday-hours";
import { getTodayView } from "@/lib/admin/today";
import { checkServiceDate, getSlotAvailability } from "@/lib/booking/availability";
import { formatDateDmy, todayInJakarta, weekdayOf, wibInstant } from "@/lib/booking/calendar";
import { loadHomeView } from "@/lib/site/home-view";
import { openingHoursLine } from "@/lib/site/shop-contact";
import { bookOrder, nextWeekday } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase();
const OWNER = { username: "owner", ip: null };
const next = nextWeekday;
const SATURDAY = next(6);
const SUNDAY = next(0);
const MONDAY = next(1);

async function allSlots() {
  return suite.db.select().from(slots).orderBy(slots.startTime);
}

/** The weekly grid as its server action runs it: cells checked, then saved. */
function postGrid(cells: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(cells)) form.set(name, value);
  return applyForm(weekdayGridInput, form, (input) => saveWeekdayCapacities(suite.db, OWNER, input));
}

describe("capacity per weekday", () => {
  it("a Saturday capacity of 1 takes one booking that day while other days keep the slot's 2", async () => {
    const [first] = await allSlots();
    await setWeekdayCapacity(suite.db, { slotId: first!.id, weekday: 6, capacity: 1 });
    await bookOrder(suite.db, { chatId: 1, serviceDate: SATURDAY });
    await expect(bookOrder(suite.db, { chatId: 2, serviceDate: SATURDAY })).rejects.toThrow("slot_full");
    await bookOrder(suite.db, { chatId: 3, serviceDate: MONDAY });
    await bookOrder(suite.db, { chatId: 4, serviceDate: MONDAY });
    await expect(bookOrder(suite.db, { chatId: 5, serviceDate: MONDAY })).rejects.toThrow("slot_full");

    const saturday = (await getSlotAvailability(suite.db, { serviceDate: SATURDAY })).find((s) => s.id === first!.id)!;
    expect(saturday).toMatchObject({ capacity: 1, taken: 1, remaining: 0, bookable: false });
  });

  it("a slot set to 0 on Sunday is not offered that day, cannot be booked, and the home page says so", async () => {
    const list = await allSlots();
    for (const slot of list) await setWeekdayCapacity(suite.db, { slotId: slot.id, weekday: 0, capacity: 0 });
    await setWeekdayCapacity(suite.db, { slotId: list.at(-1)!.id, weekday: 6, capacity: 0 });
    expect(await getSlotAvailability(suite.db, { serviceDate: SUNDAY })).toEqual([]);
    expect((await getSlotAvailability(suite.db, { serviceDate: SATURDAY })).map((s) => s.id)).toEqual(list.slice(0, -1).map((s) => s.id));
    // A day with no slot at all is a closed day for booking too; one slot not run that day is a closed slot.
    await expect(bookOrder(suite.db, { chatId: 1, serviceDate: SUNDAY })).rejects.toThrow("date_unavailable");
    await expect(bookOrder(suite.db, { chatId: 1, serviceDate: SATURDAY, slotIndex: list.length - 1 })).rejects.toThrow("slot_closed");
    // The bot's date step calls a weekday with no slot closed, like a weekly closed day.
    expect(await checkServiceDate(suite.db, { input: formatDateDmy(SUNDAY) })).toEqual({ ok: false, reason: "closed" });
    expect(await checkServiceDate(suite.db, { input: formatDateDmy(SATURDAY) })).toEqual({ ok: true, date: SATURDAY });

    const home = await loadHomeView(suite.db, {});
    expect(home.week.find((d) => d.weekday === 0)!.slots).toEqual([]);
    expect(openingHoursLine(home.week)).toMatch(/^Senin–Jumat 09\.00–\d\d\.\d\d, Sabtu 09\.00–\d\d\.\d\d WIB; tutup Minggu$/);
  });

  it("the admin's today shows the day's capacity, and an order in a slot not run today stays listed", async () => {
    const [first, second] = await allSlots();
    const today = todayInJakarta();
    const order = await bookOrder(suite.db, { chatId: 1, serviceDate: today, bookedAt: wibInstant(today) });
    await setWeekdayCapacity(suite.db, { slotId: second!.id, weekday: weekdayOf(today), capacity: 5 });
    await setWeekdayCapacity(suite.db, { slotId: first!.id, weekday: weekdayOf(today), capacity: 0 });
    const view = await getTodayView(suite.db);
    expect(view.slots.find((s) => s.slot.id === second!.id)!.slot.capacity).toBe(5);
    expect(view.slots.some((s) => s.slot.id === first!.id)).toBe(false);
    expect(view.otherOrders.map((o) => o.id)).toEqual([order.id]);
  });
});

describe("the owner's slot × weekday grid", () => {
  it("saves the cells that changed, audited with the owner's name; empty follows the slot again", async () => {
    const [first, second] = await allSlots();
    const result = await postGrid({ [`cap-${first!.id}-6`]: "1", [`cap-${second!.id}-0`]: "0", [`cap-${first!.id}-1`]: "" });
    expect(result).toEqual({ status: "ok", message: "Jadwal mingguan disimpan (2 perubahan)." });
    expect(await suite.db.select().from(slotWeekdayCapacity).orderBy(slotWeekdayCapacity.slotId)).toEqual([
      { slotId: first!.id, weekday: 6, capacity: 1 },
      { slotId: second!.id, weekday: 0, capacity: 0 },
    ]);
    const [audit] = await suite.db.select().from(auditLog).where(eq(auditLog.entity, "slot_weekday_capacity"));
    expect(audit).toMatchObject({ actor: "owner", before: { [`${first!.id}:6`]: null, [`${second!.id}:0`]: null }, after: { [`${first!.id}:6`]: 1, [`${second!.id}:0`]: 0 } });

    expect(await postGrid({ [`cap-${first!.id}-6`]: "" })).toEqual({
      status: "ok",
      message: "Jadwal mingguan disimpan (1 perubahan).",
    });
    expect(await suite.db.select().from(slotWeekdayCapacity)).toHaveLength(1);
  });

  it("refuses a weekday capacity below the places already held on a coming day of that weekday, and changes nothing", async () => {
    const [first, second] = await allSlots();
    await bookOrder(suite.db, { chatId: 1, serviceDate: SATURDAY });
    await bookOrder(suite.db, { chatId: 2, serviceDate: SATURDAY });
    const result = await postGrid({ [`cap-${first!.id}-6`]: "1", [`cap-${second!.id}-6`]: "0" });
    expect(result).toEqual({
      status: "invalid",
      errors: {
        [`cap-${first!.id}-6`]: `${first!.label} hari Sabtu: kapasitas 1 lebih kecil dari pesanan yang sudah ada: ${formatDateDmy(SATURDAY)} (2 pesanan). Jadwalkan ulang atau batalkan pesanan itu dulu.`,
      },
    });
    expect(await suite.db.select().from(slotWeekdayCapacity)).toEqual([]);
    expect(await suite.db.select().from(auditLog).where(eq(auditLog.entity, "slot_weekday_capacity"))).toEqual([]);
  });

  it.each([["-1"], ["abc"], ["101"], ["1.5"]])("refuses %s as a capacity with a clear answer", async (value) => {
    const [first] = await allSlots();
    const result = await postGrid({ [`cap-${first!.id}-6`]: value });
    expect(result.status).toBe("invalid");
    expect(result.status === "invalid" && result.errors[`cap-${first!.id}-6`]).toContain("Kapasitas harus angka 0–100");
    expect(await suite.db.select().from(slotWeekdayCapacity)).toEqual([]);
  });

  it("a form naming a slot that does not exist changes nothing", async () => {
    const [first] = await allSlots();
    const result = await postGrid({ [`cap-${first!.id}-6`]: "1", "cap-99999-6": "1" });
    expect(result.status).toBe("invalid");
    expect(await suite.db.select().from(slotWeekdayCapacity)).toEqual([]);
  });

  it("lowering a slot's own capacity ignores the weekdays that have their own", async () => {
    const [first] = await allSlots();
    await bookOrder(suite.db, { chatId: 1, serviceDate: SATURDAY });
    await bookOrder(suite.db, { chatId: 2, serviceDate: SATURDAY });
    expect((await saveSlot(suite.db, OWNER, { ...first!, capacity: 1 })).status).toBe("invalid");
    await setWeekdayCapacity(suite.db, { slotId: first!.id, weekday: 6, capacity: 2 });
    expect((await saveSlot(suite.db, OWNER, { ...first!, capacity: 1 })).status).toBe("ok");
  });
});
