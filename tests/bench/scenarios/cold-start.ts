import type { Scenario } from "../context";
import { kib, measureColdStart, measureRouteBundle, mib, type ColdStart } from "../cold-start";
import type { Row } from "../table";

export interface ColdRoute {
  label: string;
  /** The route's folder under .next/server, e.g. "app/api/telegram/webhook". */
  routeDir: string;
  path: string;
  init: RequestInit;
  expectStatus: number;
}

const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Cold start of a fresh `next start` process to a route's first answer (median
 * of three processes), and the size of that route's server bundle.
 */
export function coldStartScenario(routes: ColdRoute[]): Scenario {
  return {
    id: "cold-start",
    async run(ctx) {
      const rows: Row[] = [];
      for (const route of routes) {
        const runs: ColdStart[] = [];
        for (let i = 0; i < RUNS; i++) {
          ctx.log(`cold start ${i + 1}/${RUNS}: ${route.label}`);
          runs.push(await measureColdStart(ctx.appEnv, { path: route.path, init: route.init }));
        }
        const statuses = [...new Set(runs.map((r) => r.status))];
        const total = median(runs.map((r) => r.firstAnswerMs));
        const listening = median(runs.map((r) => r.listeningMs));
        rows.push({
          scenario: `Cold start to the first answer of ${route.label}`,
          figure: `${total.toFixed(0)} ms (listening after ${listening.toFixed(0)} ms)`,
          target: {
            text: `answers ${route.expectStatus}`,
            met: statuses.length === 1 && statuses[0] === route.expectStatus,
          },
          notes: [
            `${RUNS} fresh processes: ${runs.map((r) => `${r.firstAnswerMs.toFixed(0)} ms → ${r.status}`).join(", ")}; the rest after listening is loading the route's bundle, opening the database pool and the request itself`,
          ],
        });
        const bundle = measureRouteBundle(route.routeDir);
        rows.push({
          scenario: `Server bundle of ${route.routeDir}`,
          figure: `${kib(bundle.chunkBytes)} in ${bundle.chunks} files`,
          notes: [`the route's trace lists ${bundle.tracedFiles} files, ${mib(bundle.tracedBytes)} with node_modules (what a serverless function ships)`],
        });
      }
      return rows;
    },
  };
}
