import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for the Telegram Bot API: a real HTTP server on 127.0.0.1 that
 * answers /bot<token>/<method> in the Bot API's shapes, keeps the chats as the
 * customer would see them (messages edited in place, keyboards removed), records
 * every call, and can be told to fail or delay the next calls. Point the app at
 * it with TELEGRAM_API_ROOT = standIn.url.
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
type Outcome = { status: number; answer: ApiAnswer };

const ok = (result: unknown): Outcome => ({ status: 200, answer: { ok: true, result } });
const fail = (status: number, description: string, parameters?: { retry_after?: number }): Outcome => ({
  status,
  answer: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});
const badRequest = (what: string) => fail(400, `Bad Request: ${what}`);

type ReplyMarkup = { reply: ReplyButton[][] } | { remove: true };

/** A sendMessage's reply keyboard (or its removal), or undefined when it carries an inline keyboard or none. */
function parseReplyMarkup(markup: unknown): ReplyMarkup | Outcome | undefined {
  if (markup === undefined || markup === null) return undefined;
  const value = (typeof markup === "string" ? JSON.parse(markup) : markup) as { keyboard?: unknown; remove_keyboard?: unknown };
  if (value.remove_keyboard === true) return { remove: true };
  if (value.keyboard === undefined) return undefined;
  if (!Array.isArray(value.keyboard)) return badRequest("field \"keyboard\" must be an Array");
  for (const row of value.keyboard as ReplyButton[][]) {
    for (const button of row) if (!button.text) return badRequest("keyboard button text is empty");
  }
  return { reply: value.keyboard as ReplyButton[][] };
}

function parseKeyboard(markup: unknown): InlineButton[][] | Outcome {
  if (markup === undefined || markup === null) return [];
  const value = typeof markup === "string" ? (JSON.parse(markup) as unknown) : markup;
  const rows = (value as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(rows)) return badRequest("only inline keyboards can be edited into a message");
  for (const row of rows as InlineButton[][]) {
    for (const button of row) {
      if (!button.text) return badRequest("button text is empty");
      if (button.callback_data !== undefined && (Buffer.byteLength(button.callback_data) < 1 || Buffer.byteLength(button.callback_data) > 64)) {
        return badRequest("BUTTON_DATA_INVALID");
      }
      if (button.url !== undefined && !/^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+/i.test(button.url)) {
        return badRequest(`inline keyboard button URL '${button.url}' is invalid: Wrong HTTP URL`);
      }
      if (button.url === undefined && button.callback_data === undefined) return badRequest("can't parse inline keyboard button");
    }
  }
  return rows as InlineButton[][];
}

async function readBody(request: http.IncomingMessage): Promise<Params> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  const type = request.headers["content-type"] ?? "";
  const query = Object.fromEntries(new URL(request.url ?? "/", "http://x").searchParams);
  if (!raw) return query;
  if (type.includes("application/json")) return { ...query, ...(JSON.parse(raw) as Params) };
  return { ...query, ...Object.fromEntries(new URLSearchParams(raw)) };
}

export async function startTelegramStandIn(
  options: { token?: string; botUsername?: string } = {},
): Promise<TelegramStandIn> {
  const token = options.token ?? "7000000001:TEST-stand-in-token_abc";
  const bot = { id: Number(token.split(":")[0]), username: options.botUsername ?? "JiotTestBot", first_name: "Jiot" };
  const calls: RecordedCall[] = [];
  const faults: { fault: Fault; method?: string }[] = [];
  const chats = new Map<number, ChatMessage[]>();
  const activity = new Map<number, number>();
  const nextIds = new Map<number, number>();
  let updates: ({ update_id: number } & Record<string, unknown>)[] = [];
  let updateWaiters: (() => void)[] = [];
  let webhook: WebhookState | null = null;
  const commands = new Map<string, { command: string; description: string }[]>();
  const replyKeyboards = new Map<number, ReplyButton[][]>();
  const files = new Map<string, Buffer>();
  const filePathOf = (fileId: string) => `photos/file_${[...files.keys()].indexOf(fileId)}.jpg`;

  const chatOf = (chatId: number) => {
    let list = chats.get(chatId);
    if (!list) chats.set(chatId, (list = []));
    return list;
  };
  const newMessage = (chatId: number, text: string, fromBot: boolean, keyboard: InlineButton[][]): ChatMessage => {
    const messageId = (nextIds.get(chatId) ?? 100) + 1;
    nextIds.set(chatId, messageId);
    const message = { messageId, chatId, fromBot, text, keyboard, date: Math.floor(Date.now() / 1000), edited: false };
    chatOf(chatId).push(message);
    return message;
  };
  const asApiMessage = (m: ChatMessage) => ({
    message_id: m.messageId,
    date: m.date,
    chat: { id: m.chatId, type: "private" },
    from: { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username },
    text: m.text,
    ...(m.edited ? { edit_date: Math.floor(Date.now() / 1000) } : {}),
    ...(m.keyboard.length ? { reply_markup: { inline_keyboard: m.keyboard } } : {}),
  });
  const findMessage = (params: Params) => {
    const chatId = Number(params.chat_id);
    const messageId = Number(params.message_id);
    return chatOf(chatId).find((m) => m.messageId === messageId && m.fromBot);
  };
  const sameKeyboard = (a: InlineButton[][], b: InlineButton[][]) => JSON.stringify(a) === JSON.stringify(b);
  const NOT_MODIFIED =
    "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

  const methods: Record<string, (p: Params) => Outcome | Promise<Outcome>> = {
    getMe: () => ok({ ...bot, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false }),
    sendMessage: (p) => {
      const text = typeof p.text === "string" ? p.text : "";
      if (!p.chat_id) return badRequest("chat_id is empty");
      if (!text.trim()) return badRequest("message text is empty");
      if (text.length > 4096) return badRequest("message is too long");
      const reply = parseReplyMarkup(p.reply_markup);
      if (reply && "answer" in reply) return reply;
      const keyboard = reply ? [] : parseKeyboard(p.reply_markup);
      if (!Array.isArray(keyboard)) return keyboard;
      if (reply && "reply" in reply) replyKeyboards.set(Number(p.chat_id), reply.reply);
      if (reply && "remove" in reply) replyKeyboards.delete(Number(p.chat_id));
      return ok(asApiMessage(newMessage(Number(p.chat_id), text, true, keyboard)));
    },
    editMessageText: (p) => {
      const message = findMessage(p);
      if (!message) return badRequest("message to edit not found");
      const text = typeof p.text === "string" ? p.text : "";
      if (!text.trim()) return badRequest("message text is empty");
      // Like Telegram: an edit without reply_markup removes the inline keyboard.
      const keyboard = parseKeyboard(p.reply_markup);
      if (!Array.isArray(keyboard)) return keyboard;
      if (message.text === text && sameKeyboard(message.keyboard, keyboard)) return badRequest(NOT_MODIFIED);
      Object.assign(message, { text, keyboard, edited: true });
      return ok(asApiMessage(message));
    },
    editMessageReplyMarkup: (p) => {
      const message = findMessage(p);
      if (!message) return badRequest("message to edit not found");
      const keyboard = parseKeyboard(p.reply_markup);
      if (!Array.isArray(keyboard)) return keyboard;
      if (sameKeyboard(message.keyboard, keyboard)) return badRequest(NOT_MODIFIED);
      Object.assign(message, { keyboard, edited: true });
      return ok(asApiMessage(message));
    },
    getFile: (p) => {
      const fileId = typeof p.file_id === "string" ? p.file_id : "";
      const bytes = files.get(fileId);
      if (!bytes) return badRequest("invalid file_id");
      return ok({ file_id: fileId, file_unique_id: `u${fileId.length}`, file_size: bytes.length, file_path: filePathOf(fileId) });
    },
    answerCallbackQuery: (p) => {
      if (!p.callback_query_id) return badRequest("query is too old and response timeout expired or query ID is invalid");
      if (typeof p.text === "string" && p.text.length > 200) return badRequest("MESSAGE_TOO_LONG");
      return ok(true);
    },
    deleteMessage: (p) => {
      const list = chatOf(Number(p.chat_id));
      const index = list.findIndex((m) => m.messageId === Number(p.message_id));
      if (index < 0) return badRequest("message to delete not found");
      list.splice(index, 1);
      return ok(true);
    },
    setMyCommands: (p) => {
      const list = (typeof p.commands === "string" ? JSON.parse(p.commands) : p.commands) as { command: string; description: string }[];
      if (!Array.isArray(list) || list.length > 100) return badRequest("commands must be a list of at most 100");
      for (const c of list) {
        if (!/^[a-z0-9_]{1,32}$/.test(c.command)) return badRequest("BOT_COMMAND_INVALID");
        if (!c.description || c.description.length > 256) return badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
      }
      commands.set(typeof p.language_code === "string" ? p.language_code : "", list);
      return ok(true);
    },
    setWebhook: (p) => {
      const url = typeof p.url === "string" ? p.url : "";
      if (url && !/^https:\/\//.test(url)) return badRequest("bad webhook: An HTTPS URL must be provided for webhook");
      if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(p.secret_token))) {
        return badRequest("bad webhook: secret token contains unallowed characters");
      }
      const allowed = typeof p.allowed_updates === "string" ? (JSON.parse(p.allowed_updates) as string[]) : (p.allowed_updates as string[] | undefined);
      if (p.drop_pending_updates === true || p.drop_pending_updates === "true") updates = [];
      webhook = url
        ? {
            url,
            secret_token: p.secret_token as string | undefined,
            allowed_updates: allowed ?? webhook?.allowed_updates,
            max_connections: p.max_connections === undefined ? 40 : Number(p.max_connections),
          }
        : null;
      return ok(true);
    },
    deleteWebhook: (p) => {
      if (p.drop_pending_updates === true || p.drop_pending_updates === "true") updates = [];
      webhook = null;
      return ok(true);
    },
    getWebhookInfo: () =>
      ok({
        url: webhook?.url ?? "",
        has_custom_certificate: false,
        pending_update_count: updates.length,
        ...(webhook ? { max_connections: webhook.max_connections, allowed_updates: webhook.allowed_updates } : {}),
      }),
    getUpdates: async (p) => {
      if (webhook) return fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      const offset = p.offset === undefined ? 0 : Number(p.offset);
      const limit = p.limit === undefined ? 100 : Number(p.limit);
      updates = updates.filter((u) => u.update_id >= offset);
      const timeoutS = p.timeout === undefined ? 0 : Number(p.timeout);
      if (updates.length === 0 && timeoutS > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(timeoutS, 2) * 1000);
          updateWaiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return ok(updates.slice(0, limit));
    },
  };

  async function answer(method: string, params: Params): Promise<{ outcome: Outcome; fault?: Fault }> {
    const index = faults.findIndex((f) => !f.method || f.method === method);
    const fault = index >= 0 ? faults.splice(index, 1)[0]!.fault : undefined;
    if (fault && "hangMs" in fault) throw new Error("hang faults are taken before the request is read");
    if (fault && "delayMs" in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    else if (fault?.status === 429) {
      const retryAfter = fault.retryAfter ?? 1;
      return { outcome: fail(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter }), fault };
    } else if (fault && "description" in fault) return { outcome: fail(fault.status, fault.description), fault };
    else if (fault) return { outcome: fail(fault.status, "Internal Server Error"), fault };
    const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
    if (!handler) return { outcome: fail(404, "Not Found: method not found"), fault };
    return { outcome: await handler(params), fault };
  }

  const server = http.createServer(async (request, response) => {
    // Downloads: https://api.telegram.org/file/bot<token>/<file_path>, valid for an hour after getFile.
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(new URL(request.url ?? "/", "http://x").pathname);
    if (download) {
      const fileId = [...files.keys()].find((id) => filePathOf(id) === download[2]);
      const bytes = download[1] === token && fileId ? files.get(fileId) : undefined;
      calls.push({ method: "file", params: { path: download[2] }, status: bytes ? 200 : 404, answer: { ok: Boolean(bytes), result: null } as ApiAnswer, at: Date.now() });
      if (!bytes) {
        response.writeHead(404, { "content-type": "application/json" });
        response.end(JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
        return;
      }
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": bytes.length });
      response.end(bytes);
      return;
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)/.exec(new URL(request.url ?? "/", "http://x").pathname);
    const nextFault = match && match[1] === token ? faults.findIndex((f) => !f.method || f.method === match[2]) : -1;
    const hangIndex = nextFault >= 0 && "hangMs" in faults[nextFault]!.fault ? nextFault : -1;
    if (hangIndex >= 0) {
      const { fault } = faults.splice(hangIndex, 1)[0]!;
      const params = await readBody(request).catch(() => ({}));
      calls.push({ method: match![2]!, params, status: 0, answer: { ok: false, error_code: 0, description: "dropped" }, fault, at: Date.now() });
      await new Promise((r) => setTimeout(r, (fault as { hangMs: number }).hangMs));
      response.destroy();
      return;
    }
    let outcome: Outcome;
    let fault: Fault | undefined;
    let params: Params = {};
    let method = "";
    try {
      params = await readBody(request);
      if (!match) outcome = fail(404, "Not Found");
      else if (match[1] !== token) outcome = fail(401, "Unauthorized");
      else {
        method = match[2]!;
        ({ outcome, fault } = await answer(method, params));
      }
    } catch (error) {
      outcome = badRequest(`can't parse request: ${(error as Error).message}`);
    }
    if (method) calls.push({ method, params, status: outcome.status, answer: outcome.answer, fault, at: Date.now() });
    if (outcome.status === 200 && params.chat_id !== undefined) activity.set(Number(params.chat_id), (activity.get(Number(params.chat_id)) ?? 0) + 1);
    response.writeHead(outcome.status, { "content-type": "application/json" });
    response.end(JSON.stringify(outcome.answer));
  });
  // Node's default: the app's keep-alive agent lets idle sockets go before this.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const standIn: TelegramStandIn = {
    url: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    failNext(count, fault, { method } = {}) {
      for (let i = 0; i < count; i++) faults.push({ fault, method });
    },
    clearFaults() {
      faults.length = 0;
    },
    chat: (chatId) => [...chatOf(chatId)],
    lastBotMessage: (chatId) => [...chatOf(chatId)].reverse().find((m) => m.fromBot),
    botActivity: (chatId) => activity.get(chatId) ?? 0,
    replyKeyboard: (chatId) => replyKeyboards.get(chatId) ?? null,
    addFile: (fileId, bytes) => void files.set(fileId, bytes),
    addUserMessage: (chatId, text) => newMessage(chatId, text, false, []),
    pushUpdate(update) {
      updates.push(update);
      const waiters = updateWaiters;
      updateWaiters = [];
      for (const wake of waiters) wake();
    },
    get webhook() {
      return webhook;
    },
    commands,
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > deadline) throw new Error(`stand-in: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(", ")}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    reset() {
      calls.length = 0;
      faults.length = 0;
      chats.clear();
      activity.clear();
      nextIds.clear();
      updates = [];
      webhook = null;
      commands.clear();
      replyKeyboards.clear();
      files.clear();
    },
    async close() {
      for (const wake of updateWaiters) wake();
      updateWaiters = [];
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standIn;
}
