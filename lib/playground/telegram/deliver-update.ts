import { callMethod } from "./call-method";
import { addNotice, currentWebhook, telegramState, type ChatRecord } from "./store";
import type { TgUpdate } from "./types";

/** Telegram gives a webhook about this long before it counts the attempt as failed. */
const WEBHOOK_TIMEOUT_MS = 60_000;
/** Methods Telegram ignores in a webhook reply (their result could never be read). */
const NOT_IN_WEBHOOK_REPLY = /^(get|setwebhook$|deletewebhook$)/i;

export interface Delivery {
  /** The webhook's HTTP status, or undefined when none is set (the update waits for getUpdates). */
  status?: number;
  error?: string;
}

/** A 2xx answer may carry one method call, which Telegram then performs (Bot API "making requests when getting updates"). */
async function runWebhookReply(response: Response): Promise<void> {
  if (!(response.headers.get("content-type") ?? "").includes("application/json")) return;
  const body = (await response.json().catch(() => undefined)) as { method?: unknown } | undefined;
  if (!body || typeof body.method !== "string" || NOT_IN_WEBHOOK_REPLY.test(body.method)) return;
  const { method, ...params } = body;
  await callMethod(method as string, params);
}

async function post(update: TgUpdate, record: ChatRecord): Promise<Delivery> {
  const webhook = currentWebhook();
  if (!webhook) {
    telegramState().pendingUpdates.push(update);
    addNotice(record, "Webhook belum dipasang: pembaruan menunggu getUpdates (npm run bot:poll) atau setWebhook.");
    return {};
  }
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (webhook.secret) headers["x-telegram-bot-api-secret-token"] = webhook.secret;
  let response: Response;
  try {
    response = await fetch(webhook.url, { method: "POST", headers, body: JSON.stringify(update), signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
  } catch (error) {
    const message = error instanceof Error && error.name === "TimeoutError" ? "Read timeout expired" : "Connection refused";
    return fail(webhook, record, message);
  }
  if (response.ok) {
    await runWebhookReply(response);
    return { status: response.status };
  }
  await response.body?.cancel();
  return { status: response.status, ...(await fail(webhook, record, `Wrong response from the webhook: ${response.status} ${response.statusText}`)) };
}

async function fail(webhook: NonNullable<ReturnType<typeof currentWebhook>>, record: ChatRecord, message: string): Promise<Delivery> {
  webhook.lastErrorDate = Math.floor(Date.now() / 1000);
  webhook.lastErrorMessage = message;
  telegramState().webhook = webhook;
  addNotice(record, `Bot tidak menerima pesan ini (${message}). Telegram akan mencoba lagi nanti; di playground, kirim ulang.`);
  return { error: message };
}

/**
 * Posts an update to the bot's webhook the way Telegram does — JSON body,
 * X-Telegram-Bot-Api-Secret-Token header — one at a time per chat. Telegram
 * would retry a failed update for up to a day; the playground shows the
 * failure in the chat instead, and the person can send again.
 */
export function deliverUpdate(update: TgUpdate, record: ChatRecord): Promise<Delivery> {
  const result = record.delivery.then(() => post(update, record));
  record.delivery = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}
