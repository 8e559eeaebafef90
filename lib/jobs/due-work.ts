import { JOB_TASKS } from "./tasks";

/**
 * Small batches of due work run after ordinary requests, each kind at most once
 * per interval per instance, so a busy instance does not turn every request
 * into a sweep, and a quiet deployment still expires holds within minutes of
 * its next visitor.
 */
const lastRun = new Map<string, number>();
let running = false;

/** Runs what is due now; never throws (a failure waits for the next request or the cron). */
export async function runDueWork(now = new Date()): Promise<string[]> {
  if (running) return [];
  running = true;
  const ran: string[] = [];
  try {
    for (const { name, afterRequests, run } of JOB_TASKS) {
      if (!afterRequests || now.getTime() - (lastRun.get(name) ?? 0) < afterRequests.everyMs) continue;
      lastRun.set(name, now.getTime());
      try {
        await run({ now, limit: afterRequests.limit });
        ran.push(name);
      } catch (error) {
        console.error(`[due-work] ${name} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    running = false;
  }
  return ran;
}

/** Tests start each case with nothing run yet. */
export function resetDueWork(): void {
  lastRun.clear();
}
