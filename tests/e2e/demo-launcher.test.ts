// npm run demo stopped the way a process manager or `kill` stops it: a signal to the launcher alone.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ensureBuilt, freePort } from "@/tests/support/next-app";

const ROOT = path.resolve(__dirname, "..", "..");
let launcher: ChildProcess | undefined;
let dataDir: string;
let output = "";

/**
 * The command line of `npm run demo` (package.json), without npm and its shell: the launcher users start gets the
 * signal. It runs on node with tsx's loader; through the tsx command, a relay process stood between the signal and
 * the launcher and SIGKILLed the launcher when it had not said "got it" within 30 ms (a loaded CI machine), and
 * next-server, in a process group of its own, was left holding the port.
 */
function demoCommand(): { command: string; args: string[] } {
  const script: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.demo;
  const [command, ...args] = script.split(" ");
  return { command: command === "node" ? process.execPath : path.join(ROOT, "node_modules", ".bin", command!), args };
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitFor(check: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

beforeAll(async () => {
  await ensureBuilt();
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jiot-demo-")), "pglite");
}, 600_000);

afterAll(async () => {
  // Whatever the outcome, leave nothing running: the launcher was started in a group of its own.
  if (launcher?.pid) {
    try {
      process.kill(-launcher.pid, "SIGKILL");
    } catch {
      // gone already
    }
  }
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

it.each(["SIGTERM", "SIGINT"] as const)("%s to the launcher stops the app too, and frees the port", async (signal) => {
  const port = await freePort();
  output = "";
  const { command, args } = demoCommand();
  const demo = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", PORT: String(port), PGLITE_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  launcher = demo;
  demo.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  demo.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => demo.once("exit", (code) => resolve(code)));

  expect(await waitFor(() => output.includes("The shop is running"), 180_000)).toBe(true);
  expect(await portAnswers(port)).toBe(true);

  process.kill(demo.pid!, signal);
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([exited, new Promise<"still running">((resolve) => (timer = setTimeout(() => resolve("still running"), 20_000)))]);
  clearTimeout(timer);
  expect(code).not.toBe("still running");
  expect(await waitFor(async () => !(await portAnswers(port)), 5_000)).toBe(true);
}, 240_000);
