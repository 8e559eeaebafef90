import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
/** One type for the database and for a transaction on it (a transaction is a PgDatabase too). */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DriverName = "pglite" | "pg" | "vercel";

export interface DbHandle {
  db: Database;
  driver: DriverName;
  close(): Promise<void>;
}

export interface NeonSocketOptions {
  /** e.g. () => "127.0.0.1:4444/v2" for a local WebSocket-to-TCP proxy. */
  wsProxy?: string | ((host: string, port: number | string) => string);
  useSecureWebSocket?: boolean;
  pipelineConnect?: false | "password";
  pipelineTLS?: boolean;
}

export type DbOptions =
  | { driver: "pglite"; dataDir?: string; image?: Blob }
  | { driver: "pg"; url: string; poolMax?: number; lockTimeoutMs?: number; connectTimeoutMs?: number }
  | { driver: "vercel"; url: string; poolMax?: number; neon?: NeonSocketOptions };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** `image`: a data directory dumped by PGlite's dumpDataDir, started from instead of running initdb (seconds of WASM). */
async function openPglite(dataDir: string | undefined, image: Blob | undefined): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (dataDir) fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  // Postgres' default 128 MB of shared buffers are memory PGlite sets up on every start; a shop's data fits in far
  // fewer. With 32 MB an open of the migrated test image took 0.53 CPU-s instead of 0.95 (six opens each of
  // `new PGlite({ loadDataDir, startParams })` + a query, in a throwaway tsx script).
  const startParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];
  const client = new PGlite({ dataDir, loadDataDir: image, startParams });
  await client.waitReady;
  // PGlite runs in this process's timezone-agnostic WASM; keep its session in UTC like a server.
  await client.exec("SET TIME ZONE 'UTC'");
  const db = drizzle({ client, schema }) as unknown as Database;
  return { db, driver: "pglite", close: () => client.close() };
}

/**
 * A row lock waited on longer than this ends the statement with 55P03, a
 * transient error: the request answers "try again" (Telegram and Midtrans
 * retry) long before the function's 15 s run out holding a connection.
 */
const LOCK_TIMEOUT_MS = 5_000;
/** A connection left inside a transaction (a function frozen or killed mid-request) is ended by the server, its locks freed. */
const IDLE_IN_TRANSACTION_MS = 30_000;

/** How long a request waits for a connection of its instance's pool before it answers "try again". */
const CONNECT_TIMEOUT_MS = 5_000;

async function openPg(url: string, poolMax: number, lockTimeoutMs = LOCK_TIMEOUT_MS, connectTimeoutMs = CONNECT_TIMEOUT_MS): Promise<DbHandle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({
    connectionString: url,
    max: poolMax,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: connectTimeoutMs,
    // A serverless instance keeps a few warm connections, never one per request.
    allowExitOnIdle: true,
    // Start-up parameters, so no extra round trip. (The vercel driver goes through Neon's pooler: not set there, not tried.)
    lock_timeout: lockTimeoutMs,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
  });
  // An idle client whose backend dies must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  // A checked-out client (inside a transaction) has no pool listener: when its backend is
  // terminated, its query fails (→ 503) but the client also emits "error", which with no
  // listener is an uncaught exception that takes the whole server down.
  pool.on("connect", (client) => {
    client.on("error", (error) => console.error(`[db] connection lost while in use: ${error.message}`));
  });
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  return { db, driver: "pg", close: () => pool.end() };
}

async function openVercel(url: string, poolMax: number, neon: NeonSocketOptions | undefined): Promise<DbHandle> {
  const { neonConfig } = await import("@neondatabase/serverless");
  const { createPool } = await import("@vercel/postgres");
  const { drizzle } = await import("drizzle-orm/vercel-postgres");
  if (typeof WebSocket === "undefined" || neon) {
    const { default: ws } = await import("ws");
    neonConfig.webSocketConstructor = ws;
  }
  if (neon) Object.assign(neonConfig, neon);
  const pool = createPool({ connectionString: url, max: poolMax });
  pool.on("error", (error: Error) => console.error(`[db] idle connection lost: ${error.message}`));
  // As for pg: a client lost while checked out must not emit an unhandled "error".
  pool.on("connect", (client: { on(event: "error", listener: (error: Error) => void): unknown }) => {
    client.on("error", (error) => console.error(`[db] connection lost while in use: ${error.message}`));
  });
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  return { db, driver: "vercel", close: () => pool.end() };
}

export async function openDatabase(options: DbOptions): Promise<DbHandle> {
  switch (options.driver) {
    case "pglite":
      return openPglite(options.dataDir, options.image);
    case "pg":
      return openPg(options.url, options.poolMax ?? 5, options.lockTimeoutMs, options.connectTimeoutMs);
    case "vercel":
      return openVercel(options.url, options.poolMax ?? 5, options.neon);
  }
}

/** Applies the committed drizzle-kit migrations; safe to run on every start. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  switch (handle.driver) {
    case "pglite": {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      // the handle's db was built by drizzle-orm/pglite; the cast only narrows our shared type back.
      await migrate(handle.db as never, config);
      return;
    }
    case "pg": {
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      await migrate(handle.db as never, config);
      return;
    }
    case "vercel": {
      const { migrate } = await import("drizzle-orm/vercel-postgres/migrator");
      await migrate(handle.db as never, config);
      return;
    }
  }
}

/** Runs raw SQL and returns its rows; all three drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
