import type { Update } from "telegraf/types";
import { isTransientDbError } from "@/db";
import { BotNotConfiguredError, getBot, type Bot } from "./create-bot";
import { apologize, processUpdate, type FollowUp, type ProcessedUpdate } from "./process-update";

/**
 * ok: done (or deliberately ignored) – answer 200.
 * retry: the database could not do it now, nothing was kept – answer 503 so Telegram retries.
 * invalid: not an update at all – 400.
 */
export type UpdateOutcome = "ok" | "retry" | "invalid";

export interface HandledUpdate {
  outcome: UpdateOutcome;
  /**
   * The customer's messages of a committed update, to be sent once Telegram has
   * its answer (the webhook route runs it after the response; polling right away).
   * It never rejects: what Telegram cannot take now goes to the outbox.
   */
  followUp?: FollowUp;
}

/** An update is a few kB (a message is at most 4096 characters); a body far past that is not from Telegram. */
export const MAX_UPDATE_BYTES = 256 * 1024;

/** Webhook functions have 15 s (vercel.json); an update's transaction that takes longer is answered "retry" and left to finish. */
const HANDLER_TIMEOUT_MS = 12_000;

function isUpdate(body: unknown): body is Update {
  return typeof body === "object" && body !== null && Number.isSafeInteger((body as { update_id?: unknown }).update_id);
}

class UpdateTimeout extends Error {}

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UpdateTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Takes one update from Telegram (webhook or polling) through the bot. A poison
 * update (a bug, bad data) must not hold the chat's later updates back for a
 * day, so anything but a transient database failure is logged with the update
 * id, apologised for, and reported as done.
 */
export async function handleTelegramUpdate(body: unknown): Promise<HandledUpdate> {
  if (!isUpdate(body)) return { outcome: "invalid" };
  let bot: Bot;
  try {
    bot = await getBot();
  } catch (error) {
    if (error instanceof BotNotConfiguredError || isTransientDbError(error)) {
      console.error(`[bot] update ${body.update_id} not handled now: ${(error as Error).message}`);
      return { outcome: "retry" };
    }
    throw error;
  }
  // What processUpdate answered, once it has: read when the handler's time runs out first.
  let processed: ProcessedUpdate | undefined;
  const work = processUpdate(body, { api: bot.api, botUsername: bot.username }).then((result) => (processed = result));
  try {
    const result = await withinTime(work, HANDLER_TIMEOUT_MS);
    return { outcome: "ok", followUp: result.committed ? result.followUp : undefined };
  } catch (error) {
    if (error instanceof UpdateTimeout) return slowUpdate(body.update_id, work, processed?.committed === true);
    if (isTransientDbError(error)) {
      console.error(`[bot] update ${body.update_id}: database unavailable, Telegram will retry: ${(error as Error).message}`);
      return { outcome: "retry" };
    }
    console.error(`[bot] update ${body.update_id} failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
    // The apology is a courtesy: whatever it meets, the update is done.
    await apologize(bot.api, body).catch((failure: unknown) =>
      console.error(`[bot] update ${body.update_id}: no apology sent: ${(failure as Error).message}`),
    );
    return { outcome: "ok" };
  }
}

/**
 * The update's transaction outlived the handler's time; its work goes on. Not
 * committed yet: Telegram's retry waits on the update's claim and finds it done
 * or starts clean. Either way, once it commits, its messages follow.
 */
function slowUpdate(updateId: number, work: Promise<ProcessedUpdate>, done: boolean): HandledUpdate {
  console.error(`[bot] update ${updateId} is slow (${done ? "committed, finishing in the background" : "not committed yet, Telegram will retry"})`);
  const followUp = () =>
    work.then(
      (result) => (result.committed ? result.followUp() : undefined),
      (error: unknown) => console.error(`[bot] slow update ${updateId} failed after its answer: ${(error as Error).message}`),
    );
  return { outcome: done ? "ok" : "retry", followUp };
}
