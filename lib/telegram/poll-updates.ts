import { handleTelegramUpdate } from "@/lib/bot/handle-update";
import { registerBotCommands, ALLOWED_UPDATES } from "./webhook-admin";
import { callBotApi, getBotApi } from "./bot-api";
import { deliverDueMessages } from "@/lib/notify/deliver";

interface PolledUpdate {
  update_id: number;
}

const POLL_TIMEOUT_S = 25;

/**
 * Long polling in place of the webhook: deleteWebhook, then getUpdates in a
 * loop, each update through handleTelegramUpdate. An update answered "retry"
 * (database away) is not confirmed, so the next getUpdates returns it again.
 * Returns how many updates were handled once `signal` aborts.
 */
export async function pollBotUpdates({ signal, timeoutS = POLL_TIMEOUT_S }: { signal: AbortSignal; timeoutS?: number }): Promise<number> {
  const api = getBotApi();
  await api.deleteWebhook();
  await registerBotCommands();
  let offset = 0;
  let handled = 0;
  while (!signal.aborted) {
    let updates: PolledUpdate[];
    try {
      updates = await callBotApi<PolledUpdate[]>(
        api,
        { method: "getUpdates", params: { offset, timeout: timeoutS, allowed_updates: [...ALLOWED_UPDATES] } },
        { timeoutMs: (timeoutS + 10) * 1000, signal },
      );
    } catch (error) {
      if (signal.aborted) break;
      console.error(`[poll] getUpdates failed: ${(error as Error).message}; retrying in 3 s`);
      await new Promise((r) => setTimeout(r, 3_000));
      continue;
    }
    for (const update of updates) {
      const { outcome, followUp } = await handleTelegramUpdate(update);
      await followUp?.();
      if (outcome === "retry") {
        await new Promise((r) => setTimeout(r, 2_000));
        break;
      }
      offset = update.update_id + 1;
      handled++;
    }
    // No cron on a laptop: retry what the outbox holds between polls.
    await deliverDueMessages({ limit: 20 }).catch((error: unknown) => console.error(`[poll] outbox: ${(error as Error).message}`));
  }
  return handled;
}
