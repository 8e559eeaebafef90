import { getEnv } from "@/lib/env";
import { scopedState } from "../scoped-state";
import { PRESET_CUSTOMERS } from "./customers";
import type { BotCommand, ReplyKeyboardMarkup, TgChat, TgMessage, TgUpdate, TgUser } from "./types";

/**
 * Everything the Telegram stand-in knows, in memory. The playground is one
 * `next start` process, so globalThis is shared by every route bundle (the
 * same way db/index.ts caches its handle); a restart starts a fresh chat,
 * while the database keeps the orders. Tests run the same handlers on a state
 * of their own (withTelegramState), one per stand-in.
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

/** Who the bot is and how strict Telegram is; the playground's comes from the environment. */
export interface TelegramSetup {
  token: string;
  username: string;
  firstName: string;
  /** Real Telegram refuses a webhook on plain http; the playground, on localhost, takes it. */
  httpsWebhookOnly: boolean;
  /** The bot may write to any chat (a staff group, a customer never seen), not only to those who talked to it. */
  anyChat: boolean;
}

export interface StoredFile {
  path: string;
  bytes: Buffer;
}

export interface TelegramState {
  setup?: TelegramSetup;
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
  /** Photos customers sent, served by getFile and the file download route. */
  files: Map<string, StoredFile>;
  waiters: Set<() => void>;
  nextId: number;
}

/** A Telegram of its own: with a setup, no preset customers and no webhook until the bot sets one. */
export function createTelegramState(setup?: TelegramSetup): TelegramState {
  return {
    ...(setup ? { setup } : {}),
    version: 0,
    chats: new Map(),
    customers: setup ? [] : [...PRESET_CUSTOMERS],
    commands: new Map(),
    webhook: setup ? null : undefined,
    pendingUpdates: [],
    nextUpdateId: 100_000_001,
    callbacks: new Map(),
    files: new Map(),
    waiters: new Set(),
    nextId: 1,
  };
}

const scoped = scopedState("__jiotPlaygroundTelegram", () => createTelegramState());

/** The state the current request runs on: its own (withTelegramState), else the playground's. */
export const telegramState = (): TelegramState => scoped.current();
export const withTelegramState = <T>(own: TelegramState, run: () => T): T => scoped.run(own, run);

/** Tests start from an empty Telegram. */
export function resetPlaygroundTelegram(): void {
  scoped.replace()?.waiters.forEach((wake) => wake());
}

export function telegramSetup(): TelegramSetup {
  const own = telegramState().setup;
  if (own) return own;
  const env = getEnv();
  return {
    token: env.TELEGRAM_BOT_TOKEN ?? "",
    username: env.TELEGRAM_BOT_USERNAME ?? "JiotPlaygroundBot",
    firstName: "Jiot Gadget Solution",
    httpsWebhookOnly: false,
    anyChat: false,
  };
}

export function nextId(): number {
  return telegramState().nextId++;
}

/** The bot as Telegram describes it: its id is the number before the token's colon. */
export function botUser(): TgUser & { username: string } {
  const { token, username, firstName } = telegramSetup();
  return { id: Number(token.split(":")[0] || 0), is_bot: true, first_name: firstName, username };
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

/** A message the customer sent, as the chat shows it (the update that carries it is the caller's). */
export function addCustomerMessage(record: ChatRecord, shown: string, content: Partial<StoredMessage> = {}): StoredMessage {
  const message: StoredMessage = {
    sender: "user",
    message_id: record.nextMessageId++,
    from: record.customer,
    chat: record.chat,
    date: Math.floor(Date.now() / 1000),
    text: shown,
    ...content,
  };
  record.messages.push(message);
  return message;
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
