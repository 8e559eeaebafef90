import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Reads the V8 CPU profiles `next start --cpu-prof` wrote and splits the
 * server's busy time by who spent it: the framework (Next.js, React), our code
 * (app/, lib/, db/), the ORM, the Postgres driver, Node itself, the garbage
 * collector. Bundled code in .next/server is mapped back to its source through
 * the build's source maps, so "our code" means our files, not a chunk name.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const maps = new Map<string, SourceMap | null>();

function sourceMapFor(file: string): SourceMap | null {
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8"))));
    } catch {
      maps.set(file, null);
    }
  }
  return maps.get(file)!;
}

function originalSource(frame: ProfileNode["callFrame"]): string {
  if (!frame.url.startsWith("file://")) return frame.url;
  const file = fileURLToPath(frame.url);
  if (!file.includes(`${path.sep}.next${path.sep}server${path.sep}`)) return file;
  const entry = sourceMapFor(file)?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string } | undefined;
  return entry?.originalSource ?? file;
}

function categorize(frame: ProfileNode["callFrame"]): string {
  const name = frame.functionName;
  if (name === "(idle)") return "idle";
  if (name === "(garbage collector)") return "garbage collector";
  if (name === "(program)" || name === "(root)") return "V8 and native code";
  if (!frame.url || frame.url.startsWith("node:")) return "Node.js internals (http, web streams, timers)";
  const source = originalSource(frame).replace(/\\/g, "/");
  const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg === "next" || pkg?.startsWith("@next/")) return "Next.js";
  if (pkg === "react" || pkg === "react-dom" || pkg === "react-server-dom-turbopack") return "React";
  if (pkg === "pg" || pkg?.startsWith("pg-")) return "pg driver";
  if (pkg === "drizzle-orm") return "drizzle-orm";
  if (pkg) return pkg;
  if (/\[project\]\/(app|lib|db)\//.test(source) || /\/(app|lib|db)\//.test(source)) return "our code (app/, lib/, db/)";
  return "other bundled code";
}

export interface ProfileSummary {
  wallMs: number;
  busyMs: number;
  /** Category → ms, busiest first. */
  byCategory: [string, number][];
  /** Our own functions by self time. */
  ownTop: [string, number][];
}

export function summarizeProfile(file: string): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byCategory = new Map<string, number>();
  const own = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)!.callFrame;
    const category = categorize(frame);
    byCategory.set(category, (byCategory.get(category) ?? 0) + us / 1000);
    if (category.startsWith("our code")) {
      const where = originalSource(frame).replace(/^.*\[project\]\//, "").replace(/^(\.\.\/)+/, "");
      const key = `${frame.functionName || "(anonymous)"} ${where}`;
      own.set(key, (own.get(key) ?? 0) + us / 1000);
    }
  }
  const idle = byCategory.get("idle") ?? 0;
  byCategory.delete("idle");
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  const wallMs = (profile.endTime - profile.startTime) / 1000;
  return { wallMs, busyMs: wallMs - idle, byCategory: sorted(byCategory), ownTop: sorted(own).slice(0, 8) };
}

export function describeProfile(summary: ProfileSummary): string {
  const pct = (ms: number) => `${((100 * ms) / Math.max(1, summary.busyMs)).toFixed(0)} %`;
  const split = summary.byCategory
    .filter(([, ms]) => ms / summary.busyMs >= 0.01)
    .map(([name, ms]) => `${name} ${pct(ms)}`)
    .join(", ");
  const own = summary.ownTop
    .filter(([, ms]) => ms / summary.busyMs >= 0.005)
    .map(([name, ms]) => `${name} ${pct(ms)}`)
    .join("; ");
  return `server busy ${(summary.busyMs / 1000).toFixed(1)} s of ${(summary.wallMs / 1000).toFixed(1)} s profiled; of the busy time: ${split}${own ? `. Our busiest functions: ${own}` : ""}`;
}
