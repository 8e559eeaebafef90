import { getEnv } from "@/lib/env";
import { PRESET_CUSTOMERS } from "./customers";
import type { BotCommand, ReplyKeyboardMarkup, TgChat, TgMessage, TgUpdate, TgUser } from "./types";

/**
 * Everything the Telegram stand-in knows, in memory. The playground is one
 * `next start` process, so globalThis is shared by every route bundle (the
 * same way db/index.ts caches its handle); a restart starts a fresh chat,
 * while the database keeps the orders.
 */

export interface StoredMessage extends TgMessage {
  sender: "bot" | "user";
}

export interface Toast {
  id: number;
  text: string;
  alert: boolean;
}

export interface Notice {
  id: number;
  text: string;
  /** Shown after this message (0: before the first). */
  afterMessageId: number;
}

export interface ChatRecord {
  chat: TgChat;
  customer: TgUser;
  messages: StoredMessage[];
  nextMessageId: number;
  replyKeyboard?: ReplyKeyboardMarkup;
  placeholder?: string;
  toasts: Toast[];
  notices: Notice[];
  typingUntil?: number;
  /** The button tap waiting for answerCallbackQuery (the client shows a spinner on it). */
  pendingCallback?: { id: string; messageId: number; data: string };
  /** Changes each time anything in the chat changes; the page waits for it to move. */
  version: number;
  /** Updates of one chat are delivered one after another, like Telegram does. */
  delivery: Promise<void>;
}

export interface WebhookState {
  url: string;
  secret?: string;
  maxConnections: number;
  allowedUpdates?: string[];
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

interface TelegramState {
  version: number;
  chats: Map<number, ChatRecord>;
  customers: TgUser[];
  commands: Map<string, BotCommand[]>;
  /** undefined: as `npm run telegram:set-webhook` would have left it (APP_URL + secret); null: deleted. */
  webhook: WebhookState | null | undefined;
  /** Updates not delivered to a webhook, waiting for getUpdates. */
  pendingUpdates: TgUpdate[];
  nextUpdateId: number;
  callbacks: Map<string, { chatId: number; messageId: number; answered: boolean }>;
  /** Photos customers sent: file_id → file_path, served by getFile and the file download route. */
  files: Map<string, string>;
  waiters: Set<() => void>;
  nextId: number;
}

const holder = globalThis as unknown as { __jiotPlaygroundTelegram?: TelegramState };

function freshState(): TelegramState {
  return {
    version: 0,
    chats: new Map(),
    customers: [...PRESET_CUSTOMERS],
    commands: new Map(),
    webhook: undefined,
    pendingUpdates: [],
    nextUpdateId: 100_000_001,
    callbacks: new Map(),
    files: new Map(),
    waiters: new Set(),
    nextId: 1,
  };
}

export function telegramState(): TelegramState {
  holder.__jiotPlaygroundTelegram ??= freshState();
  return holder.__jiotPlaygroundTelegram;
}

/** Tests start from an empty Telegram. */
export function resetPlaygroundTelegram(): void {
  const old = holder.__jiotPlaygroundTelegram;
  holder.__jiotPlaygroundTelegram = freshState();
  old?.waiters.forEach((wake) => wake());
}

export function nextId(): number {
  return telegramState().nextId++;
}

/** The bot as Telegram describes it: its id is the number before the token's colon. */
export function botUser(): TgUser & { username: string } {
  const env = getEnv();
  const id = Number(env.TELEGRAM_BOT_TOKEN?.split(":")[0] ?? 0);
  return { id, is_bot: true, first_name: "Jiot Gadget Solution", username: env.TELEGRAM_BOT_USERNAME ?? "JiotPlaygroundBot" };
}

export function currentWebhook(): WebhookState | null {
  const state = telegramState();
  if (state.webhook !== undefined) return state.webhook;
  const env = getEnv();
  return { url: `${env.APP_URL}/api/telegram/webhook`, secret: env.TELEGRAM_WEBHOOK_SECRET, maxConnections: 40 };
}

export function findCustomer(id: number): TgUser | undefined {
  return telegramState().customers.find((c) => c.id === id);
}

/** The private chat with a user; Telegram's private chat id is the user's id. */
export function chatRecord(chatId: number): ChatRecord {
  const state = telegramState();
  let record = state.chats.get(chatId);
  if (!record) {
    const customer = findCustomer(chatId) ?? { id: chatId, is_bot: false, first_name: `User ${chatId}` };
    const { id, first_name, last_name, username } = customer;
    record = {
      chat: { id, type: "private", first_name, ...(last_name ? { last_name } : {}), ...(username ? { username } : {}) },
      customer,
      messages: [],
      nextMessageId: 1,
      toasts: [],
      notices: [],
      version: 0,
      delivery: Promise.resolve(),
    };
    state.chats.set(chatId, record);
  }
  return record;
}

/** Marks a chat changed and wakes the pages waiting on it. */
export function touch(record: ChatRecord): void {
  const state = telegramState();
  record.version = ++state.version;
  const waiters = [...state.waiters];
  state.waiters.clear();
  waiters.forEach((wake) => wake());
}

export function addNotice(record: ChatRecord, text: string): void {
  record.notices.push({ id: nextId(), text, afterMessageId: record.messages.at(-1)?.message_id ?? 0 });
  touch(record);
}

export function findMessage(record: ChatRecord, messageId: number): StoredMessage | undefined {
  return record.messages.find((m) => m.message_id === messageId);
}

/** The Message object the Bot API returns (without the stand-in's own bookkeeping). */
export function toMessage(stored: StoredMessage): TgMessage {
  const { sender: _sender, ...message } = stored;
  return structuredClone(message);
}

/** Resolves when the chat's version passes `after`, or after `timeoutMs`, or when the caller goes away. */
export function waitForChange(chatId: number, after: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const state = telegramState();
    if ((state.chats.get(chatId)?.version ?? 0) > after || signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      state.waiters.delete(check);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const check = () => {
      if ((state.chats.get(chatId)?.version ?? 0) > after) done();
      else state.waiters.add(check);
    };
    const timer = setTimeout(done, timeoutMs);
    signal?.addEventListener("abort", done);
    state.waiters.add(check);
  });
}
