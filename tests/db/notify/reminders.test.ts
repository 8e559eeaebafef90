import { eq } from "drizzle-orm";
import { orders } from "@/db/schema";
import { addDays, todayInJakarta, wibInstant } from "@/lib/booking/calendar";
import { queueReminders } from "@/lib/notify/reminders";
import { bookOrder, readOutbox } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const today = todayInJakarta();
const tomorrow = addDays(today, 1);
const suite = registerSuiteDatabase();

describe("queueReminders", () => {
  it("from 08.00 WIB queues one reminder per live order of tomorrow, however often it runs", async () => {
    const live = await bookOrder(suite.db, { serviceDate: tomorrow, slotIndex: 3, chatId: 1 });
    const cancelled = await bookOrder(suite.db, { serviceDate: tomorrow, slotIndex: 3, chatId: 2 });
    await suite.db.update(orders).set({ repairStatus: "cancelled" }).where(eq(orders.id, cancelled.id));
    await bookOrder(suite.db, { serviceDate: addDays(today, 2), chatId: 3 });

    expect(await queueReminders({ now: wibInstant(today, "07:59") })).toEqual({ queued: 0, considered: 0 });
    expect(await queueReminders({ now: wibInstant(today, "08:00") })).toEqual({ queued: 1, considered: 1 });
    expect(await queueReminders({ now: wibInstant(today, "13:00") })).toEqual({ queued: 0, considered: 1 });

    const messages = await readOutbox(suite.db);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.chatId).toBe(live.chatId);
    expect(messages[0]!.payload.params.text).toContain("jadwal servis Anda besok");
  });

  it("a rescheduled order is reminded again for its new date", async () => {
    const order = await bookOrder(suite.db, { serviceDate: tomorrow, slotIndex: 3 });
    await queueReminders({ now: wibInstant(today, "09:00") });
    await suite.db.update(orders).set({ serviceDate: addDays(tomorrow, 1) }).where(eq(orders.id, order.id));
    expect(await queueReminders({ now: wibInstant(tomorrow, "09:00") })).toMatchObject({ queued: 1 });
    expect(await readOutbox(suite.db)).toHaveLength(2);
  });
});
