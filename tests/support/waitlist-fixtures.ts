import { asc, eq, ne } from "drizzle-orm";
import type { Database } from "@/db";
import { outbox, slots, waitlist, type Slot } from "@/db/schema";
import { joinWaitlist } from "@/lib/booking/waitlist";

/** Makes `date` a one-place day: only the first slot runs, with capacity 1. */
export async function onePlaceDay(db: Database): Promise<Slot> {
  const [first] = await db.select().from(slots).orderBy(asc(slots.startTime)).limit(1);
  await db.update(slots).set({ active: false }).where(ne(slots.id, first!.id));
  await db.update(slots).set({ capacity: 1 }).where(eq(slots.id, first!.id));
  return first!;
}

/** A chat taps "Kabari saya" for `date` (nothing chosen yet but the date). */
export async function waitFor(db: Database, chatId: number, serviceDate: string, now = new Date()): Promise<void> {
  await db.transaction((tx) =>
    joinWaitlist(tx, { chatId, customerName: `Pelanggan ${chatId}`, telegramUsername: null, serviceDate, deviceId: 10, partId: 1, language: "id", now }),
  );
}

export async function waitOf(db: Database, chatId: number) {
  const rows = await db.select().from(waitlist).where(eq(waitlist.chatId, chatId));
  return rows[0];
}

/** The offer messages queued for a chat ("Ambil tempat ini"). */
export async function offersTo(db: Database, chatId: number) {
  const rows = await db.select().from(outbox).where(eq(outbox.chatId, chatId));
  return rows.filter((row) => row.dedupeKey.includes(":offer:"));
}
