import { transactionBody } from "./shapes";
import { midtransSetup, midtransState, type NotificationRecord, type PlaygroundTransaction } from "./store";

/** Midtrans gives the merchant this long to answer before it counts a failure. */
const NOTIFY_TIMEOUT_MS = 15_000;
/** Midtrans retries a failed notification later (minutes apart); the playground does it in seconds. */
const RETRY_DELAYS_MS = [3_000, 10_000];

export function notificationUrl(): string | undefined {
  return midtransSetup().notificationUrl;
}

/** The HTTP notification for the transaction's current state, signed with the server key. */
export function notificationBody(t: PlaygroundTransaction): Record<string, unknown> {
  return { ...transactionBody(t), status_message: "midtrans payment notification", payment_amounts: [] };
}

async function post(body: Record<string, unknown>, duplicate: boolean, attempt = 1): Promise<NotificationRecord> {
  const state = midtransState();
  const record: NotificationRecord = {
    id: state.notifications.length + 1,
    at: Date.now(),
    order_id: String(body.order_id),
    transaction_status: String(body.transaction_status),
    duplicate: duplicate || attempt > 1,
  };
  state.notifications.push(record);
  const url = notificationUrl();
  if (!url) {
    record.error = "no notification URL";
    return record;
  }
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "user-agent": "Veritrans" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
    });
    record.httpStatus = response.status;
    await response.body?.cancel();
  } catch (error) {
    record.error = error instanceof Error && error.name === "TimeoutError" ? "no answer within 15 s" : "connection failed";
  }
  return record;
}

/**
 * POSTs the notification for the transaction as it is now to the app's
 * notification route — plain JSON, no custom headers, as Midtrans sends it —
 * and logs the app's answer. `duplicate` marks a deliberate re-send of the
 * same news (Midtrans does send duplicates).
 */
export function sendNotification(t: PlaygroundTransaction, { duplicate = false } = {}): Promise<NotificationRecord> {
  return post(notificationBody(t), duplicate);
}

/**
 * The notification Midtrans sends on its own a moment after a change (a Core
 * charge, an expiry, a merchant's cancel), retried when the app does not
 * answer 2xx. Built now, so it tells what happened now.
 */
export function notifyLater(t: PlaygroundTransaction, delayMs = 1_000): void {
  if (!midtransSetup().notifiesOnItsOwn) return;
  const body = notificationBody(t);
  const attempt = (n: number) => {
    const timer = setTimeout(async () => {
      const record = await post(body, false, n);
      const ok = record.httpStatus !== undefined && record.httpStatus < 300;
      if (!ok && n <= RETRY_DELAYS_MS.length) attempt(n + 1);
    }, n === 1 ? delayMs : RETRY_DELAYS_MS[n - 2]);
    timer.unref?.();
  };
  attempt(1);
}

export function notificationsFor(orderId: string): NotificationRecord[] {
  return midtransState().notifications.filter((n) => n.order_id === orderId);
}
