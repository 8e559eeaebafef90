// npm run bench – load, race and cold-start figures against next start on the real Postgres (see tests/bench/README.md)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { getEnv, loadEnvFiles } from "@/lib/env";
import { startMidtransStandIn } from "@/tests/support/midtrans-stand-in";
import { ensureBuilt } from "@/tests/support/next-app";
import { startTelegramStandIn } from "@/tests/support/telegram-stand-in";
import { createBenchDatabase, LOCAL_POSTGRES, type BenchDatabase } from "./bench-db";
import { createContext } from "./context";
import { generateOrders } from "./generate-orders";
import { DEFAULT_LOAD } from "./load";
import { describeProfile, summarizeProfile } from "./profile";
import { BENCH_WEBHOOK_SECRET, SCENARIOS } from "./scenarios";
import { renderLimits, renderTable, type Row } from "./table";

const RESULTS = path.join(__dirname, "results.md");

const { values: args } = parseArgs({
  options: {
    only: { type: "string" },
    duration: { type: "string", default: String(DEFAULT_LOAD.durationS) },
    warmup: { type: "string", default: String(DEFAULT_LOAD.warmupS) },
    workers: { type: "string", default: String(DEFAULT_LOAD.workers) },
    orders: { type: "string", default: "100000" },
    pool: { type: "string" },
    profile: { type: "boolean", default: false },
  },
});

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function describeMachine(db: BenchDatabase, settings: typeof DEFAULT_LOAD, pool: string, orders: number) {
  const [pg] = await queryRows<{ server_version: string }>(db.db, sql`show server_version`);
  const pkg = (name: string) => (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
  const cpus = os.cpus();
  return [
    `${new Date().toISOString()} · ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
    `Node ${process.version}, Next.js ${pkg("next")} (next start, NODE_ENV=production), PostgreSQL ${pg?.server_version ?? "?"} on loopback, DB_POOL_MAX=${pool}`,
    `Load: autocannon ${pkg("autocannon")} with ${settings.workers} worker threads on the same machine, ${settings.durationS} s per measurement after a ${settings.warmupS} s warm-up; ${orders.toLocaleString("en")} generated orders in the database`,
    "Every load row is measured right after the bare handler (`/api/bench/bare`: reads the body, answers 200) under the same load, in the same run.",
  ];
}

async function main() {
  await loadEnvFiles();
  const settings = { durationS: Number(args.duration), warmupS: Number(args.warmup), workers: Number(args.workers) };
  const orders = Number(args.orders);
  const only = args.only?.split(",").map((id) => id.trim());
  const scenarios = SCENARIOS.filter((s) => !only || only.includes(s.id));
  if (!scenarios.length) throw new Error(`no scenario named ${args.only}; there are: ${SCENARIOS.map((s) => s.id).join(", ")}`);

  log("making sure the build is current (next build when sources changed)");
  await ensureBuilt();
  const server = getEnv().DATABASE_URL ?? LOCAL_POSTGRES;
  log(`scratch database on ${new URL(server).host}`);
  const db = await createBenchDatabase(server);
  const profileDir = args.profile ? fs.mkdtempSync(path.join(os.tmpdir(), "jiot-bench-prof-")) : undefined;
  const pool = args.pool ?? String(getEnv().DB_POOL_MAX);
  const telegram = await startTelegramStandIn();
  const midtrans = await startMidtransStandIn();
  const webhookSecret = BENCH_WEBHOOK_SECRET;
  const ctx = createContext({
    settings,
    db,
    telegram,
    midtrans,
    webhookSecret,
    appEnv: {
      DATABASE_URL: db.url,
      DB_DRIVER: "pg",
      DB_POOL_MAX: pool,
      BENCH: "1",
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_BOT_USERNAME: telegram.bot.username,
      TELEGRAM_WEBHOOK_SECRET: webhookSecret,
      ...midtrans.env(),
      MIDTRANS_VERIFY_STATUS: "true",
      SESSION_SECRET: "bench-session-secret-0123456789abcdef",
    },
    nodeArgs: profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [],
    log,
  });
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= ctx
      .stopAll()
      .finally(() => Promise.all([telegram.close(), midtrans.stop()]))
      .finally(() => db.drop()));
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));

  const rows: Row[] = [];
  try {
    if (orders > 0) {
      log(`generating ${orders} orders`);
      const started = performance.now();
      await generateOrders(db.db, { count: orders });
      log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    for (const scenario of scenarios) {
      log(`scenario ${scenario.id}`);
      rows.push(...(await scenario.run(ctx)));
    }
    const header = await describeMachine(db, settings, pool, orders);
    await ctx.stopAll();
    const profiles = profileDir ? fs.readdirSync(profileDir).map((f) => describeProfile(summarizeProfile(path.join(profileDir, f)))) : [];
    const report = [
      "# Benchmark results (`npm run bench`)",
      "",
      ...header.map((line) => `${line}  `),
      "",
      renderTable(rows),
      "",
      "## What limits each figure (measured during the run)",
      "",
      renderLimits(rows),
      ...(profiles.length ? ["", "## CPU profile of the server (`--profile`)", "", ...profiles.map((p) => `- ${p}`)] : []),
      "",
    ].join("\n");
    console.log(report);
    if (!only) {
      fs.writeFileSync(RESULTS, report);
      log(`written to ${path.relative(process.cwd(), RESULTS)}`);
    } else log("a partial run (--only): results.md left as it was");
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
