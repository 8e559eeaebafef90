import { getDb } from "@/db";
import { pruneProcessedUpdates } from "@/db/queries/housekeeping";
import { deliverDueMessages } from "@/lib/notify/deliver";
import { closeAttemptsOfCancelledOrders } from "@/lib/payments/close-attempts";
import { expireHolds } from "@/lib/payments/expire-holds";
import { reconcilePendingPayments } from "@/lib/payments/reconcile-pending";
import { queueReminders } from "@/lib/payments/reminders";

/** Telegram re-delivers an unanswered update for a day at most; three days of ids is plenty. */
const KEEP_UPDATES_DAYS = 3;

/**
 * The daily backstop (Vercel Hobby runs a cron once a day): expire holds,
 * recover payments whose notification never came, queue tomorrow's reminders,
 * forget old Telegram update ids, then send what all of that queued (and
 * the outbox's due retries). The same work is picked up in small batches
 * after ordinary requests (runDueWork), so nothing waits a day for this.
 */
export async function runMaintenance({ now = new Date() }: { now?: Date } = {}) {
  const expiry = await expireHolds({ now, limit: 200 });
  const reconciled = await reconcilePendingPayments({ now, limit: 100 });
  const closedAttempts = await closeAttemptsOfCancelledOrders({ now, limit: 100 });
  const reminders = await queueReminders({ now });
  const pruned = await pruneProcessedUpdates(await getDb(), { before: new Date(now.getTime() - KEEP_UPDATES_DAYS * 86_400_000) });
  const delivered = await deliverDueMessages({ now, limit: 200 });
  return { expiry, reconciled, closedAttempts, reminders, prunedUpdates: pruned, delivered };
}
