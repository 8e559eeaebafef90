import { findChatOrderByCode } from "@/db/queries/orders";
import { hitRateWindow, readRateWindow } from "@/db/queries/rate-limits";
import type { Order } from "@/db/schema";
import { BOOKING_CODE_PATTERN } from "@/lib/booking/codes";
import { statusPageUrl } from "@/lib/notify/outbox";
import type { BotRequest } from "../bot-request";
import { orderFacts } from "../confirmation";
import { orderStatusKeyboard, type InlineKeyboard } from "../keyboards";
import { runWizard } from "../wizard-runtime";

/** Wrong codes a chat may try per window before /status pauses: enough for typos, too few to guess 90 million codes. */
export const STATUS_MISSES_ALLOWED = 5;
export const STATUS_WINDOW_MS = 15 * 60_000;

/** A customer may call a booking off themselves until it is paid or the shop has started on it. */
export function customerMayCancel(order: Order): boolean {
  return order.repairStatus === "booked" && ["unpaid", "pending", "failed"].includes(order.paymentStatus);
}

export function statusMessage(req: BotRequest, order: Order): { text: string; keyboard: InlineKeyboard } {
  const url = statusPageUrl(order);
  return {
    text: req.texts.statusSummary({ ...orderFacts(order), paymentStatus: order.paymentStatus, repairStatus: order.repairStatus }, url),
    keyboard: orderStatusKeyboard(req.texts, { url, bookingCode: order.bookingCode, cancellable: customerMayCancel(order) }),
  };
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
  const message = statusMessage(req, order);
  req.send(message.text, message.keyboard);
}
