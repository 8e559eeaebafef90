import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { slotWeekdayCapacity, type SlotWeekdayCapacity } from "../schema";
import { readConfig } from "./config-cache";

/** Every per-weekday capacity row (few: at most 7 per slot). */
export function listWeekdayCapacities(db: Database): Promise<SlotWeekdayCapacity[]> {
  return readConfig(db, "weekdayCapacities", () =>
    db.select().from(slotWeekdayCapacity).orderBy(asc(slotWeekdayCapacity.slotId), asc(slotWeekdayCapacity.weekday)),
  );
}

/** `slotId:weekday` → capacity, of the rows the owner set. */
export async function readWeekdayCapacities(db: Database): Promise<Map<string, number>> {
  return new Map((await listWeekdayCapacities(db)).map((row) => [`${row.slotId}:${row.weekday}`, row.capacity]));
}

/** Sets a slot's capacity on a weekday, or (null) lets that weekday follow the slot's own capacity again. */
export async function setWeekdayCapacity(
  db: Database,
  { slotId, weekday, capacity }: { slotId: number; weekday: number; capacity: number | null },
): Promise<void> {
  if (capacity === null) {
    await db.delete(slotWeekdayCapacity).where(and(eq(slotWeekdayCapacity.slotId, slotId), eq(slotWeekdayCapacity.weekday, weekday)));
    return;
  }
  await db
    .insert(slotWeekdayCapacity)
    .values({ slotId, weekday, capacity })
    .onConflictDoUpdate({ target: [slotWeekdayCapacity.slotId, slotWeekdayCapacity.weekday], set: { capacity } });
}

/** Postgres' day of the week of a date column: 0 = Sunday … 6 = Saturday, the same numbering as the table and the settings. */
export const weekdayOfColumn = (column: unknown) => sql<number>`extract(dow from ${column})::int`;
