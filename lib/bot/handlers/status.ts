import { findChatOrderByCode, findOpenWarrantyClaim, listOpenChatOrders } from "@/db/queries/orders";
import { hitRateWindow, readRateWindow } from "@/db/queries/rate-limits";
import type { Order } from "@/db/schema";
import { BOOKING_CODE_PATTERN } from "@/lib/booking/codes";
import { warrantyLabel, warrantyStateOf } from "@/lib/booking/warranty";
import { statusPageUrl } from "@/lib/notify/outbox";
import type { BotRequest } from "../bot-request";
import { orderFacts } from "../confirmation";
import { openBookingsKeyboard, orderStatusKeyboard, type InlineKeyboard } from "../keyboards";
import { shopContactOf } from "@/lib/site/shop-contact";
import { runWizard } from "../wizard-runtime";
import { mayMoveNow } from "./reschedule";

/** Wrong codes a chat may try per window before /status pauses: enough for typos, too few to guess 90 million codes. */
export const STATUS_MISSES_ALLOWED = 5;
export const STATUS_WINDOW_MS = 15 * 60_000;

/** A customer may call a booking off themselves until it is paid or the shop has started on it. */
export function customerMayCancel(order: Order): boolean {
  return order.repairStatus === "booked" && ["unpaid", "pending", "failed"].includes(order.paymentStatus);
}

export async function statusMessage(req: BotRequest, order: Order): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const url = statusPageUrl(order);
  const cancellable = customerMayCancel(order);
  const warranty = warrantyStateOf(order, req.now);
  const summary = withWarrantyLine(req.texts.statusSummary({ ...orderFacts(order), paymentStatus: order.paymentStatus, repairStatus: order.repairStatus }, url), warrantyLabel(warranty, req.language));
  const claimable = warranty.kind === "active" && !(await findOpenWarrantyClaim(req.tx, { orderId: order.id }));
  // A paid booking the customer cannot cancel here: the way to the shop, right under its status.
  const paidOpen = order.paymentStatus === "paid" && !["cancelled", "completed"].includes(order.repairStatus);
  return {
    text: paidOpen ? `${summary}\n\n${req.texts.cancelPaidContact(order.bookingCode, shopContactOf(await req.settings()))}` : summary,
    keyboard: orderStatusKeyboard(req.texts, { url, bookingCode: order.bookingCode, cancellable, movable: await mayMoveNow(req, order), claimable }),
  };
}

/** The warranty line goes under the repair status, above the page's link. */
function withWarrantyLine(summary: string, line: string | undefined): string {
  if (!line) return summary;
  const at = summary.lastIndexOf("\n\n");
  return at < 0 ? `${summary}\n${line}` : `${summary.slice(0, at)}\n🛡️ ${line}${summary.slice(at)}`;
}

/**
 * Answers a booking code with that order's summary and status link, only for
 * this chat's own orders (another chat's code is "not found"). Wrong codes are
 * counted per chat and, past the allowance, refused until the window ends.
 */
export async function lookUpStatus(req: BotRequest, input: string): Promise<void> {
  const conversation = await req.conversation();
  const waiting = conversation.state.step === "status";
  const key = `status:${req.chatId}`;
  const window = await readRateWindow(req.tx, { key, now: req.now });
  if (window.hits >= STATUS_MISSES_ALLOWED) {
    const minutes = Math.max(1, Math.ceil((window.resetAt.getTime() - req.now.getTime()) / 60_000));
    req.send(req.texts.statusRateLimited(minutes));
    return;
  }
  const code = input.replace(/\s+/g, "");
  if (!BOOKING_CODE_PATTERN.test(code)) {
    // The customer stays at "enter your code", so the next message is read as a code again.
    req.send(req.texts.statusBadFormat);
    return;
  }
  const order = await findChatOrderByCode(req.tx, { chatId: req.chatId, code });
  if (waiting) await runWizard(req, { type: "status_done" }, { mode: "send" });
  if (!order) {
    await hitRateWindow(req.tx, { key, now: req.now, windowMs: STATUS_WINDOW_MS });
    req.send(req.texts.statusNotFound(code));
    return;
  }
  const message = await statusMessage(req, order);
  req.send(message.text, message.keyboard);
}

/** An 8-digit group anywhere ("kode 62473383"), or digits only: the customer is giving a code. */
const CODE_IN_TEXT = /(?:^|\D)(\d{8})(?:\D|$)/;
const DIGITS_ONLY = /^[\d\s]+$/;

/**
 * What the customer typed at the code prompt (or after /status): a code is
 * looked up; a mistyped number is explained and the prompt stays; anything
 * else ("lupa kode", "halo") lists the chat's open bookings, so a customer who
 * does not know the code is not asked for it over and over.
 */
export async function answerStatusInput(req: BotRequest, text: string): Promise<void> {
  const code = CODE_IN_TEXT.exec(text)?.[1];
  if (code) return lookUpStatus(req, code);
  if (DIGITS_ONLY.test(text)) return lookUpStatus(req, text);
  await leaveStatusPrompt(req);
  await listOpenBookings(req);
}

/** The chat's own open bookings (code, date, slot, status), a button each; or that there are none. */
export async function listOpenBookings(req: BotRequest): Promise<void> {
  const open = await listOpenChatOrders(req.tx, { chatId: req.chatId });
  if (open.length === 0) {
    req.send(req.texts.noOpenBookings);
    return;
  }
  req.send(req.texts.openBookings(open), openBookingsKeyboard(open.map((o) => o.bookingCode)));
}

/** Ends the code prompt, if the chat is at it (a command or another button takes the customer elsewhere). */
export async function leaveStatusPrompt(req: BotRequest): Promise<void> {
  if ((await req.step()) === "status") await runWizard(req, { type: "status_done" }, { mode: "send" });
}

/** The buttons of the code prompt and of the list: close the prompt, or show one booking's status. */
export async function handleStatusButton(
  req: BotRequest,
  { messageId, op, bookingCode }: { messageId: number; op: "close" | "open"; bookingCode?: string },
): Promise<void> {
  const { state } = await req.conversation();
  if (op === "close") {
    if (state.step === "status") await runWizard(req, { type: "cancel" }, { mode: "edit", messageId });
    else req.stripKeyboard(messageId);
    return;
  }
  await leaveStatusPrompt(req);
  const order = bookingCode ? await findChatOrderByCode(req.tx, { chatId: req.chatId, code: bookingCode }) : undefined;
  if (!order) {
    req.send(req.texts.statusNotFound(bookingCode ?? ""));
    return;
  }
  const message = await statusMessage(req, order);
  req.send(message.text, message.keyboard);
}
