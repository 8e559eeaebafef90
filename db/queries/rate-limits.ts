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

/** Counts one hit in a fixed window of `windowMs`, starting a new window when the last one is over. */
export async function hitRateWindow(
  db: Database,
  { key, now, windowMs }: { key: string; now: Date; windowMs: number },
): Promise<RateWindow> {
  const resetAt = new Date(now.getTime() + windowMs);
  // Raw fragments get no column mapping: pass instants as ISO text with a cast.
  const at = sql`${now.toISOString()}::timestamptz`;
  const next = sql`${resetAt.toISOString()}::timestamptz`;
  const rows = await db
    .insert(rateLimits)
    .values({ key, hits: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${rateLimits.resetAt} > ${at} then ${rateLimits.hits} + 1 else 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} > ${at} then ${rateLimits.resetAt} else ${next} end`,
      },
    })
    .returning();
  const row = rows[0]!;
  return { hits: row.hits, resetAt: row.resetAt };
}
