import type { Database } from "@/db";
import type { Order } from "@/db/schema";
import { getShopSettings } from "@/db/queries/settings";
import { getEnv } from "@/lib/env";
import { shopContactOf } from "@/lib/site/shop-contact";
import { enqueueTelegramCall } from "./enqueue";
import { EVENTS_WITH_WHEREABOUTS, orderEventText, type OrderEvent } from "./messages";
import { alertStaff, staffAlertOf } from "./staff-alerts";

export { enqueueTelegramCall } from "./enqueue";

export function statusPageUrl(order: Pick<Order, "statusToken">): string {
  return `${getEnv().APP_URL}/orders/${order.statusToken}`;
}

/** Dedupe key of an order event: one message per order and event (and per status reached). */
export function orderEventKey(order: Pick<Order, "id">, event: OrderEvent, discriminator?: string): string {
  const detail = event.kind === "repair_status" ? `:${event.status}` : "";
  return `order:${order.id}:${event.kind}${detail}${discriminator ? `:${discriminator}` : ""}`;
}

/**
 * Tells the customer about an order event in Telegram, through the outbox. Call it
 * inside the transaction that makes the change, so the message exists exactly
 * when the change does. `discriminator` separates repeats of one event kind that
 * are meant to be sent again (e.g. a second reschedule: pass the new version).
 */
export async function notifyOrderEvent(
  tx: Database,
  { order, event, discriminator }: { order: Order; event: OrderEvent; discriminator?: string },
): Promise<boolean> {
  // An order made at the counter has no chat until the customer shares that phone with the bot.
  const queued = order.chatId === null ? false : await tellCustomer(tx, order as Order & { chatId: number }, event, discriminator);
  const kind = staffAlertOf(event);
  if (kind) await alertStaff(tx, { order, kind, discriminator });
  if (order.needsRefund) await alertStaff(tx, { order, kind: "refund_due" });
  return queued;
}

async function tellCustomer(tx: Database, order: Order & { chatId: number }, event: OrderEvent, discriminator?: string): Promise<boolean> {
  const url = statusPageUrl(order);
  const where = EVENTS_WITH_WHEREABOUTS.has(event.kind) ? shopContactOf(await getShopSettings(tx)) : undefined;
  return enqueueTelegramCall(tx, {
    chatId: order.chatId,
    dedupeKey: orderEventKey(order, event, discriminator),
    call: {
      method: "sendMessage",
      params: {
        chat_id: order.chatId,
        text: orderEventText(order, event, url, where),
        link_preview_options: { is_disabled: true },
      },
    },
  });
}
