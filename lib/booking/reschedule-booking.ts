import type { Database } from "@/db";
import { lockOrder, updateOrder } from "@/db/queries/orders";
import { listOrderPayments } from "@/db/queries/payments";
import { getShopSettings } from "@/db/queries/settings";
import { findSlot } from "@/db/queries/slots";
import type { Order } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { OrderEvent } from "@/lib/notify/messages";
import { notifyOrderEvent, orderEventKey } from "@/lib/notify/outbox";
import { attemptStatusOf } from "@/lib/payments/apply-transaction";
import { PAYABLE_STATUSES } from "@/lib/payments/payment-state";
import { checkBookingDate, slotStartsInTime } from "./availability";
import { todayInJakarta, wibInstant, type DateRejection, type IsoDate } from "./calendar";
import { reserveSlot } from "./reserve-slot";
import { checkUnitForMove } from "./reserve-unit";
import { offerFreedPlaces } from "./waitlist-offer";

/** Who asks: the customer in their own chat (cutoff before the current slot applies), or the shop. */
export type Rescheduler =
  | { kind: "customer"; chatId: number; cutoffHours: number }
  /** `override`: the owner moves the order outside the calendar rules (horizon, closed days, lead time); capacity still holds. */
  | { kind: "shop"; username: string; ip: string | null; override: boolean };

export interface RescheduleRequest {
  orderId: string;
  serviceDate: IsoDate;
  slotId: number;
  by: Rescheduler;
  /** What the customer is told instead of the plain "moved" (the shop closed the old date). */
  notice?: OrderEvent;
  now?: Date;
}

export type RescheduleRefusal =
  | { reason: "not_found" | "not_movable" | "same_slot" | "too_late" | "hold_lapsed" | "slot_full" | "slot_closed" | "slot_too_soon" }
  | { reason: "date_unavailable"; problem: DateRejection; closedReason?: string }
  /** A back-order booking (no unit on the shelf for it yet) asked for a date before its part can be there. */
  | { reason: "part_out_of_stock"; backorderFrom: IsoDate; backorderDays: number };

/** offerKeys: the messages offering the place left behind to the old date's waitlist. */
export type RescheduleResult = { ok: true; order: Order; before: Order; messageKey: string; offerKeys: string[] } | ({ ok: false } & RescheduleRefusal);

/** Where a customer may still move a booking themselves: booked, not started, not expired or refunded. */
export function customerMayReschedule(order: Pick<Order, "repairStatus" | "paymentStatus">): boolean {
  return order.repairStatus === "booked" && [...PAYABLE_STATUSES, "paid"].includes(order.paymentStatus);
}

/** When the customer's last chance to move the booking passes: `cutoffHours` before its slot starts. */
export function rescheduleDeadline(serviceDate: IsoDate, slot: { startTime: string }, cutoffHours: number): Date {
  return new Date(wibInstant(serviceDate, slot.startTime).getTime() - cutoffHours * 3_600_000);
}

/**
 * The payment deadline after the move, as at booking: the hold's hours from when
 * the booking was made (a move never buys more unpaid time), never past the new
 * slot's start, and never past a bank number already issued (its expiry at
 * Midtrans would cancel the booking under a later deadline).
 */
async function movedHold(tx: Database, order: Order, slotStart: Date, holdHours: number, now: Date): Promise<Date> {
  const attempts = await listOrderPayments(tx, { orderId: order.id });
  const live = attempts
    .filter((p) => p.kind !== "cash" && p.expiresAt && p.expiresAt > now && ["unpaid", "pending"].includes(attemptStatusOf(p)))
    .map((p) => p.expiresAt!.getTime());
  return new Date(Math.min(order.createdAt.getTime() + holdHours * 3_600_000, slotStart.getTime(), ...live));
}

/**
 * Moves a booking to another date and slot in the caller's transaction, under
 * the booking's own rules: the date is checked like a typed one (horizon,
 * closed dates and weekdays), the slot must start after the lead time, and its
 * place is taken with reserveSlot's row lock, so moves and bookings into the
 * last place take turns and only one gets it; a back-order booking may not move
 * before its part can be there (checkUnitForMove, under the stock row's lock). An unpaid hold moves with the
 * order; a paid one keeps its payment. Audited, the customer and the staff told.
 * Nothing is written when it refuses.
 */
export async function rescheduleBookingIn(tx: Database, request: RescheduleRequest): Promise<RescheduleResult> {
  const now = request.now ?? new Date();
  const { by } = request;
  const order = await lockOrder(tx, { id: request.orderId });
  if (!order || (by.kind === "customer" && order.chatId !== by.chatId)) return { ok: false, reason: "not_found" };
  if (order.repairStatus === "cancelled" || order.repairStatus === "completed") return { ok: false, reason: "not_movable" };
  if (by.kind === "customer") {
    if (!customerMayReschedule(order)) return { ok: false, reason: "not_movable" };
    const current = await findSlot(tx, { id: order.slotId });
    if (!current || now >= rescheduleDeadline(order.serviceDate, current, by.cutoffHours)) return { ok: false, reason: "too_late" };
  }
  if (order.serviceDate === request.serviceDate && order.slotId === request.slotId) return { ok: false, reason: "same_slot" };
  const holding = PAYABLE_STATUSES.includes(order.paymentStatus) && order.holdExpiresAt !== null;
  if (holding && order.holdExpiresAt! <= now) return { ok: false, reason: "hold_lapsed" };

  const settings = await getShopSettings(tx);
  const override = by.kind === "shop" && by.override;
  if (request.serviceDate < todayInJakarta(now)) return { ok: false, reason: "date_unavailable", problem: "past" };
  if (!override) {
    const date = await checkBookingDate(tx, { date: request.serviceDate, now, settings, branchId: order.branchId });
    if (!date.ok) return { ok: false, reason: "date_unavailable", problem: date.reason, closedReason: date.closedReason };
  }

  // An order stays at its branch (its price, stock and staff are that branch's): a slot of another is not one to move to.
  if ((await findSlot(tx, { id: request.slotId }))?.branchId !== order.branchId) return { ok: false, reason: "slot_closed" };
  const place = await reserveSlot(tx, { slotId: request.slotId, serviceDate: request.serviceDate, now, movingOrderId: order.id });
  if (!place.ok) return { ok: false, reason: place.reason };
  const leadTime = override ? 0 : settings.leadTimeMinutes;
  if (!slotStartsInTime(place.slot, request.serviceDate, now, leadTime)) return { ok: false, reason: "slot_too_soon" };
  // Not even the owner's override brings a part sooner.
  const unit = await checkUnitForMove(tx, { order, serviceDate: request.serviceDate, now });
  if (!unit.ok) return unit;

  const slotStart = wibInstant(request.serviceDate, place.slot.startTime);
  const holdExpiresAt = holding ? await movedHold(tx, order, slotStart, settings.holdHours, now) : order.holdExpiresAt;
  const updated = await updateOrder(tx, {
    id: order.id,
    changes: { serviceDate: request.serviceDate, slotId: place.slot.id, slotLabel: place.slot.label, holdExpiresAt, technicianId: place.technicianId },
  });
  await recordAudit(tx, {
    actor: by.kind === "customer" ? `customer:${by.chatId}` : by.username,
    entity: "order",
    entityId: order.id,
    action: "order.rescheduled",
    before: { serviceDate: order.serviceDate, slotId: order.slotId, slotLabel: order.slotLabel, holdExpiresAt: order.holdExpiresAt, technicianId: order.technicianId },
    after: {
      serviceDate: updated.serviceDate,
      slotId: updated.slotId,
      slotLabel: updated.slotLabel,
      holdExpiresAt: updated.holdExpiresAt,
      technicianId: updated.technicianId,
      ...(override ? { override: true } : {}),
    },
    ip: by.kind === "shop" ? by.ip : null,
  });
  const event: OrderEvent = request.notice ?? { kind: "rescheduled" };
  const discriminator = `v${updated.version}`;
  await notifyOrderEvent(tx, { order: updated, event, discriminator });
  // The place left behind goes to that date's first waiting chat.
  const offerKeys = await offerFreedPlaces(tx, { serviceDate: order.serviceDate, branchId: order.branchId, now, settings });
  return { ok: true, order: updated, before: order, messageKey: orderEventKey(updated, event, discriminator), offerKeys };
}

/** rescheduleBookingIn in a transaction of its own. */
export function rescheduleBooking(db: Database, request: RescheduleRequest): Promise<RescheduleResult> {
  return db.transaction((tx) => rescheduleBookingIn(tx, request));
}
