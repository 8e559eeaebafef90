import type { Database } from "@/db";
import type { ShopSettings } from "@/db/queries/settings";
import type { Order } from "@/db/schema";
import { isVirtualAccountMethod } from "@/lib/payments/payment-request";
import { orderLanguage } from "@/lib/notify/messages";
import { enqueueTelegramCall, statusPageUrl } from "@/lib/notify/outbox";
import type { TelegramCall } from "@/lib/telegram/telegram-call";
import { alertStaff } from "@/lib/notify/staff-alerts";
import { shopContactOf } from "@/lib/site/shop-contact";
import { urlRow } from "./keyboards";
import { textsFor, type PaymentInstructions, type SummaryFacts } from "./texts";

export function orderFacts(order: Order): SummaryFacts {
  return {
    bookingCode: order.bookingCode,
    amountIdr: order.amountIdr,
    serviceDate: order.serviceDate,
    slotLabel: order.slotLabel,
    deviceName: order.deviceName,
    partName: order.partName,
    paymentMethod: order.paymentMethod,
    phone: order.customerPhone,
    faultDescription: order.faultDescription,
    photoCount: order.faultPhotos.length,
  };
}

export interface ConfirmationContext {
  /** The shop's settings: where to come (address, map link). */
  settings: Pick<ShopSettings, "shopName" | "address" | "phone" | "mapsUrl">;
  /** A bank VA when one was issued at booking (the payments part passes it); without it the customer pays from the status page. */
  payment?: PaymentInstructions;
}

/**
 * The message that confirms a booking: only what the summary above did not
 * say (the code, when and where, the deadline unless a VA message brings it)
 * and the status page with a "Bayar Sekarang" button.
 */
export function bookingConfirmationCall(order: Order & { chatId: number }, { settings, payment }: ConfirmationContext): TelegramCall {
  const texts = textsFor(orderLanguage(order));
  const { address, mapsUrl } = shopContactOf(settings);
  const url = statusPageUrl(order);
  const payRow = urlRow(order.paymentMethod === "pay_at_shop" ? texts.buttonOpenStatus : texts.buttonPayNow, url);
  return {
    method: "sendMessage",
    params: {
      chat_id: order.chatId,
      text: texts.confirmation(
        {
          ...orderFacts(order),
          bookingCode: order.bookingCode,
          holdExpiresAt: order.holdExpiresAt,
          shopName: settings.shopName,
          virtualAccountFollows: isVirtualAccountMethod(order.paymentMethod),
          location: { address, mapsUrl },
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
export async function queueBookingConfirmation(tx: Database, order: Order, context: ConfirmationContext): Promise<string> {
  const dedupeKey = bookingConfirmationKey(order);
  const { chatId } = order;
  if (chatId === null) throw new Error("a booking confirmation needs the customer's chat");
  await enqueueTelegramCall(tx, { chatId, dedupeKey, call: bookingConfirmationCall({ ...order, chatId }, context) });
  await alertStaff(tx, { order, kind: "booked" });
  return dedupeKey;
}
