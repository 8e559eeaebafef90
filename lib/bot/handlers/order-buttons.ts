import { findChatOrderByCode, lockOrder } from "@/db/queries/orders";
import { cancelBookingIn } from "@/lib/booking/cancel-booking";
import { shopContactOf } from "@/lib/site/shop-contact";
import type { BotRequest } from "../bot-request";
import type { OrderOp } from "../callback-data";
import { confirmCancelKeyboard } from "../keyboards";
import { customerMayCancel, statusMessage } from "./status";

/**
 * The buttons under an order's status: "cancel booking" asks for confirmation,
 * "yes" cancels (which frees the slot), "no" shows the status again. Only this
 * chat's orders are found. Returns the text for answerCallbackQuery, if any.
 */
export async function handleOrderButton(
  req: BotRequest,
  { messageId, op, bookingCode }: { messageId: number; op: Exclude<OrderOp, "reschedule">; bookingCode: string },
): Promise<string | undefined> {
  const found = await findChatOrderByCode(req.tx, { chatId: req.chatId, code: bookingCode });
  if (!found) return req.texts.statusNotFound(bookingCode);
  // Locked before deciding, so a payment landing at this moment cannot be cancelled under it.
  const order = op === "confirm_cancel" ? ((await lockOrder(req.tx, { id: found.id })) ?? found) : found;
  if (op === "keep" || !customerMayCancel(order)) {
    const message = await statusMessage(req, order);
    req.edit(messageId, message.text, message.keyboard);
    if (op === "keep") return undefined;
    // Paid money goes back through the shop: say how to reach it, in the chat where a link can be tapped.
    if (order.paymentStatus === "paid" && order.repairStatus !== "cancelled") {
      req.send(req.texts.cancelPaidContact(bookingCode, shopContactOf(await req.settings())));
    }
    return req.texts.cancelNotAllowed(bookingCode);
  }
  if (op === "cancel") {
    req.edit(messageId, req.texts.cancelBookingConfirm(bookingCode), confirmCancelKeyboard(req.texts, bookingCode));
    return undefined;
  }
  const result = await cancelBookingIn(req.tx, {
    orderId: order.id,
    actor: `telegram:${req.customer.id}`,
    reason: "cancelled by the customer in Telegram",
  });
  if (!result.ok) return req.texts.cancelNotAllowed(bookingCode);
  req.cancelledOrderIds.push(order.id);
  req.outboxKeys.push(...result.offerKeys);
  req.edit(messageId, req.texts.bookingCancelled(bookingCode));
  return undefined;
}
