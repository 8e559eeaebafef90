import type { Telegram } from "telegraf";
import { getEnv } from "@/lib/env";
import { getBotApi } from "@/lib/telegram/bot-api";
import { resolveBotIdentity } from "./bot-identity";

/** What handling an update needs of the bot: its Bot API client and its username (for /cmd@bot in groups). */
export interface Bot {
  api: Telegram;
  username: string;
}

const holder = globalThis as unknown as { __jiotBot?: { key: string; bot: Promise<Bot> } };

/** The process's bot, resolved once per token, Bot API root and username (tests and the playground switch roots). */
export function getBot(): Promise<Bot> {
  const env = getEnv();
  if (!env.TELEGRAM_BOT_TOKEN) return Promise.reject(new BotNotConfiguredError());
  const key = `${env.TELEGRAM_BOT_TOKEN}@${env.TELEGRAM_API_ROOT}@${env.TELEGRAM_BOT_USERNAME ?? ""}`;
  if (holder.__jiotBot?.key !== key) {
    const bot = resolveBotIdentity().then((me) => ({ api: getBotApi(), username: me.username }));
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
