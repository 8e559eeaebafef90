import { getDb, type Database } from "@/db";
import { claimOutboxMessages, markOutboxFailed, markOutboxSent, rescheduleOutbox } from "@/db/queries/outbox";
import type { OutboxMessage } from "@/db/schema";
import { callBotApi, classifyBotApiError, getBotApi } from "@/lib/telegram/bot-api";
import { readTelegramCall } from "@/lib/telegram/telegram-call";

export interface DeliveryReport {
  sent: number;
  failed: number;
  retried: number;
}

/** After this many attempts a message is given up (failed_at set) and stays for staff to see. */
export const MAX_DELIVERY_ATTEMPTS = 8;
/** How long a claimed row stays ours while we talk to Telegram; a crashed sender's rows come back after it. */
const CLAIM_MS = 60_000;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 30 * 60_000;

/** 5 s, 10 s, 20 s … capped at 30 min, with ±20 % jitter so instances do not retry in step. */
export function backoffDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

async function deliverOne(db: Database, message: OutboxMessage, now: Date): Promise<keyof DeliveryReport> {
  const call = readTelegramCall(message.payload);
  if (!call) {
    console.error(`[outbox] message ${message.id} (${message.dedupeKey}) is not a Bot API call – giving up`);
    await markOutboxFailed(db, { id: message.id, now: new Date(), error: "not a Bot API call" });
    return "failed";
  }
  try {
    await callBotApi(getBotApi(), call);
    await markOutboxSent(db, { id: message.id, now: new Date() });
    return "sent";
  } catch (error) {
    const failure = classifyBotApiError(error);
    if (failure.kind === "not_modified") {
      await markOutboxSent(db, { id: message.id, now: new Date() });
      return "sent";
    }
    const giveUp = failure.kind === "permanent" || message.attempts >= MAX_DELIVERY_ATTEMPTS;
    console.error(`[outbox] message ${message.id} (${message.dedupeKey}) attempt ${message.attempts}: ${failure.message}${giveUp ? " – giving up" : ""}`);
    if (giveUp) {
      await markOutboxFailed(db, { id: message.id, now: new Date(), error: failure.message });
      return "failed";
    }
    const delay = failure.kind === "rate_limited" ? failure.retryAfterS * 1000 : backoffDelayMs(message.attempts);
    await rescheduleOutbox(db, { id: message.id, nextAt: new Date(now.getTime() + delay), error: failure.message });
    return "retried";
  }
}

async function deliverClaimed(db: Database, claimed: OutboxMessage[], now: Date): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, retried: 0 };
  // One after another: messages to one chat keep their order, and a burst stays under Telegram's rate.
  for (const message of claimed) report[await deliverOne(db, message, now)]++;
  return report;
}

/**
 * Sends the outbox messages that are due, at most `limit` of them, safely
 * beside other instances doing the same. A 429 is retried after Telegram's
 * retry_after, a 5xx or network error with exponential backoff, any other
 * refusal is given up at once (failed_at).
 */
export async function deliverDueMessages({ limit = 50, now = new Date() }: { limit?: number; now?: Date } = {}): Promise<DeliveryReport> {
  const db = await getDb();
  const claimed = await claimOutboxMessages(db, { limit, now, lockMs: CLAIM_MS });
  return deliverClaimed(db, claimed, now);
}

/** What a request just queued (notifyOrderEvent), sent once its answer has gone out (afterResponse). */
export const sendQueuedMessages = () => deliverDueMessages({ limit: 20 });

/**
 * Sends the given just-queued messages now, right after the transaction that
 * queued them commits. One that another sender holds, or that was sent, is skipped.
 */
export async function deliverOutboxMessages({
  dedupeKeys,
  now = new Date(),
}: {
  dedupeKeys: string[];
  now?: Date;
}): Promise<DeliveryReport> {
  if (dedupeKeys.length === 0) return { sent: 0, failed: 0, retried: 0 };
  const db = await getDb();
  const claimed = await claimOutboxMessages(db, { limit: dedupeKeys.length, now, lockMs: CLAIM_MS, dedupeKeys });
  return deliverClaimed(db, claimed, now);
}
