import type { Database } from "@/db";
import { listStaffChatsOf } from "@/db/queries/staff-chats";
import type { Branch, Order } from "@/db/schema";
import { formatDateDmy } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { getEnv } from "@/lib/env";
import type { OrderEvent } from "./messages";
import { branchToNameInAlert } from "./alert-branch";
import { enqueueTelegramCall } from "./enqueue";

/** What the shop's staff chats hear about (their own moves in the admin, like repair steps, they already know). */
export type StaffAlertKind = "booked" | "warranty_claim" | "paid" | "payment_reversed" | "cancelled" | "rescheduled" | "expired" | "refund_due";

const HEADLINE: Record<StaffAlertKind, string> = {
  booked: "🆕 Booking baru",
  warranty_claim: "🛡️ Klaim garansi",
  paid: "💰 Pembayaran diterima",
  payment_reversed: "↩️ Pembayaran dibatalkan, pesanan belum lunas",
  cancelled: "❌ Pesanan dibatalkan",
  rescheduled: "🔁 Jadwal dipindah",
  expired: "⌛ Batas bayar habis, slot dilepas",
  refund_due: "⚠️ Perlu refund",
};

export function staffAlertOf(event: OrderEvent): StaffAlertKind | undefined {
  switch (event.kind) {
    case "payment_received":
      return "paid";
    case "payment_failed":
      return event.reversed ? "payment_reversed" : undefined;
    case "payment_expired":
      return "expired";
    case "cancelled":
      return event.latePayment ? undefined : "cancelled"; // the refund_due alert says what is new
    case "rescheduled":
      return "rescheduled";
    case "date_closed":
      return event.moved ? "rescheduled" : "cancelled";
    default:
      return undefined;
  }
}

/**
 * In Indonesian, the staff's language: what happened, the booking's facts, and the order in the admin.
 * `branch` (with two or more active branches) names the order's branch in the first line.
 */
export function staffAlertText(order: Order, kind: StaffAlertKind, branch?: Pick<Branch, "name">): string {
  const who = order.customerName || (order.telegramUsername ? `@${order.telegramUsername}` : (order.customerPhone ?? `chat ${order.chatId}`));
  return [
    `${HEADLINE[kind]} · ${order.bookingCode}${branch ? ` · ${branch.name}` : ""}`,
    `${who}${order.source === "counter" ? " (kasir)" : ""} — ${order.partName}, ${order.deviceName}`,
    `${formatDateDmy(order.serviceDate)}, ${order.slotLabel} · ${formatRupiah(order.amountIdr)}`,
    `${getEnv().APP_URL}/admin/orders/${order.id}`,
  ].join("\n");
}

/**
 * Queues the alert for the staff chats of the order's branch and of the whole shop, in the caller's transaction: it exists
 * exactly when the change does, goes out once per chat (dedupe key), and is
 * delivered by the outbox, so a slow or failing staff chat never holds up the
 * customer's update.
 */
export async function alertStaff(tx: Database, { order, kind, discriminator }: { order: Order; kind: StaffAlertKind; discriminator?: string }): Promise<void> {
  const chats = await listStaffChatsOf(tx, { branchId: order.branchId });
  if (chats.length === 0) return;
  const text = staffAlertText(order, kind, await branchToNameInAlert(tx, order.branchId));
  for (const chatId of chats) {
    await enqueueTelegramCall(tx, {
      chatId,
      dedupeKey: `staff:${chatId}:order:${order.id}:${kind}${discriminator ? `:${discriminator}` : ""}`,
      call: { method: "sendMessage", params: { chat_id: chatId, text, link_preview_options: { is_disabled: true } } },
    });
  }
}
