// The owner's schedule forms (/admin/schedule): server actions that check the session themselves.
import { cancelClosingOrder, closeDateAction, saveSlotAction, saveWeekAction } from "@/app/admin/(dashboard)/schedule/actions";
import { closedDates, slots, slotWeekdayCapacity } from "@/db/schema";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { overrideEnv } from "@/lib/env";
import { setAfterResponseRunner } from "@/lib/http/after-response";
import { actionContext, formOf, signInOwnerAndStaff } from "@/tests/support/action-session";
import { restoreAfterResponse } from "@/tests/support/after-response";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { bookOrder, readOrder, readOutbox } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const suite = registerSuiteDatabase();
const db = () => suite.db;
const IDLE: AdminActionState = { status: "idle" };
const DAY = addDays(todayInJakarta(), 3);
const firstSlot = async () => (await db().select().from(slots).orderBy(slots.startTime))[0]!;

beforeEach(async () => {
  overrideEnv({ APP_URL: "https://jiot.example.com" });
  actionContext.token = (await signInOwnerAndStaff(db())).owner;
});

describe("the schedule's server actions, for the owner", () => {
  it("refuse a capacity below the places already held, with the reason, and change nothing", async () => {
    await bookOrder(db(), { chatId: 1, serviceDate: DAY });
    await bookOrder(db(), { chatId: 2, serviceDate: DAY });
    const slot = await firstSlot();
    const before = await snapshotTables(db());
    const result = await saveSlotAction(IDLE, formOf({ id: String(slot.id), label: slot.label, startTime: slot.startTime, endTime: slot.endTime, capacity: "1", active: "on" }));
    expect(result).toMatchObject({ status: "invalid", errors: { capacity: expect.stringMatching(/^Kapasitas 1 lebih kecil dari pesanan yang sudah ada: .* \(2 pesanan\)/) } });
    expect(await snapshotTables(db())).toEqual(before);
  });

  it("save the weekly grid", async () => {
    const slot = await firstSlot();
    expect(await saveWeekAction(IDLE, formOf({ [`cap-${slot.id}-6`]: "0" }))).toEqual({ status: "ok", message: "Jadwal mingguan disimpan (1 perubahan)." });
    expect(await db().select().from(slotWeekdayCapacity)).toEqual([{ slotId: slot.id, weekday: 6, capacity: 0 }]);
  });

  it("closing a booked date sends the browser to the same page showing its orders, closing nothing", async () => {
    await bookOrder(db(), { chatId: 1, serviceDate: DAY });
    const redirected = await closeDateAction(IDLE, formOf({ date: DAY, reason: "Libur lebaran" })).then(
      () => undefined,
      (error: { digest?: string }) => error.digest,
    );
    expect(redirected).toContain(`;/admin/schedule?closing=${DAY}&reason=Libur+lebaran;`);
    expect(await db().select().from(closedDates)).toEqual([]);
  });

  it("cancelling an order of the date being closed answers in place and sends the customer's message after the answer", async () => {
    const order = await bookOrder(db(), { chatId: 1, serviceDate: DAY });
    const later: (() => Promise<void>)[] = [];
    setAfterResponseRunner((work) => later.push(work));
    try {
      const result = await cancelClosingOrder(IDLE, formOf({ date: DAY, orderId: order.id }));
      expect(result).toEqual({ status: "ok", message: `Pesanan ${order.bookingCode} dibatalkan; pelanggan diberi tahu.` });
    } finally {
      restoreAfterResponse();
    }
    expect(await readOrder(db(), order.id)).toMatchObject({ repairStatus: "cancelled" });
    expect((await readOutbox(db())).filter((row) => row.dedupeKey.includes(":date_closed"))).toHaveLength(1);
    expect(later).toHaveLength(1);
  });
});
