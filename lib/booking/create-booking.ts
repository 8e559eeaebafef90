import type { Database } from "@/db";
import { insertOrderUnlessCodeTaken, listUnpaidChatBookingCodes, lockChatBookings } from "@/db/queries/orders";
import { getShopSettings } from "@/db/queries/settings";
import { findSlot } from "@/db/queries/slots";
import type { NewOrder, Order, OrderSource, PaymentMethod } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { checkBookingDate, slotStartsInTime } from "./availability";
import { findBookedService } from "./booked-service";
import { wibInstant } from "./calendar";
import { generateBookingCode, generateStatusToken } from "./codes";
import { reserveSlot } from "./reserve-slot";
import { reserveUnit } from "./reserve-unit";
import { noteUnitsLeft } from "@/lib/notify/stock-alerts";
import { closeWaitByBooking, lockOwnOffer } from "./waitlist";

export interface BookingRequest {
  /** Null for an order made at the counter: the customer has no chat (yet). */
  chatId: number | null;
  /** "counter": staff book for a walk-in or a phone call (default "bot"). */
  source?: OrderSource;
  telegramUserId?: number | null;
  telegramUsername?: string | null;
  customerName: string;
  /** "+62…", already normalised (normalizeIndonesianPhone). */
  customerPhone?: string | null;
  faultDescription?: string | null;
  /** Telegram file_ids of the customer's photos of the fault (at most 3). */
  faultPhotos?: string[];
  language?: "id" | "en";
  deviceId: number;
  /** Null for a diagnosis ("Belum tahu / cek dulu"): priced at the shop's diagnosis fee. */
  partId: number | null;
  slotId: number;
  serviceDate: string;
  paymentMethod: PaymentMethod;
  now?: Date;
  actor?: string;
}

export type BookingRefusal =
  | "slot_full"
  | "slot_closed"
  | "slot_too_soon"
  | "date_unavailable"
  | "item_unavailable"
  /** The last unit of the part went to another booking (and no back-order fits the date). */
  | "part_out_of_stock"
  /** "Bayar di toko" was chosen in the bot but the shop has turned it off since. */
  | "payment_unavailable"
  | "too_many_unpaid";
export type BookingResult =
  | { ok: true; order: Order }
  | { ok: false; reason: Exclude<BookingRefusal, "too_many_unpaid"> }
  /** The chat already holds maxUnpaidPerChat unpaid bookings: these codes, to pay or cancel first. */
  | { ok: false; reason: "too_many_unpaid"; unpaidCodes: string[] };

const CODE_ATTEMPTS = 8;

/**
 * Books a service in the caller's transaction: re-checks the date and the slot's
 * room at this instant, snapshots names and price, holds the place until the
 * payment deadline and writes the audit entry. Nothing is written when it refuses.
 *
 * A chat may hold at most `maxUnpaidPerChat` unpaid bookings: without that, one
 * chat could take every place of a day and never pay. The chat's bookings take
 * turns on a per-chat lock, so the count cannot be raced by parallel taps.
 *
 * Staff at the counter (source "counter", no chat) share the same places under
 * the same slot lock, but may book a slot until it ends (the customer is
 * standing there), and their unpaid hold lasts until the slot is over.
 * "pay_at_shop" holds no deadline at all: the money comes at the counter.
 */
export async function createBookingIn(tx: Database, request: BookingRequest): Promise<BookingResult> {
  const now = request.now ?? new Date();
  const settings = await getShopSettings(tx);
  // The slot says the branch: its closed dates, prices, stock and places (reserveSlot re-reads the slot under its lock).
  const slot = await findSlot(tx, { id: request.slotId });
  if (!slot) return { ok: false, reason: "slot_closed" };
  const branchId = slot.branchId;
  const date = await checkBookingDate(tx, { date: request.serviceDate, now, settings, branchId });
  if (!date.ok) return { ok: false, reason: "date_unavailable" };

  if (request.chatId !== null) {
    await lockChatBookings(tx, { chatId: request.chatId });
    const unpaidCodes = await listUnpaidChatBookingCodes(tx, { chatId: request.chatId });
    if (unpaidCodes.length >= settings.maxUnpaidPerChat) return { ok: false, reason: "too_many_unpaid", unpaidCodes };
  }

  const item = await findBookedService(tx, {
    deviceId: request.deviceId,
    partId: request.partId,
    diagnosisFeeIdr: settings.diagnosisFeeIdr,
    language: request.language,
    branchId,
  });
  if (!item) return { ok: false, reason: "item_unavailable" };
  const atCounter = request.source === "counter";
  // In the bot, nothing to pay online (a free diagnosis) is paid at the shop, whatever was chosen;
  // "Bayar di toko" otherwise only while the shop allows it (staff at the counter may always).
  const paymentMethod: PaymentMethod = item.priceIdr === 0 && !atCounter ? "pay_at_shop" : request.paymentMethod;
  if (paymentMethod === "pay_at_shop" && item.priceIdr > 0 && !atCounter && !settings.payAtShopAllowed) {
    return { ok: false, reason: "payment_unavailable" };
  }

  // A place held for this chat's waitlist offer is its own to take (locked before the slot, as the waitlist does).
  const offer = await lockOwnOffer(tx, { chatId: request.chatId, serviceDate: request.serviceDate, slotId: request.slotId, now });
  const place = await reserveSlot(tx, { slotId: request.slotId, serviceDate: request.serviceDate, now, forChatId: request.chatId });
  if (!place.ok) return place;
  const slotStart = wibInstant(request.serviceDate, place.slot.startTime);
  const slotEnd = wibInstant(request.serviceDate, place.slot.endTime);
  const inTime = atCounter ? now < slotEnd : slotStartsInTime(place.slot, request.serviceDate, now, settings.leadTimeMinutes);
  if (!inTime) return { ok: false, reason: "slot_too_soon" };
  const unit = await reserveUnit(tx, { branchId, deviceId: item.deviceId, partId: item.partId, serviceDate: request.serviceDate, now });
  if (!unit.ok) return { ok: false, reason: unit.reason };

  const holdEnd = Math.min(now.getTime() + settings.holdHours * 3_600_000, (atCounter ? slotEnd : slotStart).getTime());
  // Paid at the counter: the place is kept until the day, no hold runs out.
  const holdExpiresAt = paymentMethod === "pay_at_shop" ? null : new Date(holdEnd);

  const order = await insertOrderWithFreshCode(tx, {
    branchId,
    chatId: request.chatId,
    source: request.source ?? "bot",
    telegramUserId: request.telegramUserId ?? null,
    telegramUsername: request.telegramUsername ?? null,
    customerName: request.customerName,
    customerPhone: request.customerPhone ?? null,
    faultDescription: request.faultDescription || null,
    faultPhotos: request.faultPhotos ?? [],
    language: request.language ?? "id",
    deviceId: item.deviceId,
    partId: item.partId,
    slotId: place.slot.id,
    technicianId: place.technicianId,
    deviceName: item.deviceName,
    partName: item.partName,
    slotLabel: place.slot.label,
    serviceDate: request.serviceDate,
    paymentMethod,
    amountIdr: item.priceIdr,
    holdExpiresAt,
    createdAt: now,
    updatedAt: now,
  });
  if (unit.stock) await noteUnitsLeft(tx, { stock: unit.stock, left: unit.leftAfter, deviceName: item.deviceName, partName: item.partName, now });
  if (request.chatId !== null) await closeWaitByBooking(tx, { chatId: request.chatId, branchId, serviceDate: request.serviceDate, orderId: order.id, offer, now });
  await recordAudit(tx, {
    actor: request.actor ?? `telegram:${request.telegramUserId ?? request.chatId}`,
    entity: "order",
    entityId: order.id,
    action: "order.created",
    after: {
      bookingCode: order.bookingCode,
      serviceDate: order.serviceDate,
      slot: order.slotLabel,
      device: order.deviceName,
      part: order.partName,
      amountIdr: order.amountIdr,
      paymentMethod: order.paymentMethod,
      customerPhone: order.customerPhone,
      ...(order.source === "counter" && { source: order.source }),
    },
  });
  return { ok: true, order };
}

/** Inserts the order under a freshly drawn booking code and status token, drawing again on a clash. */
export async function insertOrderWithFreshCode(tx: Database, values: Omit<NewOrder, "bookingCode" | "statusToken">): Promise<Order> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const order = await insertOrderUnlessCodeTaken(tx, { ...values, bookingCode: generateBookingCode(), statusToken: generateStatusToken() });
    if (order) return order;
  }
  // 8 collisions in a row among 90 million codes means something else is wrong.
  throw new Error("could not draw a free booking code");
}

/** createBookingIn in a transaction of its own. */
export function createBooking(db: Database, request: BookingRequest): Promise<BookingResult> {
  return db.transaction((tx) => createBookingIn(tx, request));
}
