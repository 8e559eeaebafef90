import type { Database } from "@/db";
import { getShopSettings } from "@/db/queries/settings";
import type { Order } from "@/db/schema";
import { isVirtualAccountMethod } from "@/lib/payments/payment-request";
import { orderLanguage } from "@/lib/notify/messages";
import { enqueueTelegramCall, statusPageUrl, type TelegramCall } from "@/lib/notify/outbox";
import { urlRow } from "./keyboards";
import { textsFor, type PaymentInstructions, type SummaryFacts } from "./texts";

export function orderFacts(order: Order): SummaryFacts {
  return {
    id: order.bookingCode,
    amountIdr: order.amountIdr,
    serviceDate: order.serviceDate,
    slotLabel: order.slotLabel,
    deviceName: order.deviceName,
    partName: order.partName,
    paymentMethod: order.paymentMethod,
  };
}

/**
 * The message that confirms a booking: only what the summary above did not
 * say (the code, when and where in one line, the deadline unless a VA message
 * brings it) and the status page with a "Bayar Sekarang" button. `payment`
 * carries a bank VA when one was issued at booking; without it the customer
 * pays from the status page or the VA message that follows.
 */
export function bookingConfirmationCall(order: Order, shopName: string, payment?: PaymentInstructions): TelegramCall {
  const texts = textsFor(orderLanguage(order));
  const url = statusPageUrl(order);
  const payRow = urlRow(texts.buttonPayNow, url);
  return {
    method: "sendMessage",
    params: {
      chat_id: order.chatId,
      text: texts.confirmation(
        {
          ...orderFacts(order),
          bookingCode: order.bookingCode,
          holdExpiresAt: order.holdExpiresAt,
          shopName,
          virtualAccountFollows: isVirtualAccountMethod(order.paymentMethod),
        },
        url,
        payment,
      ),
      reply_markup: payRow.length ? { inline_keyboard: [payRow] } : undefined,
      link_preview_options: { is_disabled: true },
    },
  };
}

export function bookingConfirmationKey(order: Pick<Order, "id">): string {
  return `order:${order.id}:confirmation`;
}

/** Queues the confirmation in the booking's transaction: one message per order, however often this runs. */
export async function queueBookingConfirmation(tx: Database, order: Order, payment?: PaymentInstructions): Promise<string> {
  const dedupeKey = bookingConfirmationKey(order);
  const { shopName } = await getShopSettings(tx);
  await enqueueTelegramCall(tx, { chatId: order.chatId, dedupeKey, call: bookingConfirmationCall(order, shopName, payment) });
  return dedupeKey;
}
