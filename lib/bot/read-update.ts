import type { Update } from "telegraf/types";
import { storableText } from "@/db/storable";

/** The customer behind an update, as the booking snapshots them. */
export interface Customer {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

export interface Command {
  name: string;
  /** The text after the command ("/start order" → "order", "/status 62473383" → "62473383"). */
  payload: string;
}

/** What an update asks of the bot, read without side effects. */
export type Incoming =
  | { kind: "ignore"; updateId: number }
  | { kind: "group_command"; updateId: number; chatId: number; customer: Customer; command: Command }
  | {
      kind: "message";
      updateId: number;
      chatId: number;
      customer: Customer;
      command?: Command;
      text?: string;
      /** A shared contact: its number, and whose it is (Telegram sets user_id when the contact is a Telegram user). */
      contact?: SharedContact;
      /** A photo: the file_id of its largest size, and its caption. */
      photo?: { fileId: string; caption?: string };
    }
  | {
      kind: "callback";
      updateId: number;
      chatId: number;
      customer: Customer;
      callbackId: string;
      messageId: number;
      data?: string;
    }
  /** A button tap we cannot place in a chat of ours (an inline message, a group): answered, nothing else. */
  | { kind: "orphan_callback"; updateId: number; callbackId: string; customer: Customer };

export interface SharedContact {
  phoneNumber: string;
  userId?: number;
}

type Sender = { id: number; is_bot?: boolean; first_name: string; last_name?: string; username?: string; language_code?: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const optionalText = (value: unknown) => (typeof value === "string" ? storableText(value) : undefined);

/** The shapes Telegram promises, checked: a body with the right secret can still be anything. */
function isSender(value: unknown): value is Sender {
  return isObject(value) && Number.isSafeInteger(value.id) && typeof value.first_name === "string";
}
function isChat(value: unknown): value is { id: number; type: string } {
  return isObject(value) && Number.isSafeInteger(value.id) && typeof value.type === "string";
}

function customerOf(from: Sender): Customer {
  return {
    id: from.id,
    firstName: storableText(from.first_name),
    lastName: optionalText(from.last_name),
    username: optionalText(from.username),
    languageCode: optionalText(from.language_code),
  };
}

function contactOf(message: object): SharedContact | undefined {
  const contact = "contact" in message ? message.contact : undefined;
  if (!isObject(contact) || typeof contact.phone_number !== "string") return undefined;
  return { phoneNumber: contact.phone_number.slice(0, 40), userId: Number.isSafeInteger(contact.user_id) ? (contact.user_id as number) : undefined };
}

/** Telegram sends a photo in several sizes, smallest first; the shop wants the largest. */
function photoOf(message: object): { fileId: string; caption?: string } | undefined {
  const sizes = "photo" in message && Array.isArray(message.photo) ? (message.photo as unknown[]) : [];
  const usable = sizes.filter((size): size is { file_id: string; width?: number; height?: number } => isObject(size) && typeof size.file_id === "string" && size.file_id.length <= 200);
  const largest = usable.reduce<(typeof usable)[number] | undefined>(
    (best, size) => (!best || (size.width ?? 0) * (size.height ?? 0) >= (best.width ?? 0) * (best.height ?? 0) ? size : best),
    undefined,
  );
  if (!largest) return undefined;
  const caption = "caption" in message ? optionalText((message as { caption?: unknown }).caption) : undefined;
  return { fileId: largest.file_id, caption };
}

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?:\s+([\s\S]*))?$/;

/** A leading /command, unless it is addressed to another bot ("/help@OtherBot"). */
export function readCommand(text: string, botUsername: string | undefined): Command | null | "other_bot" {
  const match = COMMAND.exec(text.trim());
  if (!match) return null;
  const [, name, mention, payload] = match;
  if (mention && botUsername && mention.toLowerCase() !== botUsername.toLowerCase()) return "other_bot";
  return { name: name!.toLowerCase(), payload: (payload ?? "").trim() };
}

/**
 * Sorts an update into what the bot handles: private messages and button taps.
 * Edited messages, channel posts, membership changes and the like are ignored
 * (setWebhook asks only for message and callback_query, but a bot may still
 * receive others, e.g. while switching from polling).
 */
export function readUpdate(update: Update, botUsername: string | undefined): Incoming {
  const updateId = update.update_id;
  if ("message" in update && update.message) {
    const message = update.message;
    if (!isSender(message.from) || message.from.is_bot === true || !isChat(message.chat)) return { kind: "ignore", updateId };
    const customer = customerOf(message.from);
    const text = "text" in message && typeof message.text === "string" ? message.text : undefined;
    const command = text !== undefined ? readCommand(text, botUsername) : null;
    if (command === "other_bot") return { kind: "ignore", updateId };
    if (message.chat.type !== "private") {
      return command ? { kind: "group_command", updateId, chatId: message.chat.id, customer, command } : { kind: "ignore", updateId };
    }
    return { kind: "message", updateId, chatId: message.chat.id, customer, command: command ?? undefined, text, contact: contactOf(message), photo: photoOf(message) };
  }
  if ("callback_query" in update && update.callback_query) {
    const query = update.callback_query;
    if (!isObject(query) || !isSender(query.from) || typeof query.id !== "string") return { kind: "ignore", updateId };
    const customer = customerOf(query.from);
    const message = query.message;
    if (!isObject(message) || !isChat(message.chat) || message.chat.type !== "private" || !Number.isSafeInteger(message.message_id)) {
      return { kind: "orphan_callback", updateId, callbackId: query.id, customer };
    }
    const data = "data" in query && typeof query.data === "string" ? query.data : undefined;
    return { kind: "callback", updateId, chatId: message.chat.id, customer, callbackId: query.id, messageId: message.message_id, data };
  }
  return { kind: "ignore", updateId };
}

/** "Budi Santoso", or the username when Telegram gives no name. */
export function customerName(customer: Customer): string {
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(" ").trim();
  return name || customer.username || String(customer.id);
}
