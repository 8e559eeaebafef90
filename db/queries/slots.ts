import { and, asc, eq, gte, inArray, isNull, lt, ne, notInArray, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { closedDates, FIRST_BRANCH_ID, orders, slots, slotWeekdayCapacity, waitlist, type Order, type Slot } from "../schema";
import { readConfig } from "./config-cache";
import { slotPlaces } from "@/lib/booking/technicians";
import { techniciansOnDutySql } from "./technicians";
import { offerHoldsPlaceAt } from "./waitlist";
import { weekdayOfColumn } from "./weekday-capacity";

export interface SlotDay extends Slot {
  /** The slot's places on that day: the technicians on duty if the shop has any, else its weekday's capacity, else its own. */
  capacity: number;
  taken: number;
  remaining: number;
}

/** A place is held by every order of that slot and day that is not cancelled (expired orders are cancelled). */
export const holdsPlace = ne(orders.repairStatus, "cancelled");

/** Payment statuses of an order still waiting for its money: its hold can run out. */
const WAITING_FOR_MONEY = ["unpaid", "pending", "failed"] as const;

/**
 * A place is held at `now` by an order that is not cancelled, unless it is still
 * unpaid and its hold ran out before `now`: a lapsed hold frees its place at once,
 * before any sweep marks the order expired. Paid and pay-at-shop orders (no hold) keep theirs.
 */
export function holdsPlaceAt(now: Date) {
  return and(
    holdsPlace,
    or(
      notInArray(orders.paymentStatus, [...WAITING_FOR_MONEY]),
      eq(orders.paymentMethod, "pay_at_shop"),
      isNull(orders.holdExpiresAt),
      gte(orders.holdExpiresAt, now),
    ),
  );
}

/**
 * The slots of a branch that run on a day (active, not set to 0 for its weekday, and with a
 * technician on duty if the shop has technicians), each with that day's places
 * and how many are taken and left.
 */
export async function listSlotDays(
  db: Database,
  { serviceDate, now = new Date(), branchId = FIRST_BRANCH_ID }: { serviceDate: string; now?: Date; branchId?: number },
): Promise<SlotDay[]> {
  const taken = db
    .select({ slotId: orders.slotId, taken: sql<number>`count(*)::int`.as("taken") })
    .from(orders)
    .where(and(eq(orders.serviceDate, serviceDate), holdsPlaceAt(now)))
    .groupBy(orders.slotId)
    .as("taken_places");
  // A place held for a waitlist offer is taken for everyone else until the offer ends.
  const offered = db
    .select({ slotId: waitlist.offeredSlotId, held: sql<number>`count(*)::int`.as("held") })
    .from(waitlist)
    .where(and(eq(waitlist.serviceDate, serviceDate), offerHoldsPlaceAt(now)))
    .groupBy(waitlist.offeredSlotId)
    .as("offered_places");
  const rows = await db
    .select({
      slot: slots,
      dayCapacity: slotWeekdayCapacity.capacity,
      onDuty: techniciansOnDutySql(sql`${serviceDate}::date`, branchId),
      taken: sql<number>`(coalesce(${taken.taken}, 0) + coalesce(${offered.held}, 0))::int`,
    })
    .from(slots)
    .leftJoin(taken, eq(taken.slotId, slots.id))
    .leftJoin(offered, eq(offered.slotId, slots.id))
    .leftJoin(slotWeekdayCapacity, and(eq(slotWeekdayCapacity.slotId, slots.id), eq(slotWeekdayCapacity.weekday, weekdayOfColumn(sql`${serviceDate}::date`))))
    .where(and(eq(slots.active, true), eq(slots.branchId, branchId)))
    .orderBy(asc(slots.startTime), asc(slots.id));
  return rows
    .map(({ slot, dayCapacity, onDuty, taken: count }) => {
      const capacity = slotPlaces(dayCapacity ?? slot.capacity, onDuty);
      return { ...slot, capacity, taken: count, remaining: Math.max(0, capacity - count) };
    })
    .filter((day) => day.capacity > 0);
}

/** Locks the slot's row for the rest of the transaction: bookings of one slot take turns. */
export async function lockSlot(tx: Database, { slotId, skipLocked = false }: { slotId: number; skipLocked?: boolean }): Promise<Slot | undefined> {
  const rows = await tx.select().from(slots).where(eq(slots.id, slotId)).for("update", skipLocked ? { skipLocked: true } : {});
  return rows[0];
}

/**
 * Locks every slot's row, in one order (by id, as bookings never hold two):
 * waits for the bookings in flight, and holds new ones until the caller commits.
 * Closing a date takes it, so no booking lands on a date as it closes.
 */
export async function lockAllSlots(tx: Database): Promise<void> {
  await tx.select({ id: slots.id }).from(slots).orderBy(asc(slots.id)).for("update");
}

/**
 * What a booking must know of its slot and day once it holds the slot's lock,
 * in one statement after the lock (so it sees a closing, a weekday edit or a
 * booking that committed while it waited): the places held by orders and, apart
 * from `exceptChatId`'s own, by waitlist offers still running at `now`, whether the date is
 * closed, the slot's capacity set for that weekday, if the owner set one, and
 * the technicians on duty that day (null: the shop has none).
 */
export async function readSlotDay(
  tx: Database,
  { slotId, serviceDate, now, exceptChatId = null }: { slotId: number; serviceDate: string; now: Date; exceptChatId?: number | null },
): Promise<{ taken: number; heldForOffers: number; closed: boolean; weekdayCapacity: number | null; techniciansOnDuty: number | null }> {
  const branchId = sql`(select ${slots.branchId} from ${slots} where ${slots.id} = ${slotId})`;
  const offers = and(eq(waitlist.offeredSlotId, slotId), eq(waitlist.serviceDate, serviceDate), offerHoldsPlaceAt(now), exceptChatId === null ? undefined : ne(waitlist.chatId, exceptChatId));
  const rows = await tx
    .select({
      taken: sql<number>`count(*)::int`,
      heldForOffers: sql<number>`(select count(*)::int from ${waitlist} where ${offers})`,
      closed: sql<boolean>`exists (select 1 from ${closedDates} where ${closedDates.branchId} = ${branchId} and ${closedDates.date} = ${serviceDate}::date)`,
      weekdayCapacity: sql<number | null>`(select ${slotWeekdayCapacity.capacity} from ${slotWeekdayCapacity} where ${slotWeekdayCapacity.slotId} = ${slotId} and ${slotWeekdayCapacity.weekday} = ${weekdayOfColumn(sql`${serviceDate}::date`)})`,
      techniciansOnDuty: techniciansOnDutySql(sql`${serviceDate}::date`, branchId),
    })
    .from(orders)
    .where(and(eq(orders.slotId, slotId), eq(orders.serviceDate, serviceDate), holdsPlace));
  const row = rows[0];
  return {
    taken: row?.taken ?? 0,
    heldForOffers: row?.heldForOffers ?? 0,
    closed: Boolean(row?.closed),
    weekdayCapacity: row?.weekdayCapacity ?? null,
    techniciansOnDuty: row?.techniciansOnDuty ?? null,
  };
}

/**
 * A live order still waiting for its money whose hold ran out before `now`, not
 * marked expired yet (a pay-at-shop order has no hold to run out): what the sweep
 * expires, and what a booking may expire to take its place.
 */
export function lapsedHold(now: Date) {
  return and(holdsPlace, inArray(orders.paymentStatus, [...WAITING_FOR_MONEY]), ne(orders.paymentMethod, "pay_at_shop"), lt(orders.holdExpiresAt, now));
}

/**
 * Locks the orders of a slot and day whose hold ran out unpaid before `now` and
 * that nobody has marked expired yet. One another session holds (being paid,
 * expired or moved right now) is skipped, so it keeps its place this time.
 */
export async function lockLapsedHolds(
  tx: Database,
  { slotId, serviceDate, now }: { slotId: number; serviceDate: string; now: Date },
): Promise<Order[]> {
  return tx
    .select()
    .from(orders)
    .where(
      and(eq(orders.slotId, slotId), eq(orders.serviceDate, serviceDate), lapsedHold(now)),
    )
    .for("update", { skipLocked: true });
}

/** A branch's closed dates from `from` to `to`, with their reasons. */
export async function listClosedDates(
  db: Database,
  { from, to, branchId = FIRST_BRANCH_ID }: { from: string; to: string; branchId?: number },
): Promise<Map<string, string>> {
  const rows = await readConfig(db, `closedDates:${branchId}:${from}:${to}`, () =>
    db
      .select()
      .from(closedDates)
      .where(and(eq(closedDates.branchId, branchId), sql`${closedDates.date} >= ${from}`, sql`${closedDates.date} <= ${to}`)),
  );
  return new Map(rows.map((row) => [row.date, row.reason]));
}

/** Every slot of every branch. */
export function listAllSlots(db: Database): Promise<Slot[]> {
  return readConfig(db, "slots", () => db.select().from(slots).orderBy(asc(slots.startTime), asc(slots.id)));
}

/** A branch's slots, active or not. */
export async function listBranchSlots(db: Database, { branchId = FIRST_BRANCH_ID }: { branchId?: number } = {}): Promise<Slot[]> {
  return (await listAllSlots(db)).filter((slot) => slot.branchId === branchId);
}

export async function findSlot(db: Database, { id }: { id: number }): Promise<Slot | undefined> {
  return (await listAllSlots(db)).find((slot) => slot.id === id);
}
