import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@/db";

export type DbSnapshot = Record<string, string[]>;

/**
 * Every row of every table (or of all but `except`), as JSON text sorted per
 * table, so two snapshots compare equal exactly when no row was added, removed
 * or changed. For "a rejected request changed nothing" checks on small test data.
 */
export async function snapshotTables(db: Database, { except = [] }: { except?: string[] } = {}): Promise<DbSnapshot> {
  const tables = await queryRows<{ tablename: string }>(
    db,
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  const snapshot: DbSnapshot = {};
  for (const { tablename } of tables) {
    if (except.includes(tablename)) continue;
    const rows = await queryRows<{ row: string }>(db, sql.raw(`select to_jsonb(t)::text as row from "${tablename}" t`));
    snapshot[tablename] = rows.map((r) => r.row).sort();
  }
  return snapshot;
}

/**
 * Runs a request that must be refused and returns its answer, asserting it
 * changed no row (but in the tables of `except`, e.g. the audit log a refused
 * notification writes to).
 */
export async function changingNothing<T>(db: Database, request: () => Promise<T>, { except = [] }: { except?: string[] } = {}): Promise<T> {
  const before = await snapshotTables(db, { except });
  const answer = await request();
  expect(await snapshotTables(db, { except })).toEqual(before);
  return answer;
}
