import { listUnpaidChatOrders } from "@/db/queries/orders";
import { statusPageUrl } from "@/lib/notify/outbox";
import type { BotRequest } from "../bot-request";
import { runWizard } from "../wizard-runtime";

/**
 * /order (also /start order and the "Order" button): the wizard from its
 * intro. A customer who still has unpaid bookings is reminded of them first,
 * with their pay links — they may have meant to pay rather than book again —
 * and may still go on.
 */
export async function startOrder(req: BotRequest, { prefix = [] }: { prefix?: string[] } = {}): Promise<void> {
  const unpaid = await listUnpaidChatOrders(req.tx, { chatId: req.chatId });
  const reminder = unpaid.length
    ? [req.texts.unpaidReminder(unpaid.map((order) => ({ bookingCode: order.bookingCode, statusUrl: statusPageUrl(order) })))]
    : [];
  await runWizard(req, { type: "order" }, { mode: "send" }, { prefix: [...reminder, ...prefix] });
}
