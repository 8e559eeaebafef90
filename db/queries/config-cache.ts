import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { configVersion } from "../schema";

/**
 * The shop's settings, catalog and schedule, read at most once per instance for
 * each value of config_version (which every change of those tables replaces in
 * its own transaction, by the triggers of migration 0006).
 *
 * Only a transaction stamped with the version it read (the bot's, which reads it
 * in the statement that claims its update) is answered from here; any other
 * caller reads the tables. A value is loaded inside a stamped transaction after
 * its version was read, so what is kept under a version is never older than that
 * version: at worst newer, which only costs the next stamped reader a reload.
 */
const stamps = new WeakMap<Database, string>();
let cached: { version: string; values: Map<string, Promise<unknown>> } | undefined;
/** Reads kept per version (a handful of tables, a few date ranges). */
const MAX_ENTRIES = 200;

/** The SQL of the current version (null when the row is missing: nothing is then cached). */
export const configVersionSql = sql<string | null>`(select ${configVersion.version} from ${configVersion} where ${configVersion.id} = 1)`;

/** Marks `tx` as having read `version`: the reads below may then come from the cache. */
export function stampConfigVersion(tx: Database, version: string | null): void {
  if (version) stamps.set(tx, version);
}

/** The read `key` of the shop's configuration, from the cache when `db` is a stamped transaction. Callers must not change what it returns. */
export function readConfig<T>(db: Database, key: string, load: () => Promise<T>): Promise<T> {
  const version = stamps.get(db);
  if (!version) return load();
  if (cached?.version !== version) cached = { version, values: new Map() };
  const values = cached.values;
  const kept = values.get(key) as Promise<T> | undefined;
  // Another transaction's read that failed (it aborted, timed out) is read again in this one.
  if (kept) return kept.catch(load);
  if (values.size >= MAX_ENTRIES) values.clear();
  const value = load().then(freeze);
  values.set(key, value);
  value.catch(() => values.get(key) === value && values.delete(key));
  return value;
}

/** Shared between requests: a caller that changed it would change it for all, so it throws instead. */
function freeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value) && !(value instanceof Date) && !(value instanceof Map)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) freeze(inner);
  }
  return value;
}
