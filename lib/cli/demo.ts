// npm run demo – the whole shop on this machine: embedded database, built app, no accounts, no network.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { closeDb, getDb } from "@/db";
import { countSeededRows, seedDatabase } from "@/db/seed";
import { getEnv, overrideEnv } from "@/lib/env";
import { ensureDemoAdmin, type DemoAdmin } from "@/lib/playground/demo-admin";
import { seedDemoStock } from "@/lib/playground/demo-stock";
import { seedDemoBranch } from "@/lib/playground/demo-branch";
import { ensureDemoTechnicians } from "@/lib/playground/demo-technicians";
import { setBotWebhook } from "@/lib/telegram/webhook-admin";
import { runCli } from "./run";

// Not public/: next start serves it from disk as it is (and the browser tests write screenshots there).
const SOURCE_DIRS = ["app", "lib", "db"];
const SOURCE_FILES = ["proxy.ts", "next.config.ts", "package.json", "tsconfig.json"];
const READY_TIMEOUT_MS = 120_000;

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

async function waitUntilHealthy(url: string, server: { exitCode: number | null }): Promise<boolean> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && server.exitCode === null) {
    const status = await fetch(`${url}/api/health`).then((r) => r.status, () => 0);
    if (status === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

const STOP_GRACE_MS = 10_000;

/**
 * `next start` in a process group of its own, started with node directly (no
 * npx in between that would not pass a signal on): stopping the launcher stops
 * next-server and whatever it started, and the port is free once it has exited.
 */
function startServerGroup(root: string, port: number, env: NodeJS.ProcessEnv): ChildProcess {
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  return spawn(process.execPath, [nextBin, "start", "-p", String(port)], { stdio: ["ignore", "inherit", "inherit"], env, detached: true });
}

function signalGroup(server: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-server.pid!, signal);
  } catch {
    // The group has exited already.
  }
}

/** Passes the signal to the whole server group, then kills what is left after a grace period; the launcher exits with the server. */
function stopServerGroup(server: ChildProcess, signal: NodeJS.Signals, exited: Promise<number>): void {
  signalGroup(server, signal);
  const force = setTimeout(() => signalGroup(server, "SIGKILL"), STOP_GRACE_MS);
  force.unref();
  void exited.then(() => signalGroup(server, "SIGKILL"));
}

function printWelcome(appUrl: string, admin: DemoAdmin, technicians: { username: string; password: string }[]): void {
  const lines = [
    "",
    "  The shop is running (playground: Telegram and Midtrans are simulated, no real money).",
    "",
    `  Home page              ${appUrl}/`,
    `  Telegram chat          ${appUrl}/playground/chat`,
    `  Payment simulator      ${appUrl}/playground/midtrans/simulator`,
    `  Admin                  ${appUrl}/admin`,
    `  Playground overview    ${appUrl}/playground`,
    "",
    admin.created
      ? `  Demo admin (shown only this once, write it down):  username ${admin.username}  password ${admin.password}`
      : `  Demo admin "${admin.username}" exists already. Forgot the password? npm run admin:create -- ${admin.username}`,
    ...technicians.map((t) => `  Demo technician (shown only this once):  username ${t.username}  password ${t.password}  → ${appUrl}/admin/my-jobs`),
    "",
    "  Stop with Ctrl+C. The data stays in the database folder for the next start.",
    "",
  ];
  console.log(lines.join("\n"));
}

runCli(async () => {
  const { PORT: port, APP_URL } = getEnv();
  overrideEnv({
    PLAYGROUND: "1",
    DB_DRIVER: "pglite",
    APP_URL: APP_URL === "http://localhost:3000" ? `http://localhost:${port}` : APP_URL,
  });
  const env = getEnv();
  console.log(`demo: preparing the embedded database in ${env.PGLITE_DIR} ...`);
  const db = await getDb();
  await seedDatabase(db);
  const counts = await countSeededRows(db);
  if (await seedDemoStock(db)) console.log("demo: stock filled (iPhone X Battery: 1 left; iPhone 11 LCD: back-order, 3 days).");
  if (await seedDemoBranch(db)) console.log("demo: second branch added (Cabang Depok: two slots of its own, iPhone X Battery Rp65.000).");
  console.log(`demo: catalog ready (${counts.devices} devices, ${counts.parts} parts, ${counts.prices} prices, ${counts.slots} slots).`);
  const admin = await ensureDemoAdmin(db);
  // Printed now as well as in the welcome: if the build below failed, the password would be lost.
  if (admin.created) console.log(`demo: created the demo admin: username ${admin.username}, password ${admin.password}`);
  const technicians = await ensureDemoTechnicians(db);
  for (const t of technicians) console.log(`demo: created the demo technician: username ${t.username}, password ${t.password}`);
  // PGlite allows one process at a time: hand the data folder over to the server.
  await closeDb();

  const root = process.cwd();
  // No network: Next's anonymous telemetry stays off.
  const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (!buildIsCurrent(root)) {
    console.log("demo: building the app (first start, or the code changed) ...");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: childEnv });
    if (build.status !== 0) return build.status ?? 1;
  }
  // Otherwise another app on the port would pass the health check below, and this one would fail to listen.
  if (await fetch(`${env.APP_URL}/api/health`).then(() => true, () => false)) {
    console.error(`demo: something already answers on ${env.APP_URL}; stop it, or pick another port: PORT=4000 npm run demo`);
    return 1;
  }
  const server = startServerGroup(root, port, childEnv);
  const exited = new Promise<number>((resolve) => server.on("exit", (code) => resolve(code ?? 0)));
  const stop = (signal: NodeJS.Signals) => stopServerGroup(server, signal, exited);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  if (await waitUntilHealthy(env.APP_URL, server)) {
    // The chat page's command menu comes from setMyCommands, as in Telegram; the webhook is the stand-in's default already.
    await setBotWebhook().catch((error: unknown) => console.error(`demo: could not register the bot's webhook and commands: ${String(error)}`));
    printWelcome(env.APP_URL, admin, technicians);
  } else if (server.exitCode === null) {
    console.error(`demo: the app did not answer ${env.APP_URL}/api/health in time; see the output above.`);
  }
  return exited;
});
