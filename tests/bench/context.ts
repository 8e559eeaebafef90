import { startNextApp, type RunningApp } from "@/tests/support/next-app";
import type { MidtransStandIn } from "@/tests/support/midtrans-stand-in";
import type { TelegramStandIn } from "@/tests/support/telegram-stand-in";
import type { BenchDatabase } from "./bench-db";
import { runLoad, type LoadResult, type LoadSettings, type LoadSpec } from "./load";
import type { Row, Target } from "./table";

/** What every scenario gets: the database, the running app(s), and load helpers that record CPU. */
export interface BenchContext {
  settings: LoadSettings;
  db: BenchDatabase;
  /** Variables every app instance gets (database, stand-ins, secrets, BENCH=1). */
  appEnv: Record<string, string>;
  /** The shared instance, started on first use. */
  app(): Promise<RunningApp>;
  /** Extra instances for multi-instance scenarios; stopped at the end of the run. */
  startApp(extraEnv?: Record<string, string>): Promise<RunningApp>;
  /** Loads `apps` (default: the shared instance) and reports rate, latency and the CPU split. */
  load(spec: Omit<LoadSpec, "urls">, apps?: RunningApp[]): Promise<LoadResult>;
  /** The same load against the bare handler first, then the scenario: one table row. */
  measure(scenario: string, spec: Omit<LoadSpec, "urls"> & { bareBody?: string }, apps?: RunningApp[]): Promise<Row>;
  log(message: string): void;
  /** The loopback Telegram Bot API and Midtrans stand-ins every instance talks to. */
  telegram: TelegramStandIn;
  midtrans: MidtransStandIn;
  /** The secret header value the webhook expects. */
  webhookSecret: string;
}

/** Other people's work above this share of one core makes a measurement pair be repeated. */
const NOISE_LIMIT = 25;
const NOISY_ATTEMPTS = 3;

export interface Scenario {
  /** Short name for `npm run bench -- --only <id>`. */
  id: string;
  run(ctx: BenchContext): Promise<Row[]>;
}

export function createContext(options: {
  settings: LoadSettings;
  db: BenchDatabase;
  appEnv: Record<string, string>;
  nodeArgs: string[];
  log(message: string): void;
  telegram: TelegramStandIn;
  midtrans: MidtransStandIn;
  webhookSecret: string;
}): BenchContext & { stopAll(): Promise<void> } {
  const started: RunningApp[] = [];
  let shared: Promise<RunningApp> | undefined;
  const startApp = async (extraEnv: Record<string, string> = {}) => {
    const app = await startNextApp({ env: { ...options.appEnv, ...extraEnv }, nodeArgs: options.nodeArgs });
    started.push(app);
    options.log(`next start on ${app.url} (pid ${app.pid})`);
    return app;
  };
  const app = () => (shared ??= startApp());
  const load = async (spec: Omit<LoadSpec, "urls">, apps?: RunningApp[]) => {
    const targets = apps ?? [await app()];
    return runLoad({ ...spec, urls: targets.map((a) => a.url) }, options.settings, {
      appPids: targets.map((a) => a.pid),
      postgresPids: () => options.db.backendPids(),
    });
  };
  return {
    settings: options.settings,
    db: options.db,
    appEnv: options.appEnv,
    app,
    startApp,
    load,
    async measure(scenario, spec, apps) {
      // The machine is shared: when other work took a good part of a core during
      // the pair, measure the pair again and keep the quietest attempt.
      let best: { bare: LoadResult; measured: LoadResult; noise: number } | undefined;
      const noises: number[] = [];
      for (let attempt = 1; attempt <= NOISY_ATTEMPTS; attempt++) {
        options.log(`${scenario}, ${spec.connections} connections: bare handler, then the scenario (attempt ${attempt})`);
        const bare = await load(
          {
            path: "/api/bench/bare",
            method: spec.method,
            connections: spec.connections,
            body: spec.method === "POST" ? (spec.bareBody ?? spec.body ?? "{}") : undefined,
            inProcess: spec.inProcess,
          },
          apps,
        );
        const measured = await load(spec, apps);
        const noise = Math.max(bare.cpu.other, measured.cpu.other);
        noises.push(noise);
        if (!best || noise < best.noise) best = { bare, measured, noise };
        if (noise < NOISE_LIMIT) break;
        options.log(`other work on the machine took ${noise.toFixed(0)} % of a core meanwhile`);
      }
      const notes =
        noises.length > 1
          ? [`measured ${noises.length} times because other work on the machine took ${noises.map((n) => `${n.toFixed(0)} %`).join(", ")} of a core; kept the quietest`]
          : [];
      return { scenario, connections: spec.connections, measured: best!.measured, bare: best!.bare, notes };
    },
    log: options.log,
    telegram: options.telegram,
    midtrans: options.midtrans,
    webhookSecret: options.webhookSecret,
    async stopAll() {
      await Promise.all(started.map((a) => a.stop()));
    },
  };
}

/** Targets of issue #7, checked against a row's own measurement. */
export const targets = {
  p99Under(limitMs: number) {
    return (row: Row): Target => ({ text: `p99 < ${limitMs} ms`, met: (row.measured?.p99 ?? Infinity) < limitMs });
  },
  vsBare({ throughput, p99 }: { throughput: number; p99: number }) {
    return (row: Row): Target => {
      const m = row.measured;
      const b = row.bare;
      const met = Boolean(m && b && m.rps >= throughput * b.rps && m.p99 <= p99 * b.p99);
      return { text: `≥ ${throughput}× bare req/s, p99 ≤ ${p99}× bare`, met };
    };
  },
};

/**
 * Applies a target to a row. A run in which anything came back other than the
 * expected statuses misses its target whatever its speed: fast errors are not
 * throughput.
 */
export function withTarget(
  row: Row,
  target: (row: Row) => Target,
  { expected = ["200"], notes = [] }: { expected?: string[]; notes?: string[] } = {},
): Row {
  const unexpected = Object.entries(row.measured?.statuses ?? {}).filter(([code]) => !expected.includes(code));
  const checked = target(row);
  const extra = unexpected.length
    ? [`unexpected answers: ${unexpected.map(([code, n]) => `${code}×${n}`).join(", ")} (target counted as missed)`]
    : [];
  return {
    ...row,
    target: { text: checked.text, met: checked.met && unexpected.length === 0 },
    notes: [...(row.notes ?? []), ...notes, ...extra],
  };
}
