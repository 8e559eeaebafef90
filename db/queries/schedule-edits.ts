import { and, asc, eq, gte, gt, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { closedDates, FIRST_BRANCH_ID, orders, slots, slotWeekdayCapacity, type ClosedDate, type Slot } from "../schema";
import { holdsPlace } from "./slots";
import { weekdayOfColumn } from "./weekday-capacity";

export type SlotValues = Pick<Slot, "label" | "startTime" | "endTime" | "capacity" | "active">;

export async function insertSlot(db: Database, values: SlotValues & { branchId: number }): Promise<Slot> {
  const rows = await db.insert(slots).values(values).returning();
  return rows[0]!;
}

export async function updateSlot(db: Database, { id, values }: { id: number; values: SlotValues }): Promise<Slot> {
  const rows = await db.update(slots).set(values).where(eq(slots.id, id)).returning();
  return rows[0]!;
}

export async function deleteSlot(db: Database, { id }: { id: number }): Promise<void> {
  await db.delete(slotWeekdayCapacity).where(eq(slotWeekdayCapacity.slotId, id));
  await db.delete(slots).where(eq(slots.id, id));
}

/** A branch's slot of that label (labels are unique per branch). */
export async function findSlotByLabel(db: Database, { label, branchId }: { label: string; branchId: number }): Promise<Slot | undefined> {
  const rows = await db.select().from(slots).where(and(eq(slots.branchId, branchId), eq(slots.label, label))).limit(1);
  return rows[0];
}

export async function countOrdersOfSlot(db: Database, { slotId }: { slotId: number }): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(eq(orders.slotId, slotId));
  return rows[0]?.n ?? 0;
}

/** Days from `from` on (only those `weekdays`, when given) where more places of the slot are held than `capacity` allows. */
export async function listSlotDaysOver(
  db: Database,
  { slotId, from, capacity, weekdays }: { slotId: number; from: string; capacity: number; weekdays?: number[] },
): Promise<{ serviceDate: string; taken: number }[]> {
  if (weekdays?.length === 0) return [];
  return db
    .select({ serviceDate: orders.serviceDate, taken: sql<number>`count(*)::int` })
    .from(orders)
    .where(
      and(
        eq(orders.slotId, slotId),
        gte(orders.serviceDate, from),
        holdsPlace,
        weekdays === undefined ? undefined : inArray(weekdayOfColumn(orders.serviceDate), weekdays),
      ),
    )
    .groupBy(orders.serviceDate)
    .having(gt(sql`count(*)`, capacity))
    .orderBy(asc(orders.serviceDate));
}

/** Orders holding a place on a date at a branch (in one slot, when given). */
export async function countLiveOrdersOn(
  db: Database,
  { serviceDate, slotId, branchId = FIRST_BRANCH_ID }: { serviceDate: string; slotId?: number; branchId?: number },
): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(and(eq(orders.branchId, branchId), eq(orders.serviceDate, serviceDate), holdsPlace, slotId === undefined ? undefined : eq(orders.slotId, slotId)));
  return rows[0]?.n ?? 0;
}

export async function listUpcomingClosedDates(db: Database, { from, branchId = FIRST_BRANCH_ID }: { from: string; branchId?: number }): Promise<ClosedDate[]> {
  return db.select().from(closedDates).where(and(eq(closedDates.branchId, branchId), gte(closedDates.date, from))).orderBy(asc(closedDates.date));
}

export async function findClosedDate(db: Database, { date, branchId = FIRST_BRANCH_ID }: { date: string; branchId?: number }): Promise<ClosedDate | undefined> {
  const rows = await db.select().from(closedDates).where(and(eq(closedDates.branchId, branchId), eq(closedDates.date, date))).limit(1);
  return rows[0];
}

/** A branch's closed date (the first branch's when none is named), added or its reason changed. */
export async function upsertClosedDate(db: Database, { branchId = FIRST_BRANCH_ID, ...values }: { date: string; reason: string; branchId?: number }): Promise<ClosedDate> {
  const rows = await db
    .insert(closedDates)
    .values({ ...values, branchId })
    .onConflictDoUpdate({ target: [closedDates.branchId, closedDates.date], set: { reason: values.reason } })
    .returning();
  return rows[0]!;
}

export async function deleteClosedDate(db: Database, { date, branchId = FIRST_BRANCH_ID }: { date: string; branchId?: number }): Promise<void> {
  await db.delete(closedDates).where(and(eq(closedDates.branchId, branchId), eq(closedDates.date, date)));
}
