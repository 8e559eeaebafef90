import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { outbox, type OutboxMessage } from "../schema";

/**
 * Claims up to `limit` unsent messages that are due (or those of the given dedupe keys) for
 * `lockMs`: the row lock with SKIP LOCKED lets instances claim side by side
 * without waiting or taking the same row, and locked_until keeps a row claimed
 * after this statement commits, while its sender talks to Telegram.
 */
export async function claimOutboxMessages(
  db: Database,
  { limit, now, lockMs, dedupeKeys }: { limit: number; now: Date; lockMs: number; dedupeKeys?: string[] },
): Promise<OutboxMessage[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        isNull(outbox.sentAt),
        isNull(outbox.failedAt),
        or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, now)),
        // next_at comes from the database's clock (microseconds), `now` from ours (milliseconds): a row queued
        // in the same millisecond would otherwise wait for the next sweep.
        dedupeKeys ? inArray(outbox.dedupeKey, dedupeKeys) : lte(outbox.nextAt, sql`greatest(${now.toISOString()}::timestamptz, clock_timestamp())`),
      ),
    )
    .orderBy(asc(outbox.nextAt), asc(outbox.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(outbox)
    .set({ lockedUntil: new Date(now.getTime() + lockMs), attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning();
  return rows.sort((a, b) => a.id - b.id);
}


export async function markOutboxSent(db: Database, { id, now }: { id: number; now: Date }): Promise<void> {
  await db.update(outbox).set({ sentAt: now, lockedUntil: null, lastError: null }).where(eq(outbox.id, id));
}

export async function rescheduleOutbox(
  db: Database,
  { id, nextAt, error }: { id: number; nextAt: Date; error: string },
): Promise<void> {
  await db.update(outbox).set({ nextAt, lockedUntil: null, lastError: error }).where(eq(outbox.id, id));
}

export async function markOutboxFailed(db: Database, { id, now, error }: { id: number; now: Date; error: string }): Promise<void> {
  await db.update(outbox).set({ failedAt: now, lockedUntil: null, lastError: error }).where(eq(outbox.id, id));
}
