import type { Database } from "@/db";
import { listSlotDays } from "@/db/queries/slots";
import type { Order, PaymentMethod } from "@/db/schema";
import { createBookingIn, type BookingRefusal } from "@/lib/booking/create-booking";
import { formatDateDmy, todayInJakarta, wibInstant, type IsoDate } from "@/lib/booking/calendar";
import { whatsappLink } from "@/lib/booking/phone";
import { textsFor } from "@/lib/bot/texts";
import { statusPageUrl } from "@/lib/notify/outbox";
import { alertStaff } from "@/lib/notify/staff-alerts";
import { recordCashIn, type StaffMember } from "./order-actions";

/** How a counter order is paid: at the till later, in cash right now, or online through the status page's link. */
export const COUNTER_PAYMENTS = ["pay_at_shop", "paid_cash", "payment_link"] as const;
export type CounterPayment = (typeof COUNTER_PAYMENTS)[number];

const METHOD_OF: Record<CounterPayment, PaymentMethod> = { pay_at_shop: "pay_at_shop", paid_cash: "cash", payment_link: "all" };

export interface CounterOrderRequest {
  customerName: string;
  /** "+62…", normalised. */
  customerPhone: string;
  deviceId: number;
  /** Null: "Belum tahu / cek dulu", a diagnosis at the diagnosis fee. */
  partId: number | null;
  faultDescription?: string;
  /** "walk_in": the slot running now, today. */
  when: { kind: "walk_in" } | { kind: "slot"; serviceDate: IsoDate; slotId: number };
  payment: CounterPayment;
}

export type CounterOrderResult = { ok: true; order: Order } | { ok: false; message: string };

const REFUSAL_TEXT: Record<Exclude<BookingRefusal, "too_many_unpaid">, string> = {
  slot_full: "Slot itu sudah penuh pada tanggal tersebut. Pilih slot atau tanggal lain.",
  slot_closed: "Slot itu tidak aktif.",
  slot_too_soon: "Slot itu sudah lewat hari ini. Pilih slot berikutnya.",
  date_unavailable: "Tanggal itu tidak bisa dipesan (sudah lewat, toko tutup, atau melewati batas pemesanan).",
  item_unavailable: "Perangkat atau spare part itu tidak ada di katalog (atau sedang nonaktif).",
  part_out_of_stock: "Stok spare part itu habis (semua unit sudah dipesan). Terima barang dulu di halaman Stok, atau pilih part lain.",
  // Staff may always take payment at the counter; this refusal is the bot's, kept here for completeness.
  payment_unavailable: "Bayar di toko sedang tidak diizinkan.",
};

/**
 * The slot running at `now` today (WIB) that still has room; when none has, a
 * sentence saying why, so "Walk-in sekarang" books nothing rather than a wrong slot.
 */
async function findWalkInSlot(db: Database, now: Date): Promise<{ ok: true; slotId: number; serviceDate: IsoDate } | { ok: false; message: string }> {
  const today = todayInJakarta(now);
  const running = (await listSlotDays(db, { serviceDate: today })).filter(
    (slot) => wibInstant(today, slot.startTime) <= now && now < wibInstant(today, slot.endTime),
  );
  const open = running.find((slot) => slot.remaining > 0);
  if (open) return { ok: true, slotId: open.id, serviceDate: today };
  if (running.length > 0) {
    return { ok: false, message: `Slot yang sedang berjalan (${running.map((s) => s.label).join(", ")}) sudah penuh. Tidak ada pesanan dibuat; pilih tanggal dan slot lain.` };
  }
  return { ok: false, message: "Tidak ada slot yang sedang berjalan sekarang. Tidak ada pesanan dibuat; pilih tanggal dan slot." };
}

/**
 * An order made by staff for a walk-in or a phone call: booked through the same
 * createBooking as the bot (same slot lock, same count of places), with no chat,
 * the staff member as the audit's actor, and the staff chats alerted. "Sudah
 * bayar tunai" records the cash in the same transaction, so the order never
 * exists unpaid.
 */
export async function createCounterOrder(
  db: Database,
  { request, by, now = new Date() }: { request: CounterOrderRequest; by: StaffMember; now?: Date },
): Promise<CounterOrderResult> {
  let when: { serviceDate: IsoDate; slotId: number };
  if (request.when.kind === "walk_in") {
    const slot = await findWalkInSlot(db, now);
    if (!slot.ok) return slot;
    when = slot;
  } else {
    when = request.when;
  }
  return db.transaction(async (tx) => {
    const booked = await createBookingIn(tx, {
      chatId: null,
      source: "counter",
      customerName: request.customerName,
      customerPhone: request.customerPhone,
      faultDescription: request.faultDescription,
      deviceId: request.deviceId,
      partId: request.partId,
      slotId: when.slotId,
      serviceDate: when.serviceDate,
      paymentMethod: METHOD_OF[request.payment],
      now,
      actor: by.username,
    });
    if (!booked.ok) {
      if (booked.reason === "too_many_unpaid") throw new Error("a counter order has no chat to count unpaid bookings of");
      const text = REFUSAL_TEXT[booked.reason];
      return { ok: false, message: request.when.kind === "walk_in" && booked.reason === "slot_full" ? `${text} Tidak ada pesanan dibuat.` : text };
    }
    await alertStaff(tx, { order: booked.order, kind: "booked" });
    const order = request.payment === "paid_cash" ? await recordCashIn(tx, { order: booked.order, by, now }) : booked.order;
    return { ok: true, order };
  });
}

/** What staff send the customer by WhatsApp: the booking and its status/pay page, in the order's language. */
export function paymentLinkShare(order: Order, shopName: string): { statusUrl: string; whatsappUrl: string | undefined } {
  const statusUrl = statusPageUrl(order);
  const text = textsFor(order.language === "en" ? "en" : "id").paymentLinkMessage(
    {
      bookingCode: order.bookingCode,
      customerName: order.customerName,
      amountIdr: order.amountIdr,
      serviceDate: order.serviceDate,
      slotLabel: order.slotLabel,
      shopName,
    },
    statusUrl,
  );
  return { statusUrl, whatsappUrl: order.customerPhone ? whatsappLink(order.customerPhone, text) : undefined };
}

/** The sentence the new-order page answers with. */
export function counterOrderMessage(order: Order): string {
  const paid = order.paymentStatus === "paid" ? " Lunas (tunai)." : "";
  return `Pesanan ${order.bookingCode} dibuat: ${formatDateDmy(order.serviceDate)}, ${order.slotLabel}.${paid}`;
}
