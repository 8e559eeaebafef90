import { Telegraf } from "telegraf";
import { getEnv } from "@/lib/env";
import { telegrafApiRoot } from "@/lib/telegram/bot-api";
import { resolveBotIdentity } from "./bot-identity";
import { processUpdate } from "./process-update";

const holder = globalThis as unknown as { __jiotBot?: { key: string; bot: Promise<Telegraf> } };

/** Webhook functions have 15 s (vercel.json); leave room to answer. */
const HANDLER_TIMEOUT_MS = 12_000;

async function createBot(token: string, apiRoot: string): Promise<Telegraf> {
  const bot = new Telegraf(token, { telegram: { apiRoot: telegrafApiRoot(apiRoot) }, handlerTimeout: HANDLER_TIMEOUT_MS });
  bot.botInfo = await resolveBotIdentity();
  const botUsername = bot.botInfo.username;
  bot.use((ctx) => processUpdate(ctx.update, { api: ctx.telegram, botUsername }));
  // Errors go to the caller (handleTelegramUpdate), which decides between 503 and an apology;
  // telegraf's default handler would log the whole update, customer's details included.
  bot.catch((error) => {
    throw error;
  });
  return bot;
}

/** The process's bot, built once per token and Bot API root (tests and the playground switch roots). */
export function getBot(): Promise<Telegraf> {
  const env = getEnv();
  if (!env.TELEGRAM_BOT_TOKEN) return Promise.reject(new BotNotConfiguredError());
  const key = `${env.TELEGRAM_BOT_TOKEN}@${env.TELEGRAM_API_ROOT}@${env.TELEGRAM_BOT_USERNAME ?? ""}`;
  if (holder.__jiotBot?.key !== key) {
    const bot = createBot(env.TELEGRAM_BOT_TOKEN, env.TELEGRAM_API_ROOT);
    holder.__jiotBot = { key, bot };
    bot.catch(() => {
      if (holder.__jiotBot?.bot === bot) holder.__jiotBot = undefined;
    });
  }
  return holder.__jiotBot.bot;
}

export class BotNotConfiguredError extends Error {
  constructor() {
    super("TELEGRAM_BOT_TOKEN is not configured");
    this.name = "BotNotConfiguredError";
  }
}
