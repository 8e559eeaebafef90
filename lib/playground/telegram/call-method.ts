import { secretsMatch } from "@/lib/http/secrets";
import * as bot from "./bot-methods";
import * as files from "./file-methods";
import * as messages from "./message-methods";
import { readParams, type Params } from "./read-params";
import { telegramSetup } from "./store";
import { BotApiError } from "./types";

type Method = (params: Params, signal?: AbortSignal) => unknown;

/** The Bot API methods the stand-in answers; method names are case-insensitive, like Telegram's. */
const METHODS: Record<string, Method> = Object.fromEntries(
  Object.entries({
    getMe: bot.getMe,
    setMyCommands: bot.setMyCommands,
    getMyCommands: bot.getMyCommands,
    deleteMyCommands: bot.deleteMyCommands,
    setWebhook: bot.setWebhook,
    deleteWebhook: bot.deleteWebhook,
    getWebhookInfo: bot.getWebhookInfo,
    getUpdates: bot.getUpdates,
    setChatMenuButton: () => true,
    sendMessage: messages.sendMessage,
    editMessageText: messages.editMessageText,
    editMessageReplyMarkup: messages.editMessageReplyMarkup,
    deleteMessage: messages.deleteMessage,
    answerCallbackQuery: messages.answerCallbackQuery,
    sendChatAction: messages.sendChatAction,
    getFile: files.getFile,
  } satisfies Record<string, Method>).map(([name, fn]) => [name.toLowerCase(), fn]),
);

export type BotApiAnswer = { ok: true; result: unknown } | { ok: false; error_code: number; description: string };

/** Runs one Bot API method and answers in the Bot API's envelope. */
export async function callMethod(method: string, params: Params, signal?: AbortSignal): Promise<BotApiAnswer> {
  const run = METHODS[method.toLowerCase()];
  if (!run) return { ok: false, error_code: 404, description: "Not Found" };
  try {
    return { ok: true, result: await run(params, signal) };
  } catch (error) {
    if (error instanceof BotApiError) return { ok: false, error_code: error.errorCode, description: error.description };
    throw error;
  }
}

/**
 * POST|GET /playground/telegram/bot<token>/<method>: the token must be the
 * configured one (else 401 Unauthorized, as Telegram answers), parameters come
 * as JSON, a form or a query string, and the answer carries the Bot API's
 * HTTP status (200, 400, 401, 403, 404, 409).
 */
export async function handleBotApiRequest(request: Request, botSegment: string, method: string): Promise<Response> {
  const token = botSegment.startsWith("bot") ? botSegment.slice(3) : "";
  if (!secretsMatch(token, telegramSetup().token)) {
    return Response.json({ ok: false, error_code: 401, description: "Unauthorized" }, { status: 401 });
  }
  let answer: BotApiAnswer;
  try {
    answer = await callMethod(method, await readParams(request), request.signal);
  } catch (error) {
    if (!(error instanceof BotApiError)) throw error;
    answer = { ok: false, error_code: error.errorCode, description: error.description };
  }
  return Response.json(answer, { status: answer.ok ? 200 : answer.error_code });
}
