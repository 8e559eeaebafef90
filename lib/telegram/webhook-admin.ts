import { getEnv } from "@/lib/env";
import { TEXTS_EN } from "@/lib/bot/texts-en";
import { TEXTS_ID } from "@/lib/bot/texts-id";
import { getBotApi } from "./bot-api";

export const WEBHOOK_PATH = "/api/telegram/webhook";
/** Only what the bot handles: everything else would be sent, answered 200 and thrown away. */
export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

/** The webhook of the current environment: always this deployment's APP_URL, so a preview never takes the production bot. */
export function webhookUrl(): string {
  return `${getEnv().APP_URL}${WEBHOOK_PATH}`;
}

/** The command menu in Telegram's UI: Indonesian by default and for Indonesian clients, English for English ones. */
export async function registerBotCommands(): Promise<void> {
  const api = getBotApi();
  await api.setMyCommands(TEXTS_ID.commands);
  await api.setMyCommands(TEXTS_ID.commands, { language_code: "id" });
  await api.setMyCommands(TEXTS_EN.commands, { language_code: "en" });
}

/** Points Telegram at this deployment's webhook with the secret token, and registers the commands. */
export async function setBotWebhook({ dropPendingUpdates = false }: { dropPendingUpdates?: boolean } = {}): Promise<string> {
  const secret = getEnv().TELEGRAM_WEBHOOK_SECRET;
  if (!secret) throw new Error("TELEGRAM_WEBHOOK_SECRET is not configured: the webhook would accept anyone's updates");
  const url = webhookUrl();
  await getBotApi().setWebhook(url, {
    secret_token: secret,
    allowed_updates: [...ALLOWED_UPDATES],
    drop_pending_updates: dropPendingUpdates,
  });
  await registerBotCommands();
  return url;
}

export async function removeBotWebhook({ dropPendingUpdates = false }: { dropPendingUpdates?: boolean } = {}): Promise<void> {
  await getBotApi().deleteWebhook({ drop_pending_updates: dropPendingUpdates });
}

export async function getBotWebhookInfo() {
  return getBotApi().getWebhookInfo();
}
