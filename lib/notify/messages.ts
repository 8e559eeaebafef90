import type { Order, RepairStatus } from "@/db/schema";
import { formatDateDmy, formatWibDateTime } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { labelsFor, type Language } from "@/lib/booking/status-labels";

/** Texts of the messages the system sends on its own initiative, per language (DESIGN §5: Indonesian first). */
export type { Language };

export type OrderEvent =
  | { kind: "payment_received" }
  | { kind: "payment_expired" }
  /** `reversed`: a payment already counted was taken back (a card capture cancelled before settlement). */
  | { kind: "payment_failed"; reversed?: boolean }
  /** A card payment Midtrans' fraud check holds for review (challenge): neither paid nor refused yet. */
  | { kind: "payment_review" }
  /** Midtrans says money went back (a refund made outside the app): how much, when its notice says. */
  | { kind: "payment_refunded"; partial: boolean; amountIdr?: number }
  /** The shop gave money back (Midtrans' refund API or by hand): the amount, and whether all of it. */
  | { kind: "refund_done"; amountIdr: number; full: boolean }
  /** The shop closed the service date: the order was moved (its new date is on the order) or cancelled. */
  | { kind: "date_closed"; closedDate: string; moved: boolean }
  | { kind: "repair_status"; status: RepairStatus }
  | { kind: "rescheduled" }
  /** `latePayment`: said again because money arrived after the cancellation (the shop already knows it is cancelled). */
  | { kind: "cancelled"; byShop: boolean; latePayment?: boolean }
  | { kind: "reminder" };

/** "Status perbaikan: Siap diambil", in the words of the status page and the bot (lib/booking/status-labels.ts). */
export function repairStatusLine(status: RepairStatus, language: Language = "id"): string {
  const labels = labelsFor(language);
  return `${labels.repairHeading}: ${labels.repair[status]}`;
}

export function orderLanguage(order: Pick<Order, "language">): Language {
  return order.language === "en" ? "en" : "id";
}

function summaryLines(order: Order, language: Language): string {
  const when = `${formatDateDmy(order.serviceDate)}, ${order.slotLabel}`;
  return language === "en"
    ? `Booking code: ${order.bookingCode}\nService: ${order.partName} – ${order.deviceName}\nAppointment: ${when}\nTotal: ${formatRupiah(order.amountIdr)}`
    : `Kode booking: ${order.bookingCode}\nLayanan: ${order.partName} – ${order.deviceName}\nJadwal: ${when}\nTotal: ${formatRupiah(order.amountIdr)}`;
}

/** Where the shop is, for the messages that tell the customer to come. */
export interface ShopWhereabouts {
  address?: string;
  mapsUrl?: string;
}

/** Events whose message asks the customer to come to the shop: they carry its address and map. */
export const EVENTS_WITH_WHEREABOUTS: ReadonlySet<OrderEvent["kind"]> = new Set(["payment_received", "reminder"]);

function whereabouts(where: ShopWhereabouts | undefined, en: boolean): string {
  const lines = [where?.address, where?.mapsUrl && `${en ? "Map" : "Peta"}: ${where.mapsUrl}`].filter(Boolean);
  return lines.length ? `\n📍 ${lines.join("\n")}` : "";
}

/** The message for an order event; `statusUrl` is the customer's status page, `where` the shop's address and map. */
export function orderEventText(order: Order, event: OrderEvent, statusUrl: string, where?: ShopWhereabouts): string {
  const language = orderLanguage(order);
  const en = language === "en";
  const summary = summaryLines(order, language);
  const place = whereabouts(where, en);
  switch (event.kind) {
    case "payment_received":
      return en
        ? `✅ Payment received. Thank you!\n\n${summary}\n\nPlease come at your appointment time.${place}\n\nStatus: ${statusUrl}`
        : `✅ Pembayaran diterima. Terima kasih!\n\n${summary}\n\nSilakan datang sesuai jadwal.${place}\n\nStatus: ${statusUrl}`;
    case "payment_expired":
      return en
        ? `⌛ The payment time for booking ${order.bookingCode} has run out, so the booking was cancelled and the slot released. Book again any time with /order.`
        : `⌛ Batas waktu pembayaran booking ${order.bookingCode} sudah lewat, jadi booking dibatalkan dan jadwalnya dilepas. Silakan booking lagi dengan /order.`;
    case "payment_failed":
      return en
        ? `❌ The payment for booking ${order.bookingCode} did not go through. You can try again from the status page: ${statusUrl}`
        : `❌ Pembayaran untuk booking ${order.bookingCode} gagal. Silakan coba lagi dari halaman status: ${statusUrl}`;
    case "payment_review":
      return en
        ? `🔎 Your card payment for booking ${order.bookingCode} is being checked by the payment provider. Your slot stays reserved; we will tell you here as soon as it is approved (or not). Nothing to do for now.\n\nStatus: ${statusUrl}`
        : `🔎 Pembayaran kartu untuk booking ${order.bookingCode} sedang diperiksa oleh penyedia pembayaran. Jadwal Anda tetap disimpan; kami kabari di sini begitu disetujui (atau tidak). Untuk saat ini tidak perlu melakukan apa pun.\n\nStatus: ${statusUrl}`;
    case "payment_refunded": {
      const amount = event.amountIdr ? ` ${formatRupiah(event.amountIdr)}` : "";
      if (event.partial) {
        return en
          ? `↩️ Part of the payment for booking ${order.bookingCode} has been refunded${amount ? `:${amount}` : ""}.\n\nStatus: ${statusUrl}`
          : `↩️ Sebagian pembayaran untuk booking ${order.bookingCode} sudah dikembalikan${amount ? `:${amount}` : ""}.\n\nStatus: ${statusUrl}`;
      }
      return en
        ? `↩️ The payment for booking ${order.bookingCode} has been refunded${amount ? ` (${amount.trim()})` : ""}.`
        : `↩️ Pembayaran untuk booking ${order.bookingCode} sudah dikembalikan (refund${amount ? `${amount}` : ""}).`;
    }
    case "refund_done":
      return en
        ? `↩️ The shop has refunded ${formatRupiah(event.amountIdr)} for booking ${order.bookingCode}${event.full ? "" : " (part of the payment)"}. It may take a few days to reach your account, depending on your bank or e-wallet.\n\nStatus: ${statusUrl}`
        : `↩️ Toko telah mengembalikan dana ${formatRupiah(event.amountIdr)} untuk booking ${order.bookingCode}${event.full ? "" : " (sebagian dari pembayaran)"}. Dana bisa butuh beberapa hari sampai di rekening atau e-wallet Anda.\n\nStatus: ${statusUrl}`;
    case "date_closed":
      if (event.moved) {
        return en
          ? `📅 Sorry, the shop is closed on ${formatDateDmy(event.closedDate)}, so your appointment has been moved.\n\n${summary}\n\nStatus: ${statusUrl}`
          : `📅 Mohon maaf, toko tutup pada ${formatDateDmy(event.closedDate)}, jadi jadwal servis Anda dipindahkan.\n\n${summary}\n\nStatus: ${statusUrl}`;
      }
      return en
        ? `Sorry, the shop is closed on ${formatDateDmy(event.closedDate)}, so booking ${order.bookingCode} has been cancelled.${order.needsRefund ? " Your payment will be refunded." : ""} Book another day any time with /order.`
        : `Mohon maaf, toko tutup pada ${formatDateDmy(event.closedDate)}, jadi booking ${order.bookingCode} dibatalkan.${order.needsRefund ? " Pembayaran Anda akan dikembalikan." : ""} Silakan booking hari lain dengan /order.`;
    case "repair_status": {
      const thanks = event.status === "completed" ? (en ? " Thank you!" : " Terima kasih!") : "";
      return `🔧 ${repairStatusLine(event.status, language)}.${thanks}\n\n${summary}\n\nStatus: ${statusUrl}`;
    }
    case "rescheduled":
      return en
        ? `📅 Your appointment has been moved.\n\n${summary}\n\nStatus: ${statusUrl}`
        : `📅 Jadwal servis Anda diubah.\n\n${summary}\n\nStatus: ${statusUrl}`;
    case "cancelled":
      return en
        ? `Booking ${order.bookingCode} has been cancelled${event.byShop ? " by the shop" : ""}.${order.needsRefund ? " Your payment will be refunded." : ""}`
        : `Booking ${order.bookingCode} telah dibatalkan${event.byShop ? " oleh toko" : ""}.${order.needsRefund ? " Pembayaran Anda akan dikembalikan." : ""}`;
    case "reminder":
      return en
        ? `⏰ Reminder: your repair appointment is tomorrow.\n\n${summary}${place}\n\nStatus: ${statusUrl}`
        : `⏰ Pengingat: jadwal servis Anda besok.\n\n${summary}${place}\n\nStatus: ${statusUrl}`;
  }
}

export { formatWibDateTime };
