import { eq } from "drizzle-orm";
import { addAdminToBranch } from "@/db/queries/branches";
import { setTechnicianDuty } from "@/db/queries/technicians";
import { admins, configVersion, orders, slots, type Slot } from "@/db/schema";
import { getSlotAvailability, listShutWeekdays } from "@/lib/booking/availability";
import { createBooking } from "@/lib/booking/create-booking";
import { rescheduleBooking } from "@/lib/booking/reschedule-booking";
import { weekdaysMask } from "@/lib/booking/technicians";
import { getShopSettings } from "@/db/queries/settings";
import { loadHomeView } from "@/lib/site/home-view";
import { bookOrder, customerBooking, nextWeekday, readOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ poolMax: 20 });
const db = () => suite.db;
let allSlots: Slot[];
const slotAt = (index: number) => allSlots[index]!.id;
beforeEach(async () => {
  allSlots = await db().select().from(slots).orderBy(slots.startTime);
});

const MONDAY = nextWeekday(1);
const SATURDAY = nextWeekday(6);
const SUNDAY = nextWeekday(0);
const WEEKDAYS = weekdaysMask([1, 2, 3, 4, 5]);

async function addTechnician(username: string, workingWeekdays: number, { disabled = false } = {}): Promise<number> {
  const [row] = await db().insert(admins).values({ username, passwordHash: "x", role: "staff", technician: true, workingWeekdays, disabled }).returning({ id: admins.id });
  // A technician counts at the branches they work for (0012); insertStaff puts a new account in the first one.
  await addAdminToBranch(db(), { adminId: row!.id });
  return row!.id;
}

function book(chatId: number, { serviceDate = MONDAY, slotIndex = 0 } = {}) {
  return createBooking(db(), customerBooking({ chatId, slotId: slotAt(slotIndex), serviceDate }));
}

describe("a slot's places with technicians", () => {
  it("without technicians a slot keeps the places set in the schedule, and an order goes to nobody", async () => {
    const day = await getSlotAvailability(db(), { serviceDate: MONDAY });
    expect(day.map((s) => s.capacity)).toEqual(allSlots.map((s) => s.capacity));
    const order = await bookOrder(db(), { serviceDate: MONDAY });
    expect(order.technicianId).toBeNull();
  });

  it("with technicians a slot's places are the technicians on duty that weekday; a disabled one or a day off does not count", async () => {
    await addTechnician("teknisi.andi", WEEKDAYS);
    await addTechnician("teknisi.bayu", weekdaysMask([1, 2, 3, 6]));
    await addTechnician("teknisi.citra", WEEKDAYS | weekdaysMask([6]));
    await addTechnician("teknisi.dedi", WEEKDAYS, { disabled: true });
    expect((await getSlotAvailability(db(), { serviceDate: MONDAY })).map((s) => s.capacity)).toEqual(allSlots.map(() => 3));
    expect((await getSlotAvailability(db(), { serviceDate: SATURDAY })).map((s) => s.capacity)).toEqual(allSlots.map(() => 2));
    // Nobody works on Sunday: no slot runs, the day is shut for booking and on the home page.
    expect(await getSlotAvailability(db(), { serviceDate: SUNDAY })).toEqual([]);
    await expect(bookOrder(db(), { serviceDate: SUNDAY })).rejects.toThrow("date_unavailable");
    expect(await listShutWeekdays(db(), await getShopSettings(db()))).toEqual([0]);
    const home = await loadHomeView(db(), {});
    expect(home.week.find((d) => d.weekday === 0)!.slots).toEqual([]);
    expect(home.week.find((d) => d.weekday === 6)!.slots.map((s) => s.capacity)).toEqual(allSlots.map(() => 2));
  });

  it("the third booking of a Saturday slot with two technicians on duty is refused as full", async () => {
    await addTechnician("teknisi.andi", WEEKDAYS);
    await addTechnician("teknisi.bayu", weekdaysMask([6]));
    await addTechnician("teknisi.citra", weekdaysMask([6]));
    expect((await book(1, { serviceDate: SATURDAY })).ok).toBe(true);
    expect((await book(2, { serviceDate: SATURDAY })).ok).toBe(true);
    expect(await book(3, { serviceDate: SATURDAY })).toEqual({ ok: false, reason: "slot_full" });
  });

  it("a change of technicians gives the cached configuration a new version; a sign-in field does not", async () => {
    const id = await addTechnician("teknisi.andi", WEEKDAYS);
    const version = async () => (await db().select().from(configVersion))[0]!.version;
    const before = await version();
    await setTechnicianDuty(db(), { id, technician: true, workingWeekdays: weekdaysMask([1]) });
    const afterDays = await version();
    expect(afterDays).not.toBe(before);
    await db().update(admins).set({ passwordHash: "y" }).where(eq(admins.id, id));
    expect(await version()).toBe(afterDays);
    await db().update(admins).set({ disabled: true }).where(eq(admins.id, id));
    expect(await version()).not.toBe(afterDays);
  });
});

describe("assigning orders to technicians", () => {
  it("deals a slot's bookings out one per technician, and the next slot starts with whoever has the fewest jobs that day", async () => {
    const andi = await addTechnician("teknisi.andi", WEEKDAYS);
    const bayu = await addTechnician("teknisi.bayu", WEEKDAYS);
    const assigned = async (chatId: number, slotIndex: number) => {
      const result = await book(chatId, { slotIndex });
      if (!result.ok) throw new Error(result.reason);
      return result.order.technicianId;
    };
    expect(await assigned(1, 0)).toBe(andi);
    expect(await assigned(2, 0)).toBe(bayu);
    expect(await assigned(3, 1)).toBe(andi);
    expect(await assigned(4, 2)).toBe(bayu);
    expect(await assigned(5, 1)).toBe(bayu);
  });

  it("a cancelled job frees its technician for the slot", async () => {
    const andi = await addTechnician("teknisi.andi", WEEKDAYS);
    const bayu = await addTechnician("teknisi.bayu", WEEKDAYS);
    const first = await bookOrder(db(), { chatId: 1, serviceDate: MONDAY });
    await bookOrder(db(), { chatId: 2, serviceDate: MONDAY });
    await db().update(orders).set({ repairStatus: "cancelled" }).where(eq(orders.id, first.id));
    expect([first.technicianId, (await bookOrder(db(), { chatId: 3, serviceDate: MONDAY })).technicianId]).toEqual([andi, andi]);
    expect(bayu).toBeGreaterThan(andi);
  });

  it("a moved order is given to a technician on duty in its new slot", async () => {
    const andi = await addTechnician("teknisi.andi", WEEKDAYS);
    const bayu = await addTechnician("teknisi.bayu", weekdaysMask([6]));
    const order = await bookOrder(db(), { serviceDate: MONDAY });
    expect(order.technicianId).toBe(andi);
    const moved = await rescheduleBooking(db(), { orderId: order.id, serviceDate: SATURDAY, slotId: slotAt(1), by: { kind: "shop", username: "owner", ip: null, override: false } });
    expect(moved).toMatchObject({ ok: true, order: { serviceDate: SATURDAY, technicianId: bayu } });
    // Back on a Monday, in another slot: Andi again, not counted twice for his own job.
    const back = await rescheduleBooking(db(), { orderId: order.id, serviceDate: MONDAY, slotId: slotAt(2), by: { kind: "shop", username: "owner", ip: null, override: false } });
    expect(back).toMatchObject({ ok: true, order: { technicianId: andi } });
    expect((await readOrder(db(), order.id)).technicianId).toBe(andi);
  });

  it("N+1 simultaneous bookings of a slot with N technicians on duty: exactly N win, one job per technician", async () => {
    const team = [await addTechnician("teknisi.andi", WEEKDAYS), await addTechnician("teknisi.bayu", WEEKDAYS), await addTechnician("teknisi.citra", WEEKDAYS)];
    const results = await Promise.all(Array.from({ length: team.length + 1 }, (_, i) => book(7000 + i)));
    expect(results.filter((r) => r.ok)).toHaveLength(team.length);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "slot_full" }]);
    const jobs = await db().select({ technicianId: orders.technicianId }).from(orders).where(eq(orders.slotId, slotAt(0)));
    expect(jobs.map((j) => j.technicianId).sort()).toEqual([...team].sort());
  });

  it("40 simultaneous bookings of a slot with 3 technicians: 3 orders, never one technician twice", async () => {
    await addTechnician("teknisi.andi", WEEKDAYS);
    await addTechnician("teknisi.bayu", WEEKDAYS);
    await addTechnician("teknisi.citra", WEEKDAYS);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => book(8000 + i, { slotIndex: 1 })));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const jobs = await db().select({ technicianId: orders.technicianId }).from(orders).where(eq(orders.slotId, slotAt(1)));
    expect(new Set(jobs.map((j) => j.technicianId)).size).toBe(3);
  });
});
