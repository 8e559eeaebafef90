import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { rateLimits } from "../schema";

export interface RateWindow {
  hits: number;
  resetAt: Date;
}

/** The hits counted so far in the key's current window (none once the window is over). */
export async function readRateWindow(db: Database, { key, now }: { key: string; now: Date }): Promise<RateWindow> {
  const rows = await db
    .select()
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.resetAt, now)))
    .limit(1);
  const row = rows[0];
  return row ? { hits: row.hits, resetAt: row.resetAt } : { hits: 0, resetAt: now };
}

/**
 * The upsert of one hit in a fixed window of `windowMs`: a new row starts a
 * window; an existing row counts on while its window runs, else starts anew.
 * Raw fragments get no column mapping: instants go in as ISO text with a cast.
 */
export function windowHit(now: Date, windowMs: number) {
  const resetAt = new Date(now.getTime() + windowMs);
  const at = sql`${now.toISOString()}::timestamptz`;
  const next = sql`${resetAt.toISOString()}::timestamptz`;
  return {
    resetAt,
    at,
    set: {
      hits: sql`case when ${rateLimits.resetAt} > ${at} then ${rateLimits.hits} + 1 else 1 end`,
      resetAt: sql`case when ${rateLimits.resetAt} > ${at} then ${rateLimits.resetAt} else ${next} end`,
    },
  };
}

/** Counts one hit in a fixed window of `windowMs`, starting a new window when the last one is over. */
export async function hitRateWindow(
  db: Database,
  { key, now, windowMs }: { key: string; now: Date; windowMs: number },
): Promise<RateWindow> {
  return (await hitRateWindows(db, { keys: [key], now, windowMs })).get(key)!;
}

/**
 * Counts one hit on each key in a single statement and returns every key's
 * window. The increment and the read are one atomic step per row, so callers
 * racing on a key each see a different count: with a limit of N, exactly N of
 * them see a count ≤ N, however many arrive at once. Keys are written in sorted
 * order so that two callers never lock the same rows in opposite orders.
 */
export async function hitRateWindows(
  db: Database,
  { keys, now, windowMs }: { keys: string[]; now: Date; windowMs: number },
): Promise<Map<string, RateWindow>> {
  const { resetAt, set } = windowHit(now, windowMs);
  const rows = await db
    .insert(rateLimits)
    .values([...new Set(keys)].sort().map((key) => ({ key, hits: 1, resetAt })))
    .onConflictDoUpdate({ target: rateLimits.key, set })
    .returning();
  return new Map(rows.map((row) => [row.key, { hits: row.hits, resetAt: row.resetAt }]));
}

/** Takes back one hit counted on the key (an attempt that turned out not to be a failure). */
export async function refundRateHit(db: Database, { key }: { key: string }): Promise<void> {
  await db
    .update(rateLimits)
    .set({ hits: sql`greatest(${rateLimits.hits} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

/** Forgets the key's window: its count starts again from zero. */
export async function clearRateWindow(db: Database, { key }: { key: string }): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
