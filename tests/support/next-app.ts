import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase, type DbHandle } from "@/db/client";
import { seedDatabase } from "@/db/seed";
import { migratedTemplate } from "./migrated-images";
import { onceAcrossWorkers } from "./once-across-workers";
import { createScratchPostgres } from "./test-db";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ROOT = path.resolve(__dirname, "..", "..");
const LOCK = path.join(ROOT, ".next-build.lock");
// Not public/: next start serves it from disk, and the browser tests write their screenshots there. Counting
// it made a screenshot look like a code change, and a later test file rebuilt .next under a server still using it.
const SOURCES = ["app", "lib", "db", "proxy.ts", "next.config.ts", "package.json", "tsconfig.json"];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((child) => newestMtime(path.join(entry, child))));
}

function buildIsCurrent(): boolean {
  const buildId = fs.statSync(path.join(ROOT, ".next", "BUILD_ID"), { throwIfNoEntry: false });
  if (!buildId) return false;
  return buildId.mtimeMs > Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
}

/** Builds the app once per change: concurrent test files wait on a lock file for the one doing it. */
export function ensureBuilt(): Promise<void> {
  return onceAcrossWorkers({ lock: LOCK, isDone: buildIsCurrent, staleMs: 15 * 60_000, pollMs: 1_000 }, () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface FreshDatabase {
  /** Variables that point the app at it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A migrated, seeded database for one app: a scratch database on the real Postgres, else a PGlite folder. */
export async function createFreshDatabase(): Promise<FreshDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const scratch = await createScratchPostgres(adminUrl, { template: await migratedTemplate(adminUrl) });
    const handle = await openDatabase({ driver: "pg", url: scratch.url });
    await seedDatabase(handle.db);
    await handle.close();
    return { env: { DATABASE_URL: scratch.url, DB_DRIVER: "pg" }, drop: scratch.drop };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jiot-app-"));
  const dataDir = path.join(dir, "pglite");
  const handle = await openDatabase({ driver: "pglite", dataDir });
  await migrateDatabase(handle);
  await seedDatabase(handle.db);
  await handle.close();
  return { env: { PGLITE_DIR: dataDir, DB_DRIVER: "pglite" }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Opens a fresh database from the test process (before the app starts: an embedded one has one owner at a time). */
export function openFreshDatabase(database: FreshDatabase): Promise<DbHandle> {
  return database.env.DATABASE_URL
    ? openDatabase({ driver: "pg", url: database.env.DATABASE_URL })
    : openDatabase({ driver: "pglite", dataDir: database.env.PGLITE_DIR! });
}

export interface RunningApp {
  url: string;
  port: number;
  /** The `next start` process (its own process group). */
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

const OUTPUT_TAIL_LINES = 200;

/** A test of this file failed (counted by tests/support/e2e-environment.cjs): the server's last words go to the log. */
function printOutputIfFailed(port: number, output: string): void {
  const failures = (globalThis as { __E2E_FAILURES__?: number }).__E2E_FAILURES__ ?? 0;
  if (failures === 0) return;
  const tail = output.split("\n").slice(-OUTPUT_TAIL_LINES).join("\n");
  process.stderr.write(`\n--- next start on port ${port}: last ${OUTPUT_TAIL_LINES} lines of its output (${failures} failure(s) in this file) ---\n${tail}\n--- end of server output ---\n`);
}

/**
 * Starts `next start` on a free port with a fresh database (unless `env` names
 * one) and the given variables, after making sure the build is current.
 */
export async function startNextApp({
  env = {},
  port,
  nodeArgs = [],
}: {
  env?: Record<string, string>;
  port?: number;
  /** Node options for the server process, e.g. ["--cpu-prof"] for the benchmarks. */
  nodeArgs?: string[];
} = {}): Promise<RunningApp> {
  await ensureBuilt();
  const listenPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${listenPort}`;
  const database = env.DATABASE_URL || env.PGLITE_DIR ? undefined : await createFreshDatabase();
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(listenPort), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        APP_URL: url,
        ...database?.env,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    printOutputIfFailed(listenPort, output);
    if (child.exitCode === null && child.pid) {
      let timer: NodeJS.Timeout | undefined;
      const exited = new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        timer = setTimeout(resolve, 5_000);
      });
      process.kill(-child.pid, "SIGTERM");
      await exited;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
    }
    await database?.drop();
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not become healthy in time:\n${output}`);
    }
    await sleep(250);
  }
  return { url, port: listenPort, pid: child.pid!, output: () => output, stop };
}
