import { PAYMENT_METHODS, type PaymentMethod } from "@/db/schema";
import { BOOKING_CODE_PATTERN } from "@/lib/booking/codes";
import type { WizardStep } from "./wizard";

/**
 * What a button means, packed into its callback_data (1–64 bytes). Wizard
 * buttons carry the menu's nonce: a tap on a menu that is no longer the
 * current one is recognised as stale.
 */
export type WizardAction =
  | { type: "begin" }
  | { type: "branch"; branchId: number }
  | { type: "cancel" }
  /** "‹ Kembali" names the step it was shown on, so a double tap goes back once. */
  | { type: "back"; from: BackStep }
  | { type: "device"; deviceId: number }
  | { type: "slot"; slotId: number }
  /** null: "Belum tahu / cek dulu", a diagnosis. */
  | { type: "part"; partId: number | null }
  /** "Pakai <nomor>": the chat's remembered phone (read from the database, not from the button). */
  | { type: "use_phone" }
  | { type: "change_phone" }
  /** "Lewati" or "Selesai" on the fault step. */
  | { type: "fault_done" }
  | { type: "payment"; method: PaymentMethod }
  | { type: "book_now" };

/** Under an order's status: cancel it (then confirm or keep), start moving it to another date and slot, or claim its warranty. */
export type OrderOp = "cancel" | "confirm_cancel" | "keep" | "reschedule" | "claim_warranty";

export type RescheduleAction =
  | { type: "date"; date: string }
  | { type: "slot"; slotId: number }
  | { type: "confirm" }
  /** From the slot list back to the dates. */
  | { type: "back" }
  | { type: "cancel" };

export type BackStep = Extract<WizardStep, "branch" | "date" | "device" | "slot" | "part" | "phone" | "fault" | "payment">;
const BACK_CODES: Record<BackStep, string> = { branch: "br", date: "dt", device: "dv", slot: "sl", part: "pt", phone: "ph", fault: "ft", payment: "pm" };
const BACK_STEPS = Object.fromEntries(Object.entries(BACK_CODES).map(([step, code]) => [code, step])) as Record<string, BackStep>;

export type ButtonAction =
  | { scope: "wizard"; nonce: string; action: WizardAction }
  | { scope: "menu"; menu: "order" | "status" }
  | { scope: "order"; op: OrderOp; bookingCode: string }
  /** The reschedule flow's menus, stamped with the menu's nonce like the wizard's. */
  | { scope: "reschedule"; nonce: string; action: RescheduleAction }
  /** The customer's language, from /bahasa or the button under /help. */
  | { scope: "language"; language: "id" | "en" }
  /** The booking-code prompt: leave it, or open one of the chat's bookings from the list. */
  | { scope: "status"; op: "close" }
  | { scope: "status"; op: "open"; bookingCode: string }
  /** The waitlist: wait for a full date, take or skip an offered place, leave the list. */
  | { scope: "waitlist"; op: "join"; date: string }
  | { scope: "waitlist"; op: WaitOp; waitId: number };

export type WaitOp = "take" | "decline" | "leave";
const WAIT_CODES: Record<WaitOp, string> = { take: "t", decline: "d", leave: "x" };
const WAIT_OPS = Object.fromEntries(Object.entries(WAIT_CODES).map(([op, code]) => [code, op])) as Record<string, WaitOp>;

/** Online payment methods a customer can choose in the bot and on the website (cash is recorded by staff only). */
export const CHAT_PAYMENT_METHODS: readonly PaymentMethod[] = PAYMENT_METHODS.filter((m) => m !== "cash" && m !== "pay_at_shop");
/** What a payment button may carry: the online methods, and "Bayar di toko" when the shop allows it. */
const BUTTON_PAYMENT_METHODS: readonly PaymentMethod[] = [...CHAT_PAYMENT_METHODS, "pay_at_shop"];

function encodeWizard(action: WizardAction): string {
  switch (action.type) {
    case "begin":
      return "bg";
    case "branch":
      return `br:${action.branchId}`;
    case "cancel":
      return "cx";
    case "back":
      return `bk:${BACK_CODES[action.from]}`;
    case "device":
      return `dv:${action.deviceId}`;
    case "slot":
      return `sl:${action.slotId}`;
    case "part":
      return `pt:${action.partId ?? "dx"}`;
    case "use_phone":
      return "ph";
    case "change_phone":
      return "pc";
    case "fault_done":
      return "fd";
    case "payment":
      return `pm:${action.method}`;
    case "book_now":
      return "bn";
  }
}

export function encodeButton(button: ButtonAction): string {
  switch (button.scope) {
    case "wizard":
      return `w:${button.nonce}:${encodeWizard(button.action)}`;
    case "menu":
      return `m:${button.menu}`;
    case "order":
      return `o:${ORDER_CODES[button.op]}:${button.bookingCode}`;
    case "reschedule":
      return `r:${button.nonce}:${encodeReschedule(button.action)}`;
    case "language":
      return `l:${button.language}`;
    case "status":
      return button.op === "close" ? "s:cx" : `s:op:${button.bookingCode}`;
    case "waitlist":
      return button.op === "join" ? `k:j:${button.date.replaceAll("-", "")}` : `k:${WAIT_CODES[button.op]}:${button.waitId}`;
  }
}

const ID = /^[1-9][0-9]{0,8}$/;
const ORDER_CODES: Record<OrderOp, string> = { cancel: "cx", confirm_cancel: "cy", keep: "kp", reschedule: "rs", claim_warranty: "gr" };
const ORDER_OPS = Object.fromEntries(Object.entries(ORDER_CODES).map(([op, code]) => [code, op])) as Record<string, OrderOp>;

function encodeReschedule(action: RescheduleAction): string {
  switch (action.type) {
    case "date":
      return `d:${action.date.replaceAll("-", "")}`;
    case "slot":
      return `s:${action.slotId}`;
    case "confirm":
      return "ok";
    case "back":
      return "bk";
    case "cancel":
      return "cx";
  }
}

const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

function decodeReschedule(kind: string, arg: string | undefined): RescheduleAction | null {
  if (arg === undefined) {
    if (kind === "ok") return { type: "confirm" };
    if (kind === "bk") return { type: "back" };
    if (kind === "cx") return { type: "cancel" };
    return null;
  }
  const date = COMPACT_DATE.exec(arg);
  if (kind === "d" && date) return { type: "date", date: `${date[1]}-${date[2]}-${date[3]}` };
  if (kind === "s" && ID.test(arg)) return { type: "slot", slotId: Number(arg) };
  return null;
}

function decodeWizard(kind: string, arg: string | undefined): WizardAction | null {
  if (kind === "bg" && arg === undefined) return { type: "begin" };
  if (kind === "cx" && arg === undefined) return { type: "cancel" };
  if (kind === "bn" && arg === undefined) return { type: "book_now" };
  if (kind === "ph" && arg === undefined) return { type: "use_phone" };
  if (kind === "pc" && arg === undefined) return { type: "change_phone" };
  if (kind === "fd" && arg === undefined) return { type: "fault_done" };
  if (kind === "pt" && arg === "dx") return { type: "part", partId: null };
  if (kind === "bk" && arg !== undefined && Object.hasOwn(BACK_STEPS, arg)) return { type: "back", from: BACK_STEPS[arg]! };
  if (arg !== undefined && ID.test(arg)) {
    if (kind === "br") return { type: "branch", branchId: Number(arg) };
    if (kind === "dv") return { type: "device", deviceId: Number(arg) };
    if (kind === "sl") return { type: "slot", slotId: Number(arg) };
    if (kind === "pt") return { type: "part", partId: Number(arg) };
  }
  if (kind === "pm" && BUTTON_PAYMENT_METHODS.includes(arg as PaymentMethod)) return { type: "payment", method: arg as PaymentMethod };
  return null;
}

/** Reads a button's callback_data; anything we did not write (or no longer understand) is null. */
export function decodeButton(data: string | undefined): ButtonAction | null {
  if (!data || data.length > 64) return null;
  const parts = data.split(":");
  const [scope, first, second, third, ...rest] = parts;
  if (rest.length > 0) return null;
  if (scope === "w" && first && /^[a-z0-9]{1,12}$/.test(first) && second) {
    const action = decodeWizard(second, third);
    return action ? { scope: "wizard", nonce: first, action } : null;
  }
  if (scope === "m" && (first === "order" || first === "status") && second === undefined) return { scope: "menu", menu: first };
  if (scope === "o" && second && BOOKING_CODE_PATTERN.test(second) && third === undefined) {
    const op = first && Object.hasOwn(ORDER_OPS, first) ? ORDER_OPS[first] : undefined;
    return op ? { scope: "order", op, bookingCode: second } : null;
  }
  if (scope === "r" && first && /^[a-z0-9]{1,12}$/.test(first) && second) {
    const action = decodeReschedule(second, third);
    return action ? { scope: "reschedule", nonce: first, action } : null;
  }
  if (scope === "l" && (first === "id" || first === "en") && second === undefined) return { scope: "language", language: first };
  if (scope === "s" && first === "cx" && second === undefined) return { scope: "status", op: "close" };
  if (scope === "s" && first === "op" && second && BOOKING_CODE_PATTERN.test(second) && third === undefined) return { scope: "status", op: "open", bookingCode: second };
  if (scope === "k" && first && second && third === undefined) return decodeWait(first, second);
  return null;
}

function decodeWait(kind: string, arg: string): ButtonAction | null {
  const date = COMPACT_DATE.exec(arg);
  if (kind === "j" && date) return { scope: "waitlist", op: "join", date: `${date[1]}-${date[2]}-${date[3]}` };
  const op = Object.hasOwn(WAIT_OPS, kind) ? WAIT_OPS[kind] : undefined;
  return op && /^[1-9][0-9]{0,15}$/.test(arg) ? { scope: "waitlist", op, waitId: Number(arg) } : null;
}
