import { sql } from "drizzle-orm";
import { migrateDatabase, openDatabase, queryRows, type DbHandle } from "@/db/client";
import { seedDatabase } from "@/db/seed";
import { createScratchPostgres } from "@/tests/support/test-db";

export const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase extends DbHandle {
  /** The scratch database's URL, handed to the app instances. */
  url: string;
  /** Process ids of the Postgres backends serving this database (for the CPU split). */
  backendPids(): Promise<number[]>;
  drop(): Promise<void>;
}

/**
 * A scratch database of its own on the server of `serverUrl` (DATABASE_URL, or
 * the local Postgres), migrated and seeded; dropped at the end. The database
 * DATABASE_URL names is never written to.
 */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const scratch = await createScratchPostgres(serverUrl);
  const handle = await openDatabase({ driver: "pg", url: scratch.url, poolMax: 4 });
  try {
    await migrateDatabase(handle);
    await seedDatabase(handle.db);
  } catch (error) {
    await handle.close();
    await scratch.drop();
    throw error;
  }
  return {
    ...handle,
    url: scratch.url,
    async backendPids() {
      const rows = await queryRows<{ pid: number }>(
        handle.db,
        sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      return rows.map((row) => row.pid);
    },
    async drop() {
      await handle.close();
      await scratch.drop();
    },
  };
}

/** Is the server of `url` on this machine? Only then can /proc show its backends' CPU. */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "::1" || host === "[::1]";
}
