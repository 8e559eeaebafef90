import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { rateLimits } from "../schema";
import { windowHit } from "./rate-limits";

export interface RejectCount {
  /** Hits in the current window, this one included. */
  hits: number;
  resetAt: Date;
  /** The hits of the window this one replaced (null: none, or it is still running). */
  endedWindowHits: number | null;
}

/**
 * Counts one rejected notification under `key` in a fixed window (the
 * rate_limits table), in one statement, and says what the window it replaced
 * had counted, so that a flood is summed up once instead of stored row by row.
 * A subquery in RETURNING reads the table as it was before this statement.
 */
export async function countRejection(db: Database, { key, now, windowMs }: { key: string; now: Date; windowMs: number }): Promise<RejectCount> {
  const { resetAt, at, set } = windowHit(now, windowMs);
  const rows = await db
    .insert(rateLimits)
    .values({ key, hits: 1, resetAt })
    .onConflictDoUpdate({ target: rateLimits.key, set })
    .returning({
      hits: rateLimits.hits,
      resetAt: rateLimits.resetAt,
      previousHits: sql<number | null>`(select r.hits from rate_limits r where r.key = ${key} and r.reset_at <= ${at})`,
    });
  const row = rows[0]!;
  return { hits: row.hits, resetAt: row.resetAt, endedWindowHits: row.previousHits === null ? null : Number(row.previousHits) };
}
