import { handleBotApiRequest } from "@/lib/playground/telegram/call-method";
import { downloadFile } from "@/lib/playground/telegram/file-methods";
import { readParams } from "@/lib/playground/telegram/read-params";
import {
  addCustomerMessage,
  chatRecord,
  createTelegramState,
  touch,
  withTelegramState,
  type StoredMessage,
  type TelegramState,
} from "@/lib/playground/telegram/store";
import type { TgUpdate } from "@/lib/playground/telegram/types";
import { applyFault, FaultQueue, type FaultEffect } from "./fault-layer";
import { serveFake } from "./serve-fake";

/**
 * The playground's Telegram Bot API (lib/playground/telegram) on a state of
 * its own, served on 127.0.0.1 by node:http: it answers /bot<token>/<method>
 * in the Bot API's shapes and keeps the chats as the customer would see them
 * (messages edited in place, keyboards removed). In front of it, this adapter
 * records every call and can make the next calls fail, wait or hang. Point the
 * app at it with TELEGRAM_API_ROOT = standIn.url.
 *
 *   const tg = await startTelegramStandIn();
 *   overrideEnv({ TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url });
 *   tg.failNext(1, { status: 429, retryAfter: 3 }, { method: "sendMessage" });
 *   tg.chat(5550001)  // what the customer sees
 *   await tg.close();
 */

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

/** A button of a reply keyboard (under the text field); request_contact shares the user's own contact. */
export interface ReplyButton {
  text: string;
  request_contact?: boolean;
}

export interface ChatMessage {
  messageId: number;
  chatId: number;
  fromBot: boolean;
  text: string;
  /** Rows of buttons currently under the message ([] when none). */
  keyboard: InlineButton[][];
  date: number;
  edited: boolean;
}

/**
 * delayMs: answers (and acts) late. hangMs: holds the request that long, then drops the
 * connection without answering or acting: longer than the client waits, it is a timeout.
 */
export type Fault =
  | { status: 429; retryAfter?: number }
  | { status: 500 | 502 | 503 | 504 }
  | { status: 400 | 403; description: string }
  | { delayMs: number }
  | { hangMs: number };

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** What the stand-in answered: the Bot API body and HTTP status. */
  status: number;
  answer: ApiAnswer;
  fault?: Fault;
  at: number;
}

export type ApiAnswer =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

export interface WebhookState {
  url: string;
  secret_token?: string;
  allowed_updates?: string[];
  max_connections?: number;
}

export interface TelegramStandIn {
  /** The apiRoot: http://127.0.0.1:<port> */
  readonly url: string;
  readonly token: string;
  readonly bot: { id: number; username: string; first_name: string };
  readonly calls: RecordedCall[];
  callsOf(method: string): RecordedCall[];
  /** The next `count` calls (of `method`, if given) get this fault instead of their answer. */
  failNext(count: number, fault: Fault, options?: { method?: string }): void;
  /** Forgets the faults not yet used: the Bot API is healthy again. */
  clearFaults(): void;
  /** The chat as the customer sees it: user and bot messages in order, with their current text and buttons. */
  chat(chatId: number): ChatMessage[];
  /** The bot's latest message in the chat. */
  lastBotMessage(chatId: number): ChatMessage | undefined;
  /** How many Bot API calls addressed to the chat succeeded so far: grows as the bot answers the chat. */
  botActivity(chatId: number): number;
  /** The reply keyboard the chat shows under its text field (sent with a message, until removed), or null. */
  replyKeyboard(chatId: number): ReplyButton[][] | null;
  /** A file the bot may fetch with getFile and /file/bot<token>/<file_path> (a photo a customer sent). */
  addFile(fileId: string, bytes: Buffer): void;
  /** Adds a customer's message to the chat (for a realistic message_id) and returns it. */
  addUserMessage(chatId: number, text: string): ChatMessage;
  /** Makes a callback_query id known, as Telegram does when the customer taps a button (answerCallbackQuery takes only those). */
  issueCallbackQuery(id: string, chatId: number, messageId: number): void;
  /** Queues an update for getUpdates (polling). */
  pushUpdate(update: { update_id: number } & Record<string, unknown>): void;
  readonly webhook: WebhookState | null;
  /** setMyCommands by language code ("" for the default). */
  readonly commands: Map<string, { command: string; description: string }[]>;
  /** Resolves once `predicate` holds for the recorded calls (polled), or rejects after `timeoutMs`. */
  waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Forgets calls, chats, faults, updates and the webhook. */
  reset(): void;
  close(): Promise<void>;
}

type Params = Record<string, unknown>;

const NOT_FOUND = { ok: false, error_code: 404, description: "Not Found" } as const;

function faultEffect(fault: Fault): FaultEffect {
  if ("hangMs" in fault) return { dropAfterMs: fault.hangMs };
  if ("delayMs" in fault) return { delayMs: fault.delayMs };
  const answer = (description: string, parameters?: { retry_after?: number }): FaultEffect => ({
    respond: Response.json({ ok: false, error_code: fault.status, description, ...(parameters ? { parameters } : {}) }, { status: fault.status }),
  });
  if (fault.status === 429) return answer(`Too Many Requests: retry after ${fault.retryAfter ?? 1}`, { retry_after: fault.retryAfter ?? 1 });
  return "description" in fault ? answer(fault.description) : answer("Internal Server Error");
}

function asChatMessage(chatId: number, m: StoredMessage): ChatMessage {
  const keyboard = (m.reply_markup?.inline_keyboard ?? []) as InlineButton[][];
  return { messageId: m.message_id, chatId, fromBot: m.sender === "bot", text: m.text, keyboard, date: m.date, edited: Boolean(m.edit_date) };
}

export async function startTelegramStandIn(
  options: { token?: string; botUsername?: string } = {},
): Promise<TelegramStandIn> {
  const token = options.token ?? "7000000001:TEST-stand-in-token_abc";
  const setup = { token, username: options.botUsername ?? "JiotTestBot", firstName: "Jiot", httpsWebhookOnly: true, anyChat: true };
  const state: TelegramState = createTelegramState(setup);
  const inState = <T>(run: () => T): T => withTelegramState(state, run);
  const calls: RecordedCall[] = [];
  const faults = new FaultQueue<Fault>();
  const activity = new Map<number, number>();
  const wakePollers = () => [...state.waiters].forEach((wake) => wake());

  function answerFile(botSegment: string, path: string): Response {
    const response = inState(() => downloadFile(botSegment, path));
    if (botSegment === `bot${token}`) {
      calls.push({ method: "file", params: { path }, status: response.status, answer: { ok: response.ok, result: null } as ApiAnswer, at: Date.now() });
    }
    return response;
  }

  const served = await serveFake(async (request) => {
    const path = new URL(request.url).pathname;
    const download = /^\/file\/(bot[^/]+)\/(.+)$/.exec(path);
    if (download) return answerFile(download[1]!, download[2]!);
    const match = /^\/(bot[^/]+)\/([A-Za-z]+)$/.exec(path);
    if (!match) return Response.json(NOT_FOUND, { status: 404 });
    if (match[1] !== `bot${token}`) return inState(() => handleBotApiRequest(request, match[1]!, match[2]!));
    const method = match[2]!;
    const params: Params = await readParams(request.clone()).catch(() => ({}));
    const fault = faults.take(method);
    if (fault && "hangMs" in fault) {
      calls.push({ method, params, status: 0, answer: { ok: false, error_code: 0, description: "dropped" }, fault, at: Date.now() });
      return { dropAfterMs: fault.hangMs };
    }
    const answered = await applyFault(fault && faultEffect(fault), request.signal, () => inState(() => handleBotApiRequest(request, match[1]!, method)));
    const response = answered as Response;
    const answer = (await response.clone().json()) as ApiAnswer;
    calls.push({ method, params, status: response.status, answer, ...(fault ? { fault } : {}), at: Date.now() });
    if (response.status === 200 && params.chat_id !== undefined) activity.set(Number(params.chat_id), (activity.get(Number(params.chat_id)) ?? 0) + 1);
    return response;
  });

  const messagesOf = (chatId: number) => (state.chats.get(chatId)?.messages ?? []).map((m) => asChatMessage(chatId, m));
  const standIn: TelegramStandIn = {
    url: served.url,
    token,
    bot: { id: Number(token.split(":")[0]), username: setup.username, first_name: setup.firstName },
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    failNext: (count, fault, { method } = {}) => faults.add(fault, { route: method, times: count }),
    clearFaults: () => faults.clear(),
    chat: messagesOf,
    lastBotMessage: (chatId) => messagesOf(chatId).reverse().find((m) => m.fromBot),
    botActivity: (chatId) => activity.get(chatId) ?? 0,
    replyKeyboard: (chatId) => (state.chats.get(chatId)?.replyKeyboard?.keyboard as ReplyButton[][] | undefined) ?? null,
    addFile: (fileId, bytes) => void state.files.set(fileId, { path: `photos/file_${state.files.size}.jpg`, bytes }),
    addUserMessage: (chatId, text) =>
      inState(() => {
        const record = chatRecord(chatId);
        const message = addCustomerMessage(record, text);
        touch(record);
        return asChatMessage(chatId, message);
      }),
    issueCallbackQuery: (id, chatId, messageId) => void state.callbacks.set(id, { chatId, messageId, answered: false }),
    pushUpdate(update) {
      state.pendingUpdates.push(update as unknown as TgUpdate);
      wakePollers();
    },
    get webhook() {
      const webhook = state.webhook;
      if (!webhook) return null;
      return { url: webhook.url, secret_token: webhook.secret, allowed_updates: webhook.allowedUpdates, max_connections: webhook.maxConnections };
    },
    get commands() {
      const defaults = [...state.commands].filter(([key]) => key.startsWith("default|"));
      return new Map(defaults.map(([key, list]) => [key.slice("default|".length), list]));
    },
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > deadline) throw new Error(`stand-in: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(", ")}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    reset() {
      wakePollers();
      Object.assign(state, createTelegramState(setup));
      calls.length = 0;
      faults.clear();
      activity.clear();
    },
    async close() {
      wakePollers();
      await served.close();
    },
  };
  return standIn;
}
