import { getDb } from "@/db";
import { pruneProcessedUpdates } from "@/db/queries/housekeeping";
import { deliverDueMessages } from "@/lib/notify/deliver";
import { queueReminders } from "@/lib/notify/reminders";
import { closeAttemptsOfCancelledOrders } from "@/lib/payments/close-attempts";
import { expireHolds } from "@/lib/payments/expire-holds";
import { reconcilePendingPayments } from "@/lib/payments/reconcile-pending";
import { sweepWaitlist } from "@/lib/booking/waitlist-offer";

export interface JobTask {
  /** Also the key of its report in the daily run's answer. */
  name: string;
  /** After ordinary requests (runDueWork): at most once per `everyMs` per instance, `limit` at a time. Absent: daily only. */
  afterRequests?: { everyMs: number; limit: number };
  /** The daily cron's batch (runMaintenance). */
  dailyLimit: number;
  run: (args: { now: Date; limit: number }) => Promise<unknown>;
}

/** Telegram re-delivers an unanswered update for a day at most; three days of ids is plenty. */
const KEEP_UPDATES_DAYS = 3;

/**
 * Every piece of background work, in the order both runs do it: expire holds,
 * recover payments whose notification never came, close what a cancel could
 * not close at Midtrans, queue tomorrow's reminders, then send what all of
 * that queued (and the outbox's due retries).
 */
export const JOB_TASKS: readonly JobTask[] = [
  { name: "expiry", afterRequests: { everyMs: 30_000, limit: 5 }, dailyLimit: 200, run: expireHolds },
  // Waitlist offers that ran out pass to the next waiting chat; places left free on waited dates are offered.
  { name: "waitlist", afterRequests: { everyMs: 60_000, limit: 20 }, dailyLimit: 200, run: sweepWaitlist },
  { name: "reconciled", afterRequests: { everyMs: 5 * 60_000, limit: 3 }, dailyLimit: 100, run: reconcilePendingPayments },
  // Cancelled orders whose VA or Snap page could not be closed at Midtrans when they were cancelled.
  { name: "closedAttempts", afterRequests: { everyMs: 5 * 60_000, limit: 3 }, dailyLimit: 100, run: closeAttemptsOfCancelledOrders },
  { name: "reminders", afterRequests: { everyMs: 15 * 60_000, limit: 100 }, dailyLimit: 500, run: queueReminders },
  {
    name: "prunedUpdates",
    dailyLimit: 0,
    run: async ({ now }) => pruneProcessedUpdates(await getDb(), { before: new Date(now.getTime() - KEEP_UPDATES_DAYS * 86_400_000) }),
  },
  // Retries after a 429/5xx from Telegram; messages just queued are sent at once by sendQueuedMessages.
  // Last, and as of the moment it runs, so what the tasks above just queued (an expiry's message) goes out too.
  {
    name: "delivered",
    afterRequests: { everyMs: 60_000, limit: 20 },
    dailyLimit: 200,
    run: ({ now, limit }) => deliverDueMessages({ now: new Date(Math.max(now.getTime(), Date.now())), limit }),
  },
];
