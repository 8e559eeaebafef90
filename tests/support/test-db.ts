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

/** Under the test timeout (60 s), so a queue that never moves still fails the test with its own message. */
const TEST_CONNECT_TIMEOUT_MS = 30_000;

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

/**
 * Empties every table of the app's schema and restarts its ids, as
 * `TRUNCATE … RESTART IDENTITY` would. On a real Postgres, TRUNCATE makes new
 * files for every table and index (about half a second per test for our ~30
 * tables), so a superuser (CI's, PGlite's) deletes the rows instead, with
 * triggers and foreign-key checks off for the transaction; anyone else truncates.
 */
async function emptyAllTables(db: Database, canSkipTriggers: { known?: boolean }): Promise<void> {
  const tables = await queryRows<{ tablename: string }>(db, sql`select tablename from pg_tables where schemaname = 'public'`);
  const names = tables.map((t) => `"${t.tablename}"`);
  if (names.length === 0) return;
  if (canSkipTriggers.known !== false) {
    try {
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        for (const name of names) await tx.execute(sql.raw(`DELETE FROM ${name}`));
        await tx.execute(
          sql`select setval(format('%I.%I', schemaname, sequencename)::regclass, start_value, false) from pg_sequences where schemaname = 'public'`,
        );
      });
      canSkipTriggers.known = true;
      return;
    } catch (error) {
      if (canSkipTriggers.known) throw error;
      canSkipTriggers.known = false; // not a superuser: TRUNCATE from now on
    }
  }
  await db.execute(sql.raw(`TRUNCATE ${names.join(", ")} RESTART IDENTITY CASCADE`));
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
  if (options.seed !== false) await seedDatabase(handle.db);
  setDbHandle(handle);
  const canSkipTriggers: { known?: boolean } = {};
  const testDb: TestDatabase = {
    ...handle,
    kind,
    url,
    async reset(resetOptions = {}) {
      await emptyAllTables(handle.db, canSkipTriggers);
      if (resetOptions.seed ?? options.seed ?? true) await seedDatabase(handle.db);
    },
    async close() {
      setDbHandle(undefined);
      await handle.close();
      await drop();
    },
  };
  return testDb;
}
