// Issue 12: live Midtrans without the Status API check is refused at start, by the CLI and by `next start`, in one line.
import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import path from "node:path";
import { ensureBuilt, freePort } from "@/tests/support/next-app";

const ROOT = path.resolve(__dirname, "..", "..");
const REFUSAL = "Invalid configuration: MIDTRANS_VERIFY_STATUS must not be false when MIDTRANS_IS_PRODUCTION=true: live payments are confirmed with the Status API; unset MIDTRANS_VERIFY_STATUS";
const LIVE_UNCHECKED = { MIDTRANS_IS_PRODUCTION: "true", MIDTRANS_VERIFY_STATUS: "false" };

/** Runs a command to its end (or kills it after `ms`): its exit code and what it printed. */
function run(command: string, args: string[], env: Record<string, string>, ms = 60_000) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child: ChildProcessByStdio<null, Readable, Readable> = spawn(command, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), ms);
    child.on("exit", (code: number | null) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);

describe("MIDTRANS_VERIFY_STATUS=false with MIDTRANS_IS_PRODUCTION=true", () => {
  it("npm run db:migrate exits 1 with the one line and does nothing else", async () => {
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    const result = await run(tsx, ["--conditions=react-server", "lib/cli/db-migrate.ts"], LIVE_UNCHECKED);
    expect({ code: result.code, stderr: lines(result.stderr), stdout: lines(result.stdout) }).toEqual({ code: 1, stderr: [REFUSAL], stdout: [] });
  }, 90_000);

  it("next start exits 1 at start-up with the line, not at the first request", async () => {
    await ensureBuilt();
    const port = await freePort();
    const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
    const result = await run(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], {
      ...LIVE_UNCHECKED,
      APP_URL: `http://127.0.0.1:${port}`,
    });
    // It exits by itself (a kill at the time limit would leave no code), before serving anything, and says only why.
    expect({ code: result.code, stderr: lines(result.stderr) }).toEqual({ code: 1, stderr: [REFUSAL] });
  }, 600_000);
});
