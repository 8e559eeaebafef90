import { commandsForChat } from "./bot-methods";
import { displayName, FIRST_ADDED_CUSTOMER_ID, PRESET_CUSTOMERS } from "./customers";
import { botUser, chatRecord, findCustomer, telegramState, waitForChange } from "./store";
import { badRequest, type BotCommand, type InlineKeyboardMarkup, type ReplyKeyboardMarkup, type TgEntity, type TgUser } from "./types";

/** What the chat page draws; the page asks again with `after` = version and waits for the next change. */
export interface ChatView {
  version: number;
  bot: { name: string; username: string };
  customer: TgUser;
  messages: {
    id: number;
    sender: "bot" | "user";
    date: number;
    edited: boolean;
    text: string;
    entities: TgEntity[];
    inlineKeyboard?: InlineKeyboardMarkup["inline_keyboard"];
    /** The customer sent the built-in photo. */
    photo?: true;
  }[];
  /** contactButtons: labels of the buttons that share the customer's contact instead of sending their text. */
  replyKeyboard?: { rows: string[][]; resize: boolean; contactButtons?: string[] };
  placeholder?: string;
  toasts: { id: number; text: string; alert: boolean }[];
  notices: { id: number; text: string; afterMessageId: number }[];
  typing: boolean;
  pendingCallback?: { messageId: number; data: string };
  commands: BotCommand[];
}

/** Shown in the menu until the bot registers its own with setMyCommands (DESIGN §5). */
const FALLBACK_COMMANDS: BotCommand[] = [
  { command: "start", description: "Mulai" },
  { command: "help", description: "Bantuan" },
  { command: "order", description: "Pesan servis" },
  { command: "catalog", description: "Katalog dan harga" },
  { command: "status", description: "Status layanan" },
  { command: "cancel", description: "Batal" },
];

export function chatView(customerId: number): ChatView {
  const customer = findCustomer(customerId);
  if (!customer) throw badRequest(`unknown playground customer ${customerId}`);
  const record = chatRecord(customerId);
  const bot = botUser();
  const commands = commandsForChat(customerId, customer.language_code);
  return {
    version: record.version,
    bot: { name: bot.first_name, username: bot.username },
    customer,
    messages: record.messages.map((m) => ({
      id: m.message_id,
      sender: m.sender,
      date: m.date,
      edited: Boolean(m.edit_date),
      text: m.text,
      entities: m.entities ?? [],
      ...(m.reply_markup ? { inlineKeyboard: m.reply_markup.inline_keyboard } : {}),
      ...(m.photo ? { photo: true as const } : {}),
    })),
    ...(record.replyKeyboard
      ? {
          replyKeyboard: {
            rows: record.replyKeyboard.keyboard.map((row) => row.map((b) => (typeof b === "string" ? b : b.text))),
            resize: Boolean(record.replyKeyboard.resize_keyboard),
            ...contactButtonsOf(record.replyKeyboard),
          },
        }
      : {}),
    ...(record.placeholder ? { placeholder: record.placeholder } : {}),
    toasts: record.toasts.slice(-5),
    notices: record.notices,
    typing: (record.typingUntil ?? 0) > Date.now(),
    ...(record.pendingCallback ? { pendingCallback: { messageId: record.pendingCallback.messageId, data: record.pendingCallback.data } } : {}),
    commands: commands.length ? commands : FALLBACK_COMMANDS,
  };
}

function contactButtonsOf(markup: ReplyKeyboardMarkup): { contactButtons?: string[] } {
  const labels = markup.keyboard.flat().flatMap((b) => (typeof b !== "string" && b.request_contact ? [b.text] : []));
  return labels.length ? { contactButtons: labels } : {};
}

const LONG_POLL_MS = 20_000;

/** The chat as soon as it changes past `after` (or as it is after 20 s, or at once when `after` is behind). */
export async function waitForChatView(customerId: number, after: number, signal?: AbortSignal): Promise<ChatView> {
  if (!findCustomer(customerId)) throw badRequest(`unknown playground customer ${customerId}`);
  await waitForChange(customerId, after, LONG_POLL_MS, signal);
  return chatView(customerId);
}

export function listCustomers(): { id: number; name: string; username?: string; languageCode?: string; lastText?: string }[] {
  const state = telegramState();
  return state.customers.map((c) => ({
    id: c.id,
    name: displayName(c),
    ...(c.username ? { username: c.username } : {}),
    ...(c.language_code ? { languageCode: c.language_code } : {}),
    ...(state.chats.get(c.id)?.messages.at(-1) ? { lastText: state.chats.get(c.id)!.messages.at(-1)!.text.slice(0, 60) } : {}),
  }));
}

/** Another simulated customer, e.g. to book the same slot from two phones. */
export function addCustomer(input: { firstName: string; lastName?: string; username?: string; languageCode?: string }): TgUser {
  const firstName = input.firstName.trim().slice(0, 64);
  if (!firstName) throw badRequest("a customer needs a first name");
  const username = input.username?.trim().replace(/^@/, "");
  if (username && !/^[A-Za-z0-9_]{5,32}$/.test(username)) throw badRequest("a username has 5-32 letters, digits or _");
  const state = telegramState();
  const id = Math.max(FIRST_ADDED_CUSTOMER_ID - 1, ...state.customers.map((c) => c.id)) + 1;
  const customer: TgUser = {
    id,
    is_bot: false,
    first_name: firstName,
    ...(input.lastName?.trim() ? { last_name: input.lastName.trim().slice(0, 64) } : {}),
    ...(username ? { username } : {}),
    language_code: input.languageCode === "en" ? "en" : "id",
  };
  state.customers.push(customer);
  return customer;
}

export const DEFAULT_CUSTOMER_ID = PRESET_CUSTOMERS[0]!.id;
