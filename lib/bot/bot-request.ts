import { randomBytes } from "node:crypto";
import type { Opts } from "telegraf/types";
import type { Database } from "@/db";
import { createConversation, lockConversation, lockExistingConversation, rememberChatPhone } from "@/db/queries/conversations";
import { getShopSettings, type ShopSettings } from "@/db/queries/settings";
import type { Conversation, Order } from "@/db/schema";
import type { TelegramCall } from "@/lib/telegram/telegram-call";
import type { Customer } from "./read-update";
import { languageOf, textsFor, type BotTexts, type Language } from "./texts";
import { CLAIM_STEPS, RESCHEDULE_STEPS, WIZARD_STEPS, type ConversationStep, type WizardChoices, type WizardState } from "./wizard";

/** What is stored in conversations.data. */
export interface ConversationData {
  choices?: WizardChoices;
  /** Stamps the buttons of the current wizard menu; other wizard buttons are stale. */
  nonce?: string;
  orderId?: string;
  bookingCode?: string;
  claim?: boolean;
}

export interface ConversationRecord {
  state: WizardState;
  nonce: string | null;
  messageId: number | null;
}

/**
 * One update being handled inside its transaction: who and where, what to say
 * (`calls`, made after commit) and the conversation as it is to be saved.
 */
export class BotRequest {
  language: Language;
  texts: BotTexts;
  readonly calls: TelegramCall[] = [];
  /** Outbox rows queued in this transaction, delivered right after commit. */
  readonly outboxKeys: string[] = [];
  /** Bank-transfer bookings made in this transaction: their VA is issued and sent after commit. */
  readonly virtualAccountOrders: Order[] = [];
  /** Orders cancelled in this transaction: their VA or Snap page is closed at Midtrans after commit. */
  readonly cancelledOrderIds: string[] = [];
  private settingsPromise?: Promise<ShopSettings>;
  private locked?: Conversation;
  /** The row was looked for (and locked if it exists) when the update was claimed. */
  private lockedRead = false;
  private phone?: string;
  /** Set when the conversation changes; saved before commit. */
  next?: ConversationRecord;

  constructor(
    readonly tx: Database,
    readonly chatId: number,
    readonly customer: Customer,
    readonly updateId: number,
    readonly botUsername: string,
    readonly now: Date = new Date(),
    /** The language the customer chose with /bahasa, which wins over their Telegram's. */
    public chosenLanguage?: Language,
  ) {
    this.language = chosenLanguage ?? languageOf(customer.languageCode);
    this.texts = textsFor(this.language);
  }

  /** The conversation row as locked when the update was claimed (undefined: the chat has none yet). */
  adoptLocked(row: Conversation | undefined): void {
    this.locked = row;
    this.lockedRead = true;
  }

  /** /bahasa: this answer and every later one (and the orders made after it) in `language`. */
  chooseLanguage(language: Language): void {
    this.chosenLanguage = language;
    this.language = language;
    this.texts = textsFor(language);
  }

  settings(): Promise<ShopSettings> {
    this.settingsPromise ??= getShopSettings(this.tx);
    return this.settingsPromise;
  }

  /** Locks this chat's conversation row (first call) and returns it as last saved, or as changed in this update. */
  async conversation(): Promise<ConversationRecord> {
    if (this.next) return this.next;
    const chat = { chatId: this.chatId, language: this.language };
    this.locked ??= await (this.lockedRead ? createConversation(this.tx, chat) : lockConversation(this.tx, chat));
    return recordOf(this.locked);
  }

  /** The conversation's step, without creating its row on first contact ("idle" then). */
  async step(): Promise<ConversationStep> {
    if (this.next) return this.next.state.step;
    if (!this.lockedRead) this.locked ??= await lockExistingConversation(this.tx, { chatId: this.chatId });
    return this.locked ? recordOf(this.locked).state.step : "idle";
  }

  /** The phone this chat gave at an earlier booking, if any. */
  async rememberedPhone(): Promise<string | null> {
    if (this.phone !== undefined) return this.phone;
    await this.conversation();
    return this.locked?.phone ?? null;
  }

  /** Keeps the phone for the chat's next bookings (the conversation row is locked and exists by then). */
  async rememberPhone(phone: string): Promise<void> {
    await this.conversation();
    await rememberChatPhone(this.tx, { chatId: this.chatId, phone });
    this.phone = phone;
  }

  save(record: ConversationRecord): void {
    this.next = record;
  }

  send(text: string, replyMarkup?: Opts<"sendMessage">["reply_markup"]): void {
    this.calls.push({
      method: "sendMessage",
      params: { chat_id: this.chatId, text, reply_markup: replyMarkup, link_preview_options: { is_disabled: true } },
    });
  }

  edit(messageId: number, text: string, replyMarkup?: Opts<"editMessageText">["reply_markup"]): void {
    this.calls.push({
      method: "editMessageText",
      params: { chat_id: this.chatId, message_id: messageId, text, reply_markup: replyMarkup, link_preview_options: { is_disabled: true } },
    });
  }

  stripKeyboard(messageId: number): void {
    this.calls.push({ method: "editMessageReplyMarkup", params: { chat_id: this.chatId, message_id: messageId, reply_markup: { inline_keyboard: [] } } });
  }
}

const STEPS = new Set<ConversationStep>(["idle", ...WIZARD_STEPS, "booked", "status", ...RESCHEDULE_STEPS, ...CLAIM_STEPS]);

export function recordOf(row: Conversation): ConversationRecord {
  const data = (row.data ?? {}) as ConversationData;
  const step = STEPS.has(row.step as ConversationStep) ? (row.step as ConversationStep) : "idle";
  return {
    state: { step, choices: data.choices ?? {}, orderId: data.orderId, bookingCode: data.bookingCode, ...(data.claim && { claim: true }) },
    nonce: data.nonce ?? null,
    messageId: row.messageId,
  };
}

export function dataOf(record: ConversationRecord): ConversationData {
  const { choices, orderId, bookingCode, claim } = record.state;
  return { choices, nonce: record.nonce ?? undefined, orderId, bookingCode, ...(claim && { claim }) };
}

/** A new menu stamp: 6 lowercase letters and digits. */
export function newNonce(): string {
  return randomBytes(4).readUInt32BE(0).toString(36).padStart(6, "0").slice(-6);
}
