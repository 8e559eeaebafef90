import type { Update } from "telegraf/types";
import { isTransientDbError } from "@/db";
import { BotNotConfiguredError, getBot } from "./create-bot";
import { apologize, takeCommitted } from "./process-update";

/**
 * ok: done (or deliberately ignored) – answer 200.
 * retry: the database could not do it now, nothing was kept – answer 503 so Telegram retries.
 * invalid: not an update at all – 400.
 */
export type UpdateOutcome = "ok" | "retry" | "invalid";

/** An update is a few kB (a message is at most 4096 characters); a body far past that is not from Telegram. */
export const MAX_UPDATE_BYTES = 256 * 1024;

function isUpdate(body: unknown): body is Update {
  return typeof body === "object" && body !== null && Number.isSafeInteger((body as { update_id?: unknown }).update_id);
}

/**
 * Takes one update from Telegram (webhook or polling) through the bot. A poison
 * update (a bug, bad data) must not hold the chat's later updates back for a
 * day, so anything but a transient database failure is logged with the update
 * id, apologised for, and reported as done.
 */
export async function handleTelegramUpdate(body: unknown): Promise<UpdateOutcome> {
  if (!isUpdate(body)) return "invalid";
  let bot;
  try {
    bot = await getBot();
  } catch (error) {
    if (error instanceof BotNotConfiguredError || isTransientDbError(error)) {
      console.error(`[bot] update ${body.update_id} not handled now: ${(error as Error).message}`);
      return "retry";
    }
    throw error;
  }
  try {
    await bot.handleUpdate(body);
    takeCommitted(body.update_id);
    return "ok";
  } catch (error) {
    if (isTransientDbError(error)) {
      console.error(`[bot] update ${body.update_id}: database unavailable, Telegram will retry: ${(error as Error).message}`);
      return "retry";
    }
    if ((error as Error).name === "TimeoutError") {
      // telegraf stopped waiting; the update's work goes on. Committed: it is done (its messages are
      // on their way or in the outbox), so no apology. Not yet: Telegram's retry waits on its claim.
      const done = takeCommitted(body.update_id);
      console.error(`[bot] update ${body.update_id} is slow (${done ? "committed, finishing in the background" : "not committed yet, Telegram will retry"})`);
      return done ? "ok" : "retry";
    }
    console.error(`[bot] update ${body.update_id} failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
    // The apology is a courtesy: whatever it meets, the update is done.
    await apologize(bot.telegram, body).catch((failure: unknown) =>
      console.error(`[bot] update ${body.update_id}: no apology sent: ${(failure as Error).message}`),
    );
    return "ok";
  }
}
