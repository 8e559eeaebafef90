import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { freePort } from "@/tests/support/next-app";

const ROOT = path.resolve(__dirname, "..", "..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ColdStart {
  /** From spawn to the port accepting connections. */
  listeningMs: number;
  /** From spawn to the first request's answer (its route loaded, the database connected). */
  firstAnswerMs: number;
  status: number;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts `next start` cold (a new process, nothing loaded), sends `request` the
 * moment the port accepts, and times both steps. The build must be current.
 */
export async function measureColdStart(
  env: Record<string, string>,
  request: { path: string; init: RequestInit },
): Promise<ColdStart> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", APP_URL: `http://127.0.0.1:${port}`, ...env },
      stdio: "ignore",
      detached: true,
    },
  );
  try {
    const deadline = started + 60_000;
    while (!(await canConnect(port))) {
      if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
      if (performance.now() > deadline) throw new Error("next start did not listen within 60 s");
      await sleep(5);
    }
    const listeningMs = performance.now() - started;
    const response = await fetch(`http://127.0.0.1:${port}${request.path}`, request.init);
    await response.arrayBuffer();
    return { listeningMs, firstAnswerMs: performance.now() - started, status: response.status };
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, sleep(5_000)]);
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
  }
}

export interface BundleSize {
  /** The route's entry and the chunks it loads, as built (what runs on a cold start). */
  chunkBytes: number;
  chunks: number;
  /** Every file the route's trace lists (node_modules included): what a serverless function ships. */
  tracedBytes: number;
  tracedFiles: number;
}

/** Sizes of an app route's server bundle, e.g. routeDir = "app/api/telegram/webhook". */
export function measureRouteBundle(routeDir: string): BundleSize {
  const serverDir = path.join(ROOT, ".next", "server");
  const entry = path.join(serverDir, routeDir, "route.js");
  const source = fs.readFileSync(entry, "utf8");
  // The entry requires the shared runtime by a relative path and loads its chunks by .next-relative ones.
  const runtime = [...source.matchAll(/require\("(\.[^"]+)"\)/g)].map((match) => path.resolve(path.dirname(entry), match[1]!));
  const chunkPaths = [...source.matchAll(/R\.c\("([^"]+)"\)/g)].map((match) => path.join(ROOT, ".next", match[1]!));
  const files = [entry, ...runtime, ...chunkPaths];
  const chunkBytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
  const trace = JSON.parse(fs.readFileSync(`${entry}.nft.json`, "utf8")) as { files: string[] };
  const traced = trace.files.map((file) => path.resolve(path.dirname(entry), file));
  const tracedBytes = traced.reduce((sum, file) => sum + (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0), 0);
  return { chunkBytes, chunks: files.length, tracedBytes, tracedFiles: traced.length };
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
