import { and, asc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { FIRST_BRANCH_ID, slots, waitlist, type WaitlistEntry, type WaitlistState } from "../schema";

/** An offer that still holds its place at `now`; one past its time holds nothing, before any sweep marks it expired. */
export function offerHoldsPlaceAt(now: Date) {
  return and(eq(waitlist.state, "offered"), gte(waitlist.offerExpiresAt, now));
}

/** Records a wait, unless the chat already waits for that date (then undefined). */
export async function insertWait(
  db: Database,
  values: { chatId: number; branchId?: number; customerName: string; telegramUsername: string | null; serviceDate: string; deviceId: number | null; partId: number | null; language: string; now: Date },
): Promise<WaitlistEntry | undefined> {
  const { now, ...rest } = values;
  const rows = await db
    .insert(waitlist)
    .values({ ...rest, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [waitlist.chatId, waitlist.branchId, waitlist.serviceDate], where: sql`${waitlist.state} in ('waiting','offered')` })
    .returning();
  return rows[0];
}

/** The first waiting chat of a branch's date, locked; one another transaction is offering right now is passed over. */
export async function lockFirstWaiting(db: Database, { serviceDate, branchId }: { serviceDate: string; branchId: number }): Promise<WaitlistEntry | undefined> {
  const rows = await db
    .select()
    .from(waitlist)
    .where(and(eq(waitlist.branchId, branchId), eq(waitlist.serviceDate, serviceDate), eq(waitlist.state, "waiting")))
    .orderBy(asc(waitlist.createdAt), asc(waitlist.id))
    .limit(1)
    .for("update", { skipLocked: true });
  return rows[0];
}

/** A chat's live wait (waiting or offered), locked. */
export async function lockChatWait(db: Database, { id, chatId }: { id: number; chatId: number }): Promise<WaitlistEntry | undefined> {
  const rows = await db
    .select()
    .from(waitlist)
    .where(and(eq(waitlist.id, id), eq(waitlist.chatId, chatId), inArray(waitlist.state, ["waiting", "offered"])))
    .for("update");
  return rows[0];
}

/** The chat's offer of that slot and day, locked, if it still holds the place at `now`. */
export async function lockChatOffer(
  db: Database,
  { chatId, serviceDate, slotId, now }: { chatId: number; serviceDate: string; slotId: number; now: Date },
): Promise<WaitlistEntry | undefined> {
  const rows = await db
    .select()
    .from(waitlist)
    .where(and(eq(waitlist.chatId, chatId), eq(waitlist.serviceDate, serviceDate), eq(waitlist.offeredSlotId, slotId), offerHoldsPlaceAt(now)))
    .for("update");
  return rows[0];
}

/** Offers past their time, locked (skipping one being taken or declined right now). */
export async function lockLapsedOffers(db: Database, { now, limit }: { now: Date; limit: number }): Promise<WaitlistEntry[]> {
  return db
    .select()
    .from(waitlist)
    .where(and(eq(waitlist.state, "offered"), lt(waitlist.offerExpiresAt, now)))
    .orderBy(asc(waitlist.offerExpiresAt))
    .limit(limit)
    .for("update", { skipLocked: true });
}

/** Dates (with their branch) from `from` on where chats still wait, soonest first. */
export async function listWaitedDates(db: Database, { from, limit }: { from: string; limit: number }): Promise<{ serviceDate: string; branchId: number }[]> {
  return db
    .selectDistinct({ serviceDate: waitlist.serviceDate, branchId: waitlist.branchId })
    .from(waitlist)
    .where(and(eq(waitlist.state, "waiting"), gte(waitlist.serviceDate, from)))
    .orderBy(asc(waitlist.serviceDate), asc(waitlist.branchId))
    .limit(limit);
}

export async function updateWait(
  db: Database,
  { id, state, now, ...changes }: { id: number; state: WaitlistState; now: Date; offeredSlotId?: number | null; offerExpiresAt?: Date | null; orderId?: string },
): Promise<WaitlistEntry> {
  const rows = await db.update(waitlist).set({ state, updatedAt: now, ...changes }).where(eq(waitlist.id, id)).returning();
  return rows[0]!;
}

/** The chat's live waits from `from` on, soonest date first. */
export async function listChatWaits(db: Database, { chatId, from }: { chatId: number; from: string }): Promise<WaitlistEntry[]> {
  return db
    .select()
    .from(waitlist)
    .where(and(eq(waitlist.chatId, chatId), gte(waitlist.serviceDate, from), inArray(waitlist.state, ["waiting", "offered"])))
    .orderBy(asc(waitlist.serviceDate));
}

/** A booking on the date ends the chat's plain wait there, and the offer it took (`offerId`). */
export async function markWaitsBooked(
  db: Database,
  { chatId, branchId, serviceDate, orderId, offerId, now }: { chatId: number; branchId: number; serviceDate: string; orderId: string; offerId: number | null; now: Date },
): Promise<void> {
  await db
    .update(waitlist)
    .set({ state: "booked", orderId, updatedAt: now })
    .where(
      and(
        eq(waitlist.chatId, chatId),
        eq(waitlist.branchId, branchId),
        eq(waitlist.serviceDate, serviceDate),
        offerId === null ? eq(waitlist.state, "waiting") : or(eq(waitlist.state, "waiting"), eq(waitlist.id, offerId)),
      ),
    );
}

/** One wait as the shop's list shows it. */
export interface WaitRow {
  id: number;
  chatId: number;
  customerName: string;
  telegramUsername: string | null;
  serviceDate: string;
  state: WaitlistState;
  offeredSlotLabel: string | null;
  offerExpiresAt: Date | null;
  createdAt: Date;
}

/** Every wait for dates from `from` on, per date in queue order: the admin's waitlist (of some branches when named). */
export async function listWaitlistFrom(db: Database, { from, limit, branchIds }: { from: string; limit: number; branchIds?: number[] }): Promise<WaitRow[]> {
  return db
    .select({
      id: waitlist.id,
      chatId: waitlist.chatId,
      customerName: waitlist.customerName,
      telegramUsername: waitlist.telegramUsername,
      serviceDate: waitlist.serviceDate,
      state: waitlist.state,
      offeredSlotLabel: slots.label,
      offerExpiresAt: waitlist.offerExpiresAt,
      createdAt: waitlist.createdAt,
    })
    .from(waitlist)
    .leftJoin(slots, eq(slots.id, waitlist.offeredSlotId))
    .where(and(gte(waitlist.serviceDate, from), branchIds === undefined ? undefined : inArray(waitlist.branchId, branchIds)))
    .orderBy(asc(waitlist.serviceDate), asc(waitlist.createdAt), asc(waitlist.id))
    .limit(limit);
}

/** Ends every live wait (waiting or offered) of a branch's date. */
export async function cancelLiveWaits(db: Database, { serviceDate, now, branchId = FIRST_BRANCH_ID }: { serviceDate: string; now: Date; branchId?: number }): Promise<void> {
  await db
    .update(waitlist)
    .set({ state: "cancelled", updatedAt: now })
    .where(and(eq(waitlist.branchId, branchId), eq(waitlist.serviceDate, serviceDate), inArray(waitlist.state, ["waiting", "offered"])));
}
