import autocannon, { type AutocannonRequest } from "autocannon";
import { measureCpu, type CpuShares } from "./cpu";

/**
 * One load run with autocannon in worker threads (the main thread of this
 * process only collects results), preceded by a short warm-up so the JIT,
 * the connection pools and the route bundle are hot.
 */
export interface LoadSpec {
  /** Base URLs; with two, the connections are split across them (two instances). */
  urls: string[];
  path: string;
  method: "GET" | "POST";
  connections: number;
  headers?: Record<string, string>;
  body?: string;
  /** A sequence each connection loops over; `setupRequest` paths make bodies per request. */
  requests?: AutocannonRequest[];
  initialContext?: Record<string, unknown>;
  /** autocannon in this thread (no workers): for bodies made from state this process holds, e.g. the stand-in's chats. */
  inProcess?: boolean;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  /** Status code → count, plus "error"/"timeout" for requests that got no answer. */
  statuses: Record<string, number>;
  cpu: CpuShares;
}

export interface LoadSettings {
  durationS: number;
  warmupS: number;
  /** autocannon worker threads; connections are divided among them. */
  workers: number;
}

export const DEFAULT_LOAD: LoadSettings = { durationS: 10, warmupS: 2, workers: 2 };

async function fire(spec: LoadSpec, url: string, connections: number, durationS: number, workers: number) {
  return autocannon({
    url: url + spec.path,
    connections,
    // A worker with no connection of its own would idle; never more workers than connections.
    workers: spec.inProcess ? undefined : Math.max(1, Math.min(workers, connections)),
    duration: durationS,
    timeout: 10,
    method: spec.method,
    headers: { "content-type": "application/json", ...spec.headers },
    body: spec.body,
    requests: spec.requests,
    initialContext: { ...spec.initialContext, port: new URL(url).port },
  });
}

async function fireAll(spec: LoadSpec, durationS: number, workers: number) {
  const share = Math.max(1, Math.floor(spec.connections / spec.urls.length));
  const workersEach = Math.max(1, Math.floor(workers / spec.urls.length));
  return Promise.all(spec.urls.map((url) => fire(spec, url, share, durationS, workersEach)));
}

export async function runLoad(
  spec: LoadSpec,
  settings: LoadSettings,
  parties: { appPids: number[]; postgresPids: () => Promise<number[]> },
): Promise<LoadResult> {
  if (settings.warmupS > 0) await fireAll(spec, settings.warmupS, settings.workers);
  const { result: runs, cpu } = await measureCpu(parties, () => fireAll(spec, settings.durationS, settings.workers));
  const statuses: Record<string, number> = {};
  let total = 0;
  for (const run of runs) {
    for (const [code, { count }] of Object.entries(run.statusCodeStats)) {
      statuses[code] = (statuses[code] ?? 0) + count;
      total += count;
    }
    if (run.errors) statuses.error = (statuses.error ?? 0) + run.errors;
    if (run.timeouts) statuses.timeout = (statuses.timeout ?? 0) + run.timeouts;
  }
  // Two instances are measured as one service: total rate, the worse instance's percentiles.
  return {
    rps: runs.reduce((sum, run) => sum + run.requests.total / run.duration, 0),
    p50: Math.max(...runs.map((run) => run.latency.p50)),
    p99: Math.max(...runs.map((run) => run.latency.p99)),
    total,
    statuses,
    cpu,
  };
}

/** "200×9812" or "200×9000, 503×12, error×3": what came back, for the notes. */
export function describeStatuses(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, count]) => `${code}×${count}`)
    .join(", ");
}
