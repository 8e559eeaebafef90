import "server-only";
import { getEnv, selectedDriver } from "@/lib/env";
import { migrateDatabase, openDatabase, type Database, type DbHandle, type DbOptions } from "./client";

export type { Database, DbHandle, DriverName } from "./client";
export { isTransientDbError } from "./errors";
export { queryRows } from "./client";

/**
 * One database handle per process (per warm serverless instance), cached on
 * globalThis so that Next.js dev reloads and route bundles share it.
 */
const holder = globalThis as unknown as { __jiotDb?: Promise<DbHandle> };

export function optionsFromEnv(): DbOptions {
  const env = getEnv();
  const driver = selectedDriver(env);
  if (driver === "pg") return { driver, url: env.DATABASE_URL!, poolMax: env.DB_POOL_MAX };
  if (driver === "vercel") return { driver, url: env.POSTGRES_URL!, poolMax: env.DB_POOL_MAX };
  return { driver, dataDir: env.PGLITE_DIR };
}

async function openFromEnv(): Promise<DbHandle> {
  const handle = await openDatabase(optionsFromEnv());
  // The embedded database migrates itself, so a fresh machine needs no other step;
  // server databases are migrated by `npm run db:migrate` / the build.
  if (handle.driver === "pglite") await migrateDatabase(handle);
  return handle;
}

export function getDbHandle(): Promise<DbHandle> {
  if (!holder.__jiotDb) {
    holder.__jiotDb = openFromEnv();
    holder.__jiotDb.catch(() => {
      holder.__jiotDb = undefined;
    });
  }
  return holder.__jiotDb;
}

export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

/** Tests and scripts put a handle of their own in place of the one from the environment. */
export function setDbHandle(handle: DbHandle | undefined): void {
  holder.__jiotDb = handle ? Promise.resolve(handle) : undefined;
}

export async function closeDb(): Promise<void> {
  const current = holder.__jiotDb;
  holder.__jiotDb = undefined;
  if (current) await (await current).close();
}
