import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { onceAcrossWorkers } from "./once-across-workers";
import { MIGRATIONS_FOLDER, migrateDatabase, openDatabase, type DbHandle } from "@/db/client";

/**
 * A freshly migrated database costs seconds per test file (PGlite's initdb in
 * WASM, then every migration), so each kind is made once per set of migrations
 * and copied: PGlite from a dumped data directory, Postgres from a template
 * database. The key changes with any migration file, so a stale copy is never used.
 */
const IMAGE_RECIPE = "migrated; template0 and template1 dropped; checkpointed";

function migrationsKey(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  walk(MIGRATIONS_FOLDER);
  hash.update(JSON.parse(fs.readFileSync(path.join(process.cwd(), "node_modules/@electric-sql/pglite/package.json"), "utf8")).version);
  // How an image is made (below): a change of recipe is a new key too.
  hash.update(IMAGE_RECIPE);
  return hash.digest("hex").slice(0, 16);
}

type PgliteClient = { query(sql: string): Promise<unknown>; dumpDataDir(compression: "none"): Promise<Blob> };

/** An in-memory PGlite with every migration applied, started from a shared image. */
export async function openMigratedPglite(): Promise<DbHandle> {
  const imageFile = path.join(os.tmpdir(), `jiot-pglite-migrated-${migrationsKey()}.tar`);
  await onceAcrossWorkers({ lock: `${imageFile}.lock`, isDone: () => fs.existsSync(imageFile), staleMs: 5 * 60_000, pollMs: 200 }, async () => {
    const handle = await openDatabase({ driver: "pglite" });
    await migrateDatabase(handle);
    const client = (handle.db as unknown as { $client: PgliteClient }).$client;
    // Every test file unpacks this image into memory, so it is made small: PGlite serves the database `postgres`
    // and nothing here copies a template, so template0 and template1 go (42 MB → 27 MB), and a checkpoint leaves
    // nothing to replay at start. An open then took 0.50 CPU-s instead of 0.77 (measured by timing
    // `new PGlite({ loadDataDir })` + `waitReady` on each image, six times, in a throwaway tsx script).
    await client.query("UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')");
    await client.query("DROP DATABASE template0");
    await client.query("DROP DATABASE template1");
    await client.query("CHECKPOINT");
    const image = await client.dumpDataDir("none");
    await handle.close();
    const partial = `${imageFile}.${process.pid}`;
    fs.writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
    fs.renameSync(partial, imageFile);
  });
  return openDatabase({ driver: "pglite", image: new Blob([fs.readFileSync(imageFile)]) });
}

/** Template databases are named for their migrations: `.ci/run` drops them with the run's databases. */
export const TEMPLATE_PREFIX = "jiot_tpl_";

/**
 * The name of a migrated template database on the server of `adminUrl`, made on
 * first use. Two workers making it at once are serialised by an advisory lock;
 * it is built under another name and renamed, so no half-migrated template is seen.
 */
export async function migratedTemplate(adminUrl: string): Promise<string> {
  const name = `${TEMPLATE_PREFIX}${migrationsKey()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("select pg_advisory_lock(hashtext($1))", [name]);
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_b${randomBytes(3).toString("hex")}`;
      await admin.query(`CREATE DATABASE ${building}`);
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      const handle = await openDatabase({ driver: "pg", url: url.toString(), poolMax: 1 });
      await migrateDatabase(handle);
      await handle.close();
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    return name;
  } finally {
    await admin.query("select pg_advisory_unlock(hashtext($1))", [name]).catch(() => {});
    await admin.end();
  }
}
