import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { auditLog, orders, outbox, payments, slots, type Order, type PaymentMethod } from "@/db/schema";
import { addDays, todayInJakarta, weekdayOf } from "@/lib/booking/calendar";
import { createBooking, type BookingRequest } from "@/lib/booking/create-booking";

/** The next date (from tomorrow on, WIB) that falls on `weekday` (0 = Sunday). */
export function nextWeekday(weekday: number): string {
  for (let i = 1; i <= 7; i++) {
    const date = addDays(todayInJakarta(), i);
    if (weekdayOf(date) === weekday) return date;
  }
  throw new Error("unreachable");
}

/** A bot booking of chat `chatId` (iPhone X battery, by VA), one chat per customer. */
export function customerBooking({ chatId, slotId, serviceDate }: { chatId: number; slotId: number; serviceDate: string }): BookingRequest {
  return { chatId, telegramUserId: chatId, telegramUsername: null, customerName: `Pelanggan ${chatId}`, deviceId: 10, partId: 1, slotId, serviceDate, paymentMethod: "bca_va" };
}

/**
 * Books an order the way the bot does (iPhone X battery, Rp70.000, first slot).
 * By default booked now for the day after tomorrow, so its hold runs 24 hours
 * from now; `bookedAt` 25 hours ago makes a hold that has already run out.
 */
export async function bookOrder(
  db: Database,
  {
    paymentMethod = "bca_va",
    bookedAt = new Date(),
    serviceDate = addDays(todayInJakarta(), 2),
    chatId = 5550001,
    slotIndex = 0,
  }: { paymentMethod?: PaymentMethod; bookedAt?: Date; serviceDate?: string; chatId?: number; slotIndex?: number } = {},
): Promise<Order> {
  const allSlots = await db.select().from(slots).orderBy(slots.startTime);
  const result = await createBooking(db, {
    chatId,
    telegramUserId: chatId,
    telegramUsername: "budi_s",
    customerName: "Budi Santoso",
    deviceId: 10,
    partId: 1,
    slotId: allSlots[slotIndex]!.id,
    serviceDate,
    paymentMethod,
    now: bookedAt,
  });
  if (!result.ok) throw new Error(`booking refused: ${result.reason}`);
  return result.order;
}

/** Booked 25 hours ago for the day after tomorrow: its 24-hour hold ran out an hour ago. */
export function holdRanOut(): { bookedAt: Date } {
  return { bookedAt: new Date(Date.now() - 25 * 3_600_000) };
}

export async function readOrder(db: Database, id: string): Promise<Order> {
  const [order] = await db.select().from(orders).where(eq(orders.id, id));
  return order!;
}

export async function readPayments(db: Database, orderId: string) {
  return db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(payments.attempt);
}

export async function readOutbox(db: Database) {
  return db.select().from(outbox).orderBy(outbox.id);
}

export async function readAudit(db: Database, action?: string) {
  const rows = await db.select().from(auditLog).orderBy(auditLog.id);
  return action ? rows.filter((row) => row.action === action) : rows;
}
