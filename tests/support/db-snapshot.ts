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
  const names = tables.map((t) => t.tablename).filter((name) => !except.includes(name));
  const snapshot: DbSnapshot = Object.fromEntries(names.map((name) => [name, []]));
  if (names.length === 0) return snapshot;
  // One statement for all tables: a query per table made this most of a refused-request test's time on PGlite.
  const rows = await queryRows<{ tablename: string; row: string }>(
    db,
    sql.raw(names.map((name) => `select '${name}' as tablename, to_jsonb(t)::text as row from "${name}" t`).join(" union all ")),
  );
  for (const { tablename, row } of rows) snapshot[tablename]!.push(row);
  for (const name of names) snapshot[name]!.sort();
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
