import { getDb } from "@/db";
import type { Order } from "@/db/schema";
import { deliverOutboxMessages } from "@/lib/notify/deliver";
import { orderLanguage } from "@/lib/notify/messages";
import { enqueueTelegramCall, statusPageUrl } from "@/lib/notify/outbox";
import { issueVirtualAccount } from "@/lib/payments/issue-virtual-account";
import { virtualAccountText } from "@/lib/payments/texts";
import type { TelegramCall } from "@/lib/telegram/telegram-call";
import { urlRow } from "./keyboards";
import { textsFor } from "./texts";

export function virtualAccountMessageKey(order: Pick<Order, "id">): string {
  return `order:${order.id}:virtual-account`;
}

/**
 * After a bank-transfer booking commits: a Core API charge for the VA, then
 * the bank, number, amount and deadline in the chat (the paper wants the VA to
 * reach the customer in Telegram). Midtrans is called outside the booking's
 * transaction, so a slow or absent Midtrans never holds the slot's lock; if it
 * cannot issue the VA now, the customer is pointed at the status page, where
 * "Bayar Sekarang" tries again. One message per order, however often this runs.
 */
export async function sendVirtualAccount(
  order: Order,
  now = new Date(),
  { deliverNow = true }: { deliverNow?: boolean } = {},
): Promise<"sent" | "unavailable" | "nothing"> {
  const db = await getDb();
  const issued = await issueVirtualAccount(db, { orderId: order.id, now });
  const texts = textsFor(orderLanguage(order));
  const url = statusPageUrl(order);
  let text: string;
  if (issued.ok) text = virtualAccountText(issued.order, issued.payment, orderLanguage(order));
  else if (issued.reason === "midtrans_unavailable" || issued.reason === "midtrans_refused") text = texts.virtualAccountUnavailable(order.bookingCode);
  else return "nothing"; // paid, cancelled or expired meanwhile: there is nothing to pay
  if (order.chatId === null) return "nothing"; // made at the counter: no chat to send it to
  const payRow = urlRow(texts.buttonPayNow, url);
  const call: TelegramCall = {
    method: "sendMessage",
    params: { chat_id: order.chatId, text, reply_markup: payRow.length ? { inline_keyboard: [payRow] } : undefined },
  };
  const dedupeKey = virtualAccountMessageKey(order);
  await enqueueTelegramCall(db, { chatId: order.chatId, dedupeKey, call });
  // Not now when Telegram just failed: the outbox then sends it after the booking's confirmation.
  if (deliverNow) await deliverOutboxMessages({ dedupeKeys: [dedupeKey], now });
  return issued.ok ? "sent" : "unavailable";
}
