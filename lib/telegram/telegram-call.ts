import type { Opts, Telegram as BotApiMethods } from "telegraf/types";

/** A Bot API method name: sendMessage, editMessageText, answerCallbackQuery … */
export type BotApiMethod = keyof BotApiMethods;

/** What the Bot API answers to `M`. */
export type BotApiResult<M extends BotApiMethod> = ReturnType<BotApiMethods[M]>;

/** One call of `M` with its parameters as the Bot API types them. */
export interface BotApiCall<M extends BotApiMethod> {
  method: M;
  params: Opts<M>;
}

/**
 * One Bot API call as data: what a handler asks to be sent and what the outbox
 * stores. A union over the methods, so `{ method: "sendMessage", params }` has
 * its params checked against sendMessage's.
 */
export type TelegramCall<M extends BotApiMethod = BotApiMethod> = { [K in M]: BotApiCall<K> }[M];

/** The chat a call is addressed to, when it names one by its numeric id. */
export function chatIdOf(call: TelegramCall): number | undefined {
  const chatId: unknown = "chat_id" in call.params ? call.params.chat_id : undefined;
  return typeof chatId === "number" ? chatId : undefined;
}

/**
 * A call read back from the outbox (JSON written by enqueueTelegramCall). Its
 * shape is checked here, once; that its params suit the method is for the Bot
 * API to say, as it does for any call. Undefined when it is not a call at all.
 */
export function readTelegramCall(payload: unknown): TelegramCall | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const { method, params } = payload as { method?: unknown; params?: unknown };
  if (typeof method !== "string" || !/^[a-z][A-Za-z]*$/.test(method)) return undefined;
  if (typeof params !== "object" || params === null || Array.isArray(params)) return undefined;
  return { method, params } as TelegramCall;
}
