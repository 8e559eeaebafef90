import { deliverDueMessages } from "@/lib/notify/deliver";
import { closeAttemptsOfCancelledOrders } from "@/lib/payments/close-attempts";
import { expireHolds } from "@/lib/payments/expire-holds";
import { reconcilePendingPayments } from "@/lib/payments/reconcile-pending";
import { queueReminders } from "@/lib/payments/reminders";

interface Task {
  everyMs: number;
  run: (now: Date) => Promise<unknown>;
}

/**
 * Small batches of due work run after ordinary requests, each kind at most once
 * per interval per instance, so a busy instance does not turn every request
 * into a sweep, and a quiet deployment still expires holds within minutes of
 * its next visitor.
 */
const TASKS: Record<string, Task> = {
  expireHolds: { everyMs: 30_000, run: (now) => expireHolds({ now, limit: 5 }) },
  reconcile: { everyMs: 5 * 60_000, run: (now) => reconcilePendingPayments({ now, limit: 3 }) },
  // Cancelled orders whose VA or Snap page could not be closed at Midtrans when they were cancelled.
  closeAttempts: { everyMs: 5 * 60_000, run: (now) => closeAttemptsOfCancelledOrders({ now, limit: 3 }) },
  reminders: { everyMs: 15 * 60_000, run: (now) => queueReminders({ now, limit: 100 }) },
  // Retries after a 429/5xx from Telegram; messages just queued are sent at once by sendQueuedMessages.
  // Last, and as of the moment it runs, so what the tasks above just queued (an expiry's message) goes out too.
  outbox: { everyMs: 60_000, run: (now) => deliverDueMessages({ now: new Date(Math.max(now.getTime(), Date.now())), limit: 20 }) },
};

const lastRun = new Map<string, number>();
let running = false;

/** Runs what is due now; never throws (a failure waits for the next request or the cron). */
export async function runDueWork(now = new Date()): Promise<string[]> {
  if (running) return [];
  running = true;
  const ran: string[] = [];
  try {
    for (const [name, task] of Object.entries(TASKS)) {
      if (now.getTime() - (lastRun.get(name) ?? 0) < task.everyMs) continue;
      lastRun.set(name, now.getTime());
      try {
        await task.run(now);
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
