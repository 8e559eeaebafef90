import type { Update } from "telegraf/types";
import { handleTelegramUpdate } from "@/lib/bot/handle-update";
import { registerBotCommands, ALLOWED_UPDATES } from "./webhook-admin";
import { callBotApi, getBotApi } from "./bot-api";
import { deliverDueMessages } from "@/lib/notify/deliver";
import { runDueWork } from "@/lib/jobs/due-work";

/** How long Telegram may hold a getUpdates open waiting for an update (long polling). */
const POLL_TIMEOUT_S = 25;
/** The least time between two getUpdates that come back empty, doubled on each further quick or failed answer… */
export const MIN_POLL_GAP_MS = 1_000;
/** …up to this. */
export const MAX_POLL_GAP_MS = 30_000;

/** Resolves after `ms`, or at once when `signal` aborts, so Ctrl+C never waits out a back-off. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Long polling in place of the webhook: deleteWebhook, then getUpdates in a
 * loop, each update through handleTelegramUpdate. An update answered "retry"
 * (database away) is not confirmed, so the next getUpdates returns it again.
 * Returns how many updates were handled once `signal` aborts.
 *
 * Telegram holds an empty getUpdates for `timeout` seconds, but a server that
 * ignores it (a stand-in, a proxy, a Bot API server in trouble) answers empty at
 * once, and a bare loop would then call it hundreds of times a second. So an
 * empty answer that came back sooner than the poll timeout, or a failure, waits
 * MIN_POLL_GAP_MS, doubling while it keeps happening.
 */
export async function pollBotUpdates({ signal, timeoutS = POLL_TIMEOUT_S }: { signal: AbortSignal; timeoutS?: number }): Promise<number> {
  const api = getBotApi();
  await api.deleteWebhook();
  await registerBotCommands();
  let offset = 0;
  let handled = 0;
  let gapMs = 0;
  const backOff = () => (gapMs = Math.min(MAX_POLL_GAP_MS, Math.max(MIN_POLL_GAP_MS, gapMs * 2)));
  while (!signal.aborted) {
    let updates: Update[];
    const askedAt = Date.now();
    try {
      updates = await callBotApi(
        api,
        { method: "getUpdates", params: { offset, timeout: timeoutS, allowed_updates: [...ALLOWED_UPDATES] } },
        { timeoutMs: (timeoutS + 10) * 1000, signal },
      );
    } catch (error) {
      if (signal.aborted) break;
      backOff();
      console.error(`[poll] getUpdates failed: ${(error as Error).message}; retrying in ${gapMs / 1000} s`);
      await pause(gapMs, signal);
      continue;
    }
    const quickAndEmpty = updates.length === 0 && Date.now() - askedAt < timeoutS * 1000;
    gapMs = quickAndEmpty ? backOff() : 0;
    for (const update of updates) {
      const { outcome, followUp } = await handleTelegramUpdate(update);
      await followUp?.();
      if (outcome === "retry") {
        await pause(2_000, signal);
        break;
      }
      offset = update.update_id + 1;
      handled++;
    }
    // No cron on a laptop: retry what the outbox holds between polls.
    await deliverDueMessages({ limit: 20 }).catch((error: unknown) => console.error(`[poll] outbox: ${(error as Error).message}`));
    // And the rest of the due work (holds that ran out, lost notifications, reminders), each at its own pace.
    await runDueWork();
    if (gapMs > 0) await pause(gapMs, signal);
  }
  return handled;
}
