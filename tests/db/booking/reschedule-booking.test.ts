import { eq } from "drizzle-orm";
import { saveShopSettings } from "@/db/queries/settings";
import { saveStaffChats } from "@/db/queries/staff-chats";
import { closedDates, orders, slots, type Slot } from "@/db/schema";
import { recordCashPayment, rescheduleOrder } from "@/lib/admin/order-actions";
import { addDays, todayInJakarta, weekdayOf, wibInstant } from "@/lib/booking/calendar";
import { createBooking } from "@/lib/booking/create-booking";
import { rescheduleBooking, type Rescheduler } from "@/lib/booking/reschedule-booking";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { bookOrder, readAudit, readOrder, readOutbox, readPayments } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ poolMax: 20 });
beforeEach(async () => {
  allSlots = await db().select().from(slots).orderBy(slots.startTime);
});

const db = () => suite.db;
let allSlots: Slot[];
const slotAt = (index: number) => allSlots[index]!.id;
const TODAY = () => todayInJakarta();
const CHAT = 5550001;
const customer = (chatId = CHAT): Rescheduler => ({ kind: "customer", chatId, cutoffHours: 3 });
const OWNER = { username: "sari", ip: "10.0.0.5", role: "owner" as const };
const STAFF = { username: "budi", ip: "10.0.0.6", role: "staff" as const };

describe("a customer moves their own booking", () => {
  it("moves to a slot with room: the order, the audit (who, before, after), the customer's message and the staff alert", async () => {
    await saveStaffChats(db(), [-100777]);
    const order = await bookOrder(db());
    const to = addDays(TODAY(), 4);
    const result = await rescheduleBooking(db(), { orderId: order.id, serviceDate: to, slotId: slotAt(2), by: customer() });
    expect(result).toMatchObject({ ok: true, order: { serviceDate: to, slotId: slotAt(2), slotLabel: "15.00 - 17.00 WIB", paymentStatus: "unpaid" } });
    const [entry] = await readAudit(db(), "order.rescheduled");
    expect(entry).toMatchObject({
      actor: `customer:${CHAT}`,
      entityId: order.id,
      before: { serviceDate: order.serviceDate, slotId: slotAt(0), slotLabel: "09.00 - 11.00 WIB" },
      after: { serviceDate: to, slotId: slotAt(2), slotLabel: "15.00 - 17.00 WIB" },
    });
    const outbox = (await readOutbox(db())).filter((row) => row.dedupeKey.includes(":rescheduled"));
    expect(outbox.map((row) => row.chatId).sort()).toEqual([-100777, CHAT].sort());
    expect(JSON.stringify(outbox.find((row) => row.chatId === CHAT)!.payload)).toContain("Jadwal servis Anda diubah");
    expect(JSON.stringify(outbox.find((row) => row.chatId === -100777)!.payload)).toContain("🔁 Jadwal dipindah");
  });

  it("the unpaid hold moves with the order: cut to an earlier slot's start, restored to the booking's own deadline for a later one", async () => {
    const midnight = wibInstant(TODAY(), "00:00");
    const early = await bookOrder(db(), { bookedAt: midnight, serviceDate: addDays(TODAY(), 2) });
    expect(early.holdExpiresAt).toEqual(new Date(midnight.getTime() + 24 * 3_600_000));
    const now = new Date(midnight.getTime() + 30 * 60_000);
    const earlier = await rescheduleBooking(db(), { orderId: early.id, serviceDate: TODAY(), slotId: slotAt(0), by: customer(), now });
    expect(earlier).toMatchObject({ ok: true, order: { holdExpiresAt: wibInstant(TODAY(), "09:00") } });

    const sameDay = await bookOrder(db(), { bookedAt: midnight, serviceDate: TODAY(), slotIndex: 1, chatId: 42 });
    expect(sameDay.holdExpiresAt).toEqual(wibInstant(TODAY(), "12:00"));
    const later = await rescheduleBooking(db(), { orderId: sameDay.id, serviceDate: addDays(TODAY(), 3), slotId: slotAt(1), by: customer(42), now });
    expect(later).toMatchObject({ ok: true, order: { holdExpiresAt: new Date(midnight.getTime() + 24 * 3_600_000) } });
  });

  it("a paid order keeps its payment: still paid, no hold, its attempt untouched", async () => {
    const order = await bookOrder(db());
    await recordCashPayment(db(), { orderId: order.id, by: OWNER });
    const paymentsBefore = await readPayments(db(), order.id);
    const result = await rescheduleBooking(db(), { orderId: order.id, serviceDate: addDays(TODAY(), 5), slotId: slotAt(3), by: customer() });
    expect(result).toMatchObject({ ok: true, order: { paymentStatus: "paid", holdExpiresAt: null, serviceDate: addDays(TODAY(), 5) } });
    expect(await readPayments(db(), order.id)).toEqual(paymentsBefore);
  });

  describe("refused under the booking rules, nothing written", () => {
    const CASES: [string, () => Promise<{ orderId: string; serviceDate: string; slotId: number; by?: Rescheduler; now?: Date }>, object][] = [
      [
        "into a full slot",
        async () => {
          const to = addDays(TODAY(), 3);
          await bookOrder(db(), { serviceDate: to, slotIndex: 1, chatId: 2 });
          await bookOrder(db(), { serviceDate: to, slotIndex: 1, chatId: 3 });
          return { orderId: (await bookOrder(db())).id, serviceDate: to, slotId: slotAt(1) };
        },
        { reason: "slot_full" },
      ],
      [
        "inside the cutoff before the current slot",
        async () => ({ orderId: (await bookOrder(db())).id, serviceDate: addDays(TODAY(), 4), slotId: slotAt(0), now: wibInstant(addDays(TODAY(), 2), "06:30") }),
        { reason: "too_late" },
      ],
      [
        "onto a weekly closed day",
        async () => {
          const to = addDays(TODAY(), 4);
          await saveShopSettings(db(), { closedWeekdays: [weekdayOf(to)] });
          return { orderId: (await bookOrder(db())).id, serviceDate: to, slotId: slotAt(0) };
        },
        { reason: "date_unavailable", problem: "closed" },
      ],
      [
        "onto a closed date",
        async () => {
          const to = addDays(TODAY(), 4);
          await db().insert(closedDates).values({ date: to, reason: "Lebaran" });
          return { orderId: (await bookOrder(db())).id, serviceDate: to, slotId: slotAt(0) };
        },
        { reason: "date_unavailable", problem: "closed", closedReason: "Lebaran" },
      ],
      ["past the horizon", async () => ({ orderId: (await bookOrder(db())).id, serviceDate: addDays(TODAY(), 31), slotId: slotAt(0) }), { reason: "date_unavailable", problem: "beyond_horizon" }],
      ["into the past", async () => ({ orderId: (await bookOrder(db())).id, serviceDate: addDays(TODAY(), -1), slotId: slotAt(0) }), { reason: "date_unavailable", problem: "past" }],
      [
        "into a slot that starts within the lead time",
        async () => ({ orderId: (await bookOrder(db())).id, serviceDate: TODAY(), slotId: slotAt(1), now: wibInstant(TODAY(), "11:30") }),
        { reason: "slot_too_soon" },
      ],
      ["another chat's order", async () => ({ orderId: (await bookOrder(db())).id, serviceDate: addDays(TODAY(), 4), slotId: slotAt(0), by: customer(999) }), { reason: "not_found" }],
      ["to the same date and slot", async () => ({ orderId: (await bookOrder(db())).id, serviceDate: addDays(TODAY(), 2), slotId: slotAt(0) }), { reason: "same_slot" }],
      [
        "an order the shop has started on",
        async () => {
          const order = await bookOrder(db());
          await db().update(orders).set({ repairStatus: "received" }).where(eq(orders.id, order.id));
          return { orderId: order.id, serviceDate: addDays(TODAY(), 4), slotId: slotAt(0) };
        },
        { reason: "not_movable" },
      ],
      [
        "an unpaid order whose hold has run out",
        async () => ({ orderId: (await bookOrder(db(), { bookedAt: new Date(Date.now() - 25 * 3_600_000) })).id, serviceDate: addDays(TODAY(), 4), slotId: slotAt(0) }),
        { reason: "hold_lapsed" },
      ],
    ];

    it.each(CASES)("%s", async (_name, arrange, refusal) => {
      const { by = customer(), ...request } = await arrange();
      const before = await snapshotTables(db());
      expect(await rescheduleBooking(db(), { ...request, by })).toEqual({ ok: false, ...refusal });
      expect(await snapshotTables(db())).toEqual(before);
    });
  });
});

describe("the admin's reschedule follows the same rules", () => {
  it("refuses a weekly closed day for staff and owner alike without the override; the owner's override moves it and is audited", async () => {
    const order = await bookOrder(db());
    const to = addDays(TODAY(), 4);
    await saveShopSettings(db(), { closedWeekdays: [weekdayOf(to)] });
    const request = { orderId: order.id, serviceDate: to, slotId: slotAt(1) };
    expect(await rescheduleOrder(db(), { ...request, by: STAFF })).toEqual({ ok: false, message: expect.stringMatching(/^Toko tutup pada tanggal itu\./) });
    expect(await rescheduleOrder(db(), { ...request, by: OWNER })).toMatchObject({ ok: false });
    const moved = await rescheduleOrder(db(), { ...request, by: OWNER, override: true });
    expect(moved).toMatchObject({ ok: true, order: { serviceDate: to, slotId: slotAt(1) } });
    expect(await readAudit(db(), "order.rescheduled")).toEqual([expect.objectContaining({ actor: "sari", ip: "10.0.0.5", after: expect.objectContaining({ override: true }) })]);
  });

  it("staff asking for the override are refused with the owner-only message and nothing changes", async () => {
    const order = await bookOrder(db());
    const before = await snapshotTables(db());
    const result = await rescheduleOrder(db(), { orderId: order.id, serviceDate: addDays(TODAY(), 40), slotId: slotAt(1), by: STAFF, override: true });
    expect(result).toEqual({ ok: false, message: "Hanya pemilik toko yang dapat melakukan ini." });
    expect(await snapshotTables(db())).toEqual(before);
  });

  it("the override reaches past the horizon but not past capacity, and the hold moves with the order", async () => {
    const order = await bookOrder(db());
    const far = addDays(TODAY(), 45);
    await bookOrder(db(), { serviceDate: addDays(TODAY(), 3), slotIndex: 2, chatId: 7 });
    await bookOrder(db(), { serviceDate: addDays(TODAY(), 3), slotIndex: 2, chatId: 8 });
    expect(await rescheduleOrder(db(), { orderId: order.id, serviceDate: addDays(TODAY(), 3), slotId: slotAt(2), by: OWNER, override: true })).toEqual({
      ok: false,
      message: "Slot itu sudah penuh pada tanggal tersebut.",
    });
    expect(await rescheduleOrder(db(), { orderId: order.id, serviceDate: far, slotId: slotAt(0), by: STAFF })).toMatchObject({ ok: false });
    const moved = await rescheduleOrder(db(), { orderId: order.id, serviceDate: far, slotId: slotAt(0), by: OWNER, override: true });
    expect(moved).toMatchObject({ ok: true, order: { serviceDate: far } });
    expect((await readOrder(db(), order.id)).holdExpiresAt).toEqual(order.holdExpiresAt);
  });
});

describe("a place held only by a lapsed hold", () => {
  it("is free to move into: the lapsed bookings there are expired in the same transaction", async () => {
    const target = addDays(TODAY(), 2);
    const lapsed = [
      await bookOrder(db(), { serviceDate: target, slotIndex: 2, chatId: 11, bookedAt: new Date(Date.now() - 25 * 3_600_000) }),
      await bookOrder(db(), { serviceDate: target, slotIndex: 2, chatId: 12, bookedAt: new Date(Date.now() - 25 * 3_600_000) }),
    ];
    const order = await bookOrder(db(), { serviceDate: addDays(TODAY(), 3) });
    expect(await rescheduleBooking(db(), { orderId: order.id, serviceDate: target, slotId: slotAt(2), by: customer() })).toMatchObject({ ok: true });
    const after = await Promise.all(lapsed.map((o) => readOrder(db(), o.id)));
    expect(after.map((o) => [o.paymentStatus, o.repairStatus])).toEqual([["expired", "cancelled"], ["expired", "cancelled"]]);
  });
});

describe("the last place, raced", () => {
  it("many simultaneous reschedules and new bookings into one last place: exactly one gets it", async () => {
    const target = addDays(TODAY(), 2);
    await bookOrder(db(), { serviceDate: target, slotIndex: 3, chatId: 1 });
    const movers = [];
    for (let i = 0; i < 24; i++) {
      movers.push(await bookOrder(db(), { serviceDate: addDays(TODAY(), 3 + Math.floor(i / 6)), slotIndex: Math.floor(i / 2) % 3, chatId: 100 + i }));
    }
    const results = await Promise.all([
      ...movers.map((o, i) => rescheduleBooking(db(), { orderId: o.id, serviceDate: target, slotId: slotAt(3), by: customer(100 + i) }).then((r) => r.ok)),
      ...Array.from({ length: 16 }, (_, i) =>
        createBooking(db(), { chatId: 900 + i, customerName: "X", deviceId: 10, partId: 1, slotId: slotAt(3), serviceDate: target, paymentMethod: "gopay" }).then((r) => r.ok),
      ),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const live = (await db().select().from(orders).where(eq(orders.serviceDate, target))).filter((o) => o.slotId === slotAt(3) && o.repairStatus !== "cancelled");
    expect(live).toHaveLength(2);
  });
});
