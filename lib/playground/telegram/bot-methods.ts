import { boolParam, intParam, type Params } from "./read-params";
import { botUser, currentWebhook, telegramSetup, telegramState, type WebhookState } from "./store";
import { badRequest, BotApiError, type BotCommand, type TgUpdate } from "./types";

export function getMe() {
  return { ...botUser(), can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false };
}

function scopeKey(params: Params): string {
  const scope = (params.scope ?? { type: "default" }) as { type?: string; chat_id?: unknown };
  const language = typeof params.language_code === "string" ? params.language_code : "";
  const chat = scope.type === "chat" ? `:${String(scope.chat_id)}` : "";
  return `${scope.type ?? "default"}${chat}|${language}`;
}

export function setMyCommands(params: Params): true {
  const commands = params.commands;
  if (!Array.isArray(commands) || commands.length > 100) throw badRequest("commands must be an array of at most 100 BotCommand");
  for (const c of commands as BotCommand[]) {
    if (typeof c?.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw badRequest("BOT_COMMAND_INVALID");
    if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
  }
  telegramState().commands.set(scopeKey(params), (commands as BotCommand[]).map(({ command, description }) => ({ command, description })));
  return true;
}

export function getMyCommands(params: Params): BotCommand[] {
  return telegramState().commands.get(scopeKey(params)) ?? [];
}

export function deleteMyCommands(params: Params): true {
  telegramState().commands.delete(scopeKey(params));
  return true;
}

/** The menu a private chat shows, resolved the way Telegram does: chat, private chats, default; language first. */
export function commandsForChat(chatId: number, languageCode = ""): BotCommand[] {
  const commands = telegramState().commands;
  const keys = [`chat:${chatId}`, "all_private_chats", "default"].flatMap((scope) => [`${scope}|${languageCode}`, `${scope}|`]);
  for (const key of keys) {
    const found = commands.get(key);
    if (found) return found;
  }
  return [];
}

export function setWebhook(params: Params): true {
  const url = typeof params.url === "string" ? params.url.trim() : "";
  const state = telegramState();
  if (boolParam(params, "drop_pending_updates")) state.pendingUpdates = [];
  if (!url) {
    state.webhook = null;
    return true;
  }
  const schemes = telegramSetup().httpsWebhookOnly ? /^https:$/ : /^https?:$/;
  if (!URL.canParse(url) || !schemes.test(new URL(url).protocol)) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  const secret = params.secret_token === undefined ? undefined : String(params.secret_token);
  if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) throw badRequest("secret token contains unallowed characters");
  const maxConnections = params.max_connections === undefined ? 40 : intParam(params, "max_connections");
  const previous = currentWebhook();
  const webhook: WebhookState = {
    url,
    secret,
    maxConnections: Math.min(100, Math.max(1, maxConnections)),
    allowedUpdates: Array.isArray(params.allowed_updates) ? (params.allowed_updates as string[]) : previous?.allowedUpdates,
  };
  state.webhook = webhook;
  return true;
}

export function deleteWebhook(params: Params): true {
  const state = telegramState();
  state.webhook = null;
  if (boolParam(params, "drop_pending_updates")) state.pendingUpdates = [];
  return true;
}

export interface WebhookInfo {
  url: string;
  has_custom_certificate: boolean;
  pending_update_count: number;
  max_connections?: number;
  ip_address?: string;
  allowed_updates?: string[];
  last_error_date?: number;
  last_error_message?: string;
}

export function getWebhookInfo(): WebhookInfo {
  const webhook = currentWebhook();
  const pending = telegramState().pendingUpdates.length;
  if (!webhook) return { url: "", has_custom_certificate: false, pending_update_count: pending };
  return {
    url: webhook.url,
    has_custom_certificate: false,
    pending_update_count: pending,
    max_connections: webhook.maxConnections,
    ip_address: "127.0.0.1",
    ...(webhook.allowedUpdates ? { allowed_updates: webhook.allowedUpdates } : {}),
    ...(webhook.lastErrorDate ? { last_error_date: webhook.lastErrorDate, last_error_message: webhook.lastErrorMessage } : {}),
  };
}

const MAX_POLL_SECONDS = 25;

/** Long polling, for a bot run with `npm run bot:poll` against the playground (only while no webhook is set). */
export async function getUpdates(params: Params, signal?: AbortSignal): Promise<TgUpdate[]> {
  if (currentWebhook()) {
    throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  const state = telegramState();
  const offset = params.offset === undefined ? undefined : intParam(params, "offset");
  if (offset !== undefined) state.pendingUpdates = state.pendingUpdates.filter((u) => u.update_id >= offset);
  const limit = params.limit === undefined ? 100 : Math.min(100, Math.max(1, intParam(params, "limit")));
  const timeout = params.timeout === undefined ? 0 : Math.min(MAX_POLL_SECONDS, Math.max(0, intParam(params, "timeout")));
  const deadline = Date.now() + timeout * 1000;
  while (state.pendingUpdates.length === 0 && Date.now() < deadline && !signal?.aborted) {
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        state.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.min(1_000, deadline - Date.now()));
      state.waiters.add(wake);
    });
  }
  return state.pendingUpdates.slice(0, limit);
}
