import type { Database } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { countRejection } from "@/db/queries/notification-rejects";

/**
 * What is kept of a refused notification. Anyone can post to the notification
 * URL, so an unsigned body earns a short excerpt, not a copy, and repeats are
 * counted rather than stored: per sender address and verdict a few rows per
 * window, and per window a ceiling over all addresses together (the address is
 * the sender's own X-Forwarded-For, free to change on every request).
 */
export const REJECT_WINDOW_MS = 10 * 60_000;
export const ROWS_PER_SENDER = 5;
export const ROWS_PER_WINDOW = 100;
const EXCERPT_FIELDS = ["order_id", "transaction_status", "status_code", "fraud_status", "gross_amount"] as const;
const EXCERPT_CHARS = 200;

/** order_id, statuses and amount as sent, at most 200 characters in all; nothing else (never signature_key). */
export function notificationExcerpt(body: unknown): Record<string, string> | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return null;
  const excerpt: Record<string, string> = {};
  let left = EXCERPT_CHARS;
  for (const field of EXCERPT_FIELDS) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value !== "string" || left <= 0) continue;
    excerpt[field] = value.slice(0, Math.min(64, left));
    left -= excerpt[field].length;
  }
  return excerpt;
}

export interface Rejection {
  verdict: string;
  reason?: string;
  /** The order id it named, or "-". */
  entityId: string;
  excerpt: Record<string, string> | null;
  /** Bytes received, when the body could not be read as a notification. */
  bytes?: number;
  ip?: string | null;
  now: Date;
}

const ACTOR = "midtrans";

function audit(db: Database, action: string, entityId: string, after: Record<string, unknown>, ip?: string | null) {
  return insertAuditEntry(db, { actor: ACTOR, entity: "payment_notification", entityId: entityId.slice(0, 64), action, after, ip });
}

function rejectedRow(db: Database, r: Rejection, repeat: number) {
  return audit(
    db,
    "payment.notification_rejected",
    r.entityId,
    {
      verdict: r.verdict,
      ...(r.reason ? { reason: r.reason } : {}),
      notification: r.excerpt,
      ...(r.bytes !== undefined ? { bytes: r.bytes } : {}),
      ...(repeat > 1 ? { repeat } : {}),
    },
    r.ip,
  );
}

/** Counts under `key`; writes the "counting from now on" row when it passes `cap`, and the sum when its window has ended. */
async function count(db: Database, key: string, cap: number, r: Rejection): Promise<number> {
  const counted = await countRejection(db, { key, now: r.now, windowMs: REJECT_WINDOW_MS });
  if (counted.hits === 1 && counted.endedWindowHits !== null && counted.endedWindowHits > cap) {
    await audit(db, "payment.notifications_rejected_counted", "-", { key, rejected: counted.endedWindowHits, stored: cap, windowEnded: true }, r.ip);
  }
  if (counted.hits === cap + 1) {
    await audit(db, "payment.notifications_rejected_counted", "-", { key, rejected: counted.hits, stored: cap, countingUntil: counted.resetAt.toISOString() }, r.ip);
  }
  return counted.hits;
}

/** A refused notification nobody vouched for (unsigned, unknown order, tampered): excerpted and capped. */
export async function recordUnvouchedRejection(db: Database, r: Rejection): Promise<void> {
  const overall = await count(db, "midtrans-rejects:all", ROWS_PER_WINDOW, r);
  if (overall > ROWS_PER_WINDOW) return;
  const sender = await count(db, `midtrans-rejects:${(r.ip ?? "unknown").slice(0, 64)}:${r.verdict}`, ROWS_PER_SENDER, r);
  if (sender <= ROWS_PER_SENDER) await rejectedRow(db, r, sender);
}

/** A refused notification that carried a valid signature (amount, Status API): one short row each. */
export async function recordSignedRejection(db: Database, r: Rejection): Promise<void> {
  await rejectedRow(db, r, 1);
}
