import { getDb } from "@/db";
import { listOrdersToRemind } from "@/db/queries/payment-jobs";
import { addDays, todayInJakarta, wibInstant } from "@/lib/booking/calendar";
import { notifyOrderEvent } from "@/lib/notify/outbox";

/** Reminders go out from 08.00 WIB the day before the appointment. */
export const REMINDER_TIME = "08:00";

/**
 * Queues tomorrow's appointment reminders in the outbox (sent by its delivery,
 * like every other message). Safe to run any number of times a day: the dedupe
 * key (order, reminder, service date) queues each once, and a rescheduled order
 * gets a reminder for its new date.
 */
export async function queueReminders({ now = new Date(), limit = 500 }: { now?: Date; limit?: number } = {}) {
  const today = todayInJakarta(now);
  if (now < wibInstant(today, REMINDER_TIME)) return { queued: 0, considered: 0 };
  const db = await getDb();
  const tomorrow = addDays(today, 1);
  const due = await listOrdersToRemind(db, { serviceDate: tomorrow, limit });
  let queued = 0;
  for (const order of due) {
    if (await notifyOrderEvent(db, { order, event: { kind: "reminder" }, discriminator: order.serviceDate })) queued++;
  }
  return { queued, considered: due.length };
}
