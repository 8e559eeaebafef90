import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@/db/client";

/**
 * The scratch database's own counters (pg_stat_database): transactions
 * committed and rows read/written, to divide by the requests of a run. A
 * backend flushes them at most once a second while busy and within 10 s once
 * idle (PostgreSQL 15), so a reading waits that long: otherwise the previous
 * scenario's requests are counted in this one.
 */
export interface DbActivity {
  commits: number;
  rollbacks: number;
  fetched: number;
  written: number;
}

async function readActivity(db: Database): Promise<DbActivity> {
  await db.execute(sql`select pg_stat_clear_snapshot()`);
  const [row] = await queryRows<{ commits: number; rollbacks: number; fetched: number; written: number }>(
    db,
    sql`select xact_commit::float8 as commits, xact_rollback::float8 as rollbacks, tup_fetched::float8 as fetched,
               (tup_inserted + tup_updated + tup_deleted)::float8 as written
        from pg_stat_database where datname = current_database()`,
  );
  return row ?? { commits: 0, rollbacks: 0, fetched: 0, written: 0 };
}

/** PostgreSQL 15 flushes an idle backend's counters within 10 s (PGSTAT_IDLE_INTERVAL). */
const IDLE_FLUSH_MS = 11_000;

/** The counters once every backend of the previous load has flushed (call it with the app idle). */
export async function dbActivity(db: Database): Promise<DbActivity> {
  await new Promise((resolve) => setTimeout(resolve, IDLE_FLUSH_MS));
  return readActivity(db);
}

export function describeActivity(before: DbActivity, after: DbActivity, requests: number): string {
  const per = (a: number, b: number) => ((b - a) / Math.max(1, requests)).toFixed(2);
  return `per request (whole row incl. warm-up and bare): ${per(before.commits, after.commits)} transactions committed, ${per(before.written, after.written)} rows written, ${per(before.fetched, after.fetched)} rows fetched (pg_stat_database)`;
}
