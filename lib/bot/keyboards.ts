import type { InlineKeyboardButton } from "telegraf/types";
import type { Branch, Device, PaymentMethod } from "@/db/schema";
import type { SlotOffer } from "@/lib/booking/availability";
import type { OfferedPart } from "@/lib/booking/shelf";
import { CHAT_PAYMENT_METHODS, encodeButton, type BackStep, type RescheduleAction, type WizardAction } from "./callback-data";
import { textsFor, type BotTexts, type Language } from "./texts";

/** A button that answers with callback data, or one that opens a link. */
export type InlineButton = InlineKeyboardButton.CallbackButton | InlineKeyboardButton.UrlButton;
export interface InlineKeyboard {
  inline_keyboard: InlineButton[][];
}
/** A keyboard under the text field; its one button shares the customer's own contact. */
export interface ContactRequestKeyboard {
  keyboard: { text: string; request_contact: true }[][];
  one_time_keyboard: true;
  resize_keyboard: true;
}
/** Takes the contact keyboard away once the phone is answered. */
export const REMOVE_KEYBOARD = { remove_keyboard: true } as const;

function rows<T>(items: T[], perRow: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) out.push(items.slice(i, i + perRow));
  return out;
}

/** Builds the wizard's buttons, all stamped with the menu's nonce. */
export function wizardKeyboards(texts: BotTexts, nonce: string) {
  const button = (text: string, action: WizardAction): InlineButton => ({
    text,
    callback_data: encodeButton({ scope: "wizard", nonce, action }),
  });
  const cancel = button(texts.buttonCancel, { type: "cancel" });
  /** The last row of a step: back to the step before (answers kept) and Cancel. */
  const withBack = (from: BackStep, buttons: InlineButton[][]): InlineKeyboard => ({
    inline_keyboard: [...buttons, [button(texts.buttonBack, { type: "back", from }), cancel]],
  });
  return {
    intro: (): InlineKeyboard => ({ inline_keyboard: [[button(texts.buttonBooking, { type: "begin" }), cancel]] }),
    branches: (branches: Branch[]): InlineKeyboard =>
      withBack("branch", branches.map((b) => [button(texts.branchButton(b.name, b.address), { type: "branch", branchId: b.id })])),
    /** After a full date: "🔔 Kabari saya" for it above Back and Cancel. */
    date: (fullDate?: string): InlineKeyboard =>
      withBack("date", fullDate ? joinWaitlistKeyboard(texts, fullDate).inline_keyboard : []),
    devices: (devices: Device[]): InlineKeyboard =>
      withBack("device", rows(devices.map((d) => button(d.name, { type: "device", deviceId: d.id })), 3)),
    slots: (slots: SlotOffer[]): InlineKeyboard =>
      withBack("slot", slots.map((s) => [button(texts.slotButton(s.label, s.remaining), { type: "slot", slotId: s.id })])),
    parts: (items: OfferedPart[], diagnosisFeeIdr: number): InlineKeyboard =>
      withBack("part", [
        ...items.map((i) => [button(texts.partButton(i.partName, i.priceIdr, i.offer.kind === "backorder" ? i.offer.days : undefined), { type: "part", partId: i.partId })]),
        [button(texts.diagnosisButton(diagnosisFeeIdr), { type: "part", partId: null })],
      ]),
    rememberedPhone: (phone: string): InlineKeyboard =>
      withBack("phone", [[button(texts.buttonUsePhone(phone), { type: "use_phone" })], [button(texts.buttonChangePhone, { type: "change_phone" })]]),
    fault: (answered: boolean): InlineKeyboard =>
      withBack("fault", [[button(answered ? texts.buttonDone : texts.buttonSkip, { type: "fault_done" })]]),
    payments: (payAtShop: boolean): InlineKeyboard => {
      const methods: PaymentMethod[] = [...CHAT_PAYMENT_METHODS, ...(payAtShop ? (["pay_at_shop"] as const) : [])];
      return withBack("payment", rows(methods.map((method) => button(texts.paymentMethod(method), { type: "payment", method })), 2));
    },
    summary: (): InlineKeyboard => ({ inline_keyboard: [[button(texts.buttonBookNow, { type: "book_now" }), cancel]] }),
  };
}

/** "🔔 Kabari saya" for a full date: waits there for a place. */
export function joinWaitlistKeyboard(texts: BotTexts, date: string): InlineKeyboard {
  return { inline_keyboard: [[{ text: texts.buttonJoinWaitlist, callback_data: encodeButton({ scope: "waitlist", op: "join", date }) }]] };
}

export function contactRequestKeyboard(texts: BotTexts): ContactRequestKeyboard {
  return { keyboard: [[{ text: texts.buttonSharePhone, request_contact: true }]], one_time_keyboard: true, resize_keyboard: true };
}

/** The reschedule flow's menus, stamped with the menu's nonce; each has Cancel. */
export function rescheduleKeyboards(texts: BotTexts, nonce: string) {
  const button = (text: string, action: RescheduleAction): InlineButton => ({ text, callback_data: encodeButton({ scope: "reschedule", nonce, action }) });
  const cancel = button(texts.buttonCancel, { type: "cancel" });
  return {
    dates: (dates: string[]): InlineKeyboard => ({
      inline_keyboard: [...rows(dates.map((date) => button(texts.dateButton(date), { type: "date", date })), 3), [cancel]],
    }),
    slots: (slots: SlotOffer[]): InlineKeyboard => ({
      inline_keyboard: [
        ...slots.map((s) => [button(texts.slotButton(s.label, s.remaining), { type: "slot", slotId: s.id })]),
        [button(texts.buttonBack, { type: "back" }), cancel],
      ],
    }),
    confirm: (label = texts.buttonConfirmReschedule): InlineKeyboard => ({
      inline_keyboard: [[button(label, { type: "confirm" })], [button(texts.buttonBack, { type: "back" }), cancel]],
    }),
  };
}

/** A button per language, each named in its own language: both under /bahasa, the other one under /help. */
export function languageRow(languages: Language[]): InlineButton[] {
  return languages.map((language) => ({ text: textsFor(language).languageButton, callback_data: encodeButton({ scope: "language", language }) }));
}

/** Under "enter your booking code": a way out. */
export function statusPromptKeyboard(texts: BotTexts): InlineKeyboard {
  return { inline_keyboard: [[{ text: texts.buttonClosePrompt, callback_data: encodeButton({ scope: "status", op: "close" }) }]] };
}

/** Under the list of the chat's open bookings: one button per booking, opening its status. */
export function openBookingsKeyboard(bookingCodes: string[]): InlineKeyboard {
  return { inline_keyboard: rows(bookingCodes.map((code) => ({ text: code, callback_data: encodeButton({ scope: "status", op: "open", bookingCode: code }) })), 2) };
}

/** The two buttons under the greeting ("Order", "Status Layanan"), and the switch to the other language. */
export function mainMenuKeyboard(texts: BotTexts, language: Language): InlineKeyboard {
  return {
    inline_keyboard: [
      [
        { text: texts.buttonOrder, callback_data: encodeButton({ scope: "menu", menu: "order" }) },
        { text: texts.buttonStatus, callback_data: encodeButton({ scope: "menu", menu: "status" }) },
      ],
      languageRow([language === "id" ? "en" : "id"]),
    ],
  };
}

/**
 * Telegram refuses URL buttons that point at localhost or a private address, so a
 * developer's bot with APP_URL=http://localhost:3000 still works: the link stays in the text.
 */
export function canLinkButton(url: string): boolean {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== "https:" && protocol !== "http:") return false;
    return !/^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|0\.0\.0\.0|\[::1\])/.test(hostname) && hostname.includes(".");
  } catch {
    return false;
  }
}

export function urlRow(text: string, url: string): InlineButton[] {
  return canLinkButton(url) ? [{ text, url }] : [];
}

/** Under an order's status: open the page, move it while it may still be moved, claim its warranty while it runs, cancel it while it may still be cancelled. */
export function orderStatusKeyboard(
  texts: BotTexts,
  { url, bookingCode, cancellable, movable, claimable = false }: { url: string; bookingCode: string; cancellable: boolean; movable: boolean; claimable?: boolean },
): InlineKeyboard {
  const buttons: InlineButton[][] = [];
  const open = urlRow(texts.buttonOpenStatus, url);
  if (open.length) buttons.push(open);
  if (movable) buttons.push([{ text: texts.buttonReschedule, callback_data: encodeButton({ scope: "order", op: "reschedule", bookingCode }) }]);
  if (claimable) buttons.push([{ text: texts.warranty.buttonClaim, callback_data: encodeButton({ scope: "order", op: "claim_warranty", bookingCode }) }]);
  if (cancellable) {
    buttons.push([{ text: texts.buttonCancelBooking, callback_data: encodeButton({ scope: "order", op: "cancel", bookingCode }) }]);
  }
  return { inline_keyboard: buttons };
}

export function confirmCancelKeyboard(texts: BotTexts, bookingCode: string): InlineKeyboard {
  return {
    inline_keyboard: [
      [
        { text: texts.buttonConfirmCancel, callback_data: encodeButton({ scope: "order", op: "confirm_cancel", bookingCode }) },
        { text: texts.buttonKeepBooking, callback_data: encodeButton({ scope: "order", op: "keep", bookingCode }) },
      ],
    ],
  };
}

export const NO_KEYBOARD: InlineKeyboard = { inline_keyboard: [] };
