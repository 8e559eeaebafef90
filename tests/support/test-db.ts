import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { setDbHandle } from "@/db";
import { openDatabase, queryRows, type Database, type DbHandle } from "@/db/client";
import { seedDatabase } from "@/db/seed";
import { migratedTemplate, openMigratedPglite } from "./migrated-images";

export interface TestDatabase extends DbHandle {
  kind: "pglite" | "postgres";
  /** For the real Postgres: the URL of this test file's own database. */
  url?: string;
  /** Empties every table and, unless told otherwise, seeds the catalog again. */
  reset(options?: { seed?: boolean }): Promise<void>;
}

/**
 * Under the test timeout (60 s), so a queue that never moves still fails the test with its own message. The races
 * (tests/postgres/booking-race) queue 200 callers on one pool of 20, and the last of them waits for nearly the whole
 * test: a file of ~60 s in CI's runs. With 30 s, a trial run with six Jest workers instead of four (more load on the
 * two cores) had one caller give up on its connection ("timeout exceeded when trying to connect").
 */
const TEST_CONNECT_TIMEOUT_MS = 50_000;

export function testDbKind(): "pglite" | "postgres" {
  return process.env.TEST_DB_KIND === "postgres" ? "postgres" : "pglite";
}

/**
 * Creates a database of its own for one test file, so files can run in parallel;
 * on the server of `adminUrl` (default TEST_DATABASE_URL).
 */
export async function createScratchPostgres(
  adminUrl: string | undefined = process.env.TEST_DATABASE_URL,
  { template }: { template?: string } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `jiot_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const closer = new Client({ connectionString: adminUrl });
      await closer.connect();
      await closer.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await closer.end();
    },
  };
}

type ScriptClient = { exec?(script: string): Promise<unknown>; query(script: string): Promise<unknown> };

/** Runs several statements in one round trip (the simple query protocol: no parameters). */
async function runScript(db: Database, script: string): Promise<void> {
  const client = (db as unknown as { $client: ScriptClient }).$client;
  await (client.exec ? client.exec(script) : client.query(script));
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The two ways back to a known state, each one script: every table empty, or as right after the seed. */
interface ResetScripts {
  empty: string;
  seeded?: string;
}

/**
 * Writes the reset of this file's database as one statement list each: empties
 * every table and restarts the sequences, then (seeded) seeds it once and reads
 * off the rows of every non-empty table (the seed's, and what its triggers
 * wrote) and every sequence's position. Run with triggers and foreign-key
 * checks off for the transaction (a superuser's right: CI's and PGlite's), a
 * script puts back exactly that state in a few milliseconds, where deleting
 * table by table and seeding again took tens (and TRUNCATE, which makes new
 * files for every table and index, half a second on a real Postgres).
 */
async function prepareResetScripts(db: Database, { seeded }: { seeded: boolean }): Promise<ResetScripts> {
  const tables = await queryRows<{ name: string }>(db, sql`select format('%I', tablename) as name from pg_tables where schemaname = 'public' order by tablename`);
  const sequences = await queryRows<{ name: string; start: string }>(
    db,
    sql`select format('%I.%I', schemaname, sequencename) as name, start_value::text as start from pg_sequences where schemaname = 'public'`,
  );
  const wrap = (statements: string[]) =>
    ["BEGIN;", "SET LOCAL session_replication_role = replica;", ...tables.map((t) => `DELETE FROM ${t.name};`), ...statements, "COMMIT;"].join("\n");
  const empty = wrap(sequences.map((s) => `SELECT setval(${quote(s.name)}, ${s.start}, false);`));
  // From empty, as every later reset starts: a migrated database may hold rows of its own (the first branch).
  await runScript(db, empty);
  if (!seeded) return { empty };
  await seedDatabase(db);
  const rows: string[] = [];
  for (const { name } of tables) {
    const [found] = await queryRows<{ rows: string | null }>(db, sql.raw(`select json_agg(t)::text as rows from ${name} t`));
    if (found?.rows) rows.push(`INSERT INTO ${name} SELECT * FROM json_populate_recordset(NULL::${name}, ${quote(found.rows)});`);
  }
  const positions = await queryRows<{ name: string; start: string; last: string | null }>(
    db,
    sql`select format('%I.%I', schemaname, sequencename) as name, start_value::text as start, last_value::text as last
        from pg_sequences where schemaname = 'public'`,
  );
  const restore = positions.map((s) =>
    s.last === null ? `SELECT setval(${quote(s.name)}, ${s.start}, false);` : `SELECT setval(${quote(s.name)}, ${s.last}, true);`,
  );
  // The seed's own triggers gave config_version a new random value, and the app keeps the configuration it read per
  // value: the restored state gets a new one too, or a cache filled during the last test would pass for it.
  const newConfigVersion = tables.some((t) => t.name === "config_version") ? ["UPDATE config_version SET version = gen_random_uuid()::text;"] : [];
  return { empty, seeded: wrap([...rows, ...restore, ...newConfigVersion]) };
}

/** Empties every table and restarts its ids, for a database user who may not turn triggers off. */
async function truncateAllTables(db: Database): Promise<void> {
  const tables = await queryRows<{ name: string }>(db, sql`select format('%I', tablename) as name from pg_tables where schemaname = 'public'`);
  if (tables.length === 0) return;
  await db.execute(sql.raw(`TRUNCATE ${tables.map((t) => t.name).join(", ")} RESTART IDENTITY CASCADE`));
}

/**
 * Opens this file's database (PGlite in memory, or a fresh database on the real
 * Postgres when the project runs with TEST_DB_KIND=postgres), migrates and seeds
 * it, and makes it the app's `getDb()`.
 */
export async function setupTestDatabase(options: { seed?: boolean; poolMax?: number; lockTimeoutMs?: number } = {}): Promise<TestDatabase> {
  const kind = testDbKind();
  let handle: DbHandle;
  let url: string | undefined;
  let drop = async () => {};
  if (kind === "postgres") {
    const adminUrl = process.env.TEST_DATABASE_URL;
    const scratch = await createScratchPostgres(adminUrl, { template: adminUrl && (await migratedTemplate(adminUrl)) });
    url = scratch.url;
    drop = scratch.drop;
    // One pool serves every concurrent caller of a test (200 at once in the races), where production has a pool per
    // instance: a caller queued behind the others for the connection waits as long as the test allows, not 5 s.
    handle = await openDatabase({
      driver: "pg",
      url,
      poolMax: options.poolMax ?? 10,
      lockTimeoutMs: options.lockTimeoutMs,
      connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS,
    });
  } else {
    handle = await openMigratedPglite();
  }
  const seeded = options.seed !== false;
  const [role] = await queryRows<{ superuser: boolean }>(handle.db, sql`select current_setting('is_superuser') = 'on' as superuser`);
  const scripts = role?.superuser ? await prepareResetScripts(handle.db, { seeded }) : undefined;
  if (seeded && !scripts) await seedDatabase(handle.db);
  setDbHandle(handle);
  const testDb: TestDatabase = {
    ...handle,
    kind,
    url,
    async reset(resetOptions = {}) {
      const seed = resetOptions.seed ?? seeded;
      const script = seed ? scripts?.seeded : scripts?.empty;
      if (script) return runScript(handle.db, script);
      if (scripts) await runScript(handle.db, scripts.empty);
      else await truncateAllTables(handle.db);
      if (seed) await seedDatabase(handle.db);
    },
    async close() {
      setDbHandle(undefined);
      await handle.close();
      await drop();
    },
  };
  return testDb;
}
