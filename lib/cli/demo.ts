// npm run demo – the whole shop on this machine: embedded database, built app, no accounts, no network.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { closeDb, getDb } from "@/db";
import { countSeededRows, seedDatabase } from "@/db/seed";
import { getEnv, overrideEnv } from "@/lib/env";
import { runCli } from "./run";

const SOURCE_DIRS = ["app", "lib", "db", "public"];
const SOURCE_FILES = ["next.config.ts", "package.json", "tsconfig.json"];

function newestSourceChange(root: string): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const name of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(path.join(root, name));
  return newest;
}

function buildIsCurrent(root: string): boolean {
  const buildId = fs.statSync(path.join(root, ".next", "BUILD_ID"), { throwIfNoEntry: false });
  return Boolean(buildId && buildId.mtimeMs > newestSourceChange(root));
}

runCli(async () => {
  const port = Number(process.env.PORT ?? 3000);
  overrideEnv({
    PLAYGROUND: "1",
    DB_DRIVER: "pglite",
    APP_URL: getEnv().APP_URL === "http://localhost:3000" ? `http://localhost:${port}` : getEnv().APP_URL,
  });
  const env = getEnv();
  console.log(`demo: preparing the embedded database in ${env.PGLITE_DIR} ...`);
  const db = await getDb();
  await seedDatabase(db);
  const counts = await countSeededRows(db);
  console.log(`demo: catalog ready (${counts.devices} devices, ${counts.parts} parts, ${counts.prices} prices, ${counts.slots} slots).`);
  // PGlite allows one process at a time: hand the data folder over to the server.
  await closeDb();

  const root = process.cwd();
  if (!buildIsCurrent(root)) {
    console.log("demo: building the app (first start, or the code changed) ...");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env } });
    if (build.status !== 0) return build.status ?? 1;
  }
  const server = spawn("npx", ["next", "start", "-p", String(port)], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env } });
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (chunk.toString().includes("Ready")) {
      console.log(`\n  Shop home page     ${env.APP_URL}/`);
      console.log(`  Health check       ${env.APP_URL}/api/health\n`);
    }
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return new Promise<number>((resolve) => server.on("exit", (code) => resolve(code ?? 0)));
});
