import type { Database } from "@/db";
import { lockOrder, updateOrder } from "@/db/queries/orders";
import { insertPayment, nextAttemptNumber } from "@/db/queries/payments";
import { getShopSettings } from "@/db/queries/settings";
import { listClosedDates } from "@/db/queries/slots";
import type { Order, RepairStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { cancelBookingIn } from "@/lib/booking/cancel-booking";
import { formatDateDmy, parseServiceDate, todayInJakarta } from "@/lib/booking/calendar";
import { reserveSlot } from "@/lib/booking/reserve-slot";
import { notifyOrderEvent } from "@/lib/notify/outbox";
import { REPAIR_STATUS_LABELS, repairEventBetween } from "./repair-state";

/** Who acts, for the audit log: the admin's username and address. */
export interface Actor {
  username: string;
  ip: string | null;
}

export type AdminActionResult = { ok: true; order: Order } | { ok: false; message: string };

const NOT_FOUND = { ok: false, message: "Pesanan tidak ditemukan." } as const;

function illegalMove(from: RepairStatus, to: RepairStatus): string {
  return `Tidak bisa mengubah status dari "${REPAIR_STATUS_LABELS[from]}" ke "${REPAIR_STATUS_LABELS[to]}".`;
}

/** Moves the repair along its lifecycle and tells the customer, in one transaction. */
export function changeRepairStatus(db: Database, { orderId, to, actor }: { orderId: string; to: RepairStatus; actor: Actor }): Promise<AdminActionResult> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: orderId });
    if (!order) return NOT_FOUND;
    const event = repairEventBetween(order.repairStatus, to);
    if (!event || event === "cancel") return { ok: false, message: illegalMove(order.repairStatus, to) };
    const updated = await updateOrder(tx, { id: order.id, changes: { repairStatus: to } });
    await recordAudit(tx, { actor: actor.username, entity: "order", entityId: order.id, action: "order.repair_status", before: { repairStatus: order.repairStatus }, after: { repairStatus: to }, ip: actor.ip });
    await notifyOrderEvent(tx, { order: updated, event: { kind: "repair_status", status: to } });
    return { ok: true, order: updated };
  });
}

const CANCEL_REFUSALS = { not_found: NOT_FOUND.message, already_cancelled: "Pesanan sudah dibatalkan.", completed: "Pesanan yang sudah selesai tidak bisa dibatalkan." };

/** Cancels for the shop: the slot is freed, a paid order is flagged for refund, the customer is told. */
export function cancelOrderByAdmin(db: Database, { orderId, reason, actor }: { orderId: string; reason: string; actor: Actor }): Promise<AdminActionResult> {
  return db.transaction(async (tx) => {
    const result = await cancelBookingIn(tx, { orderId, actor: actor.username, reason: reason || "dibatalkan oleh toko", ip: actor.ip });
    if (!result.ok) return { ok: false, message: CANCEL_REFUSALS[result.reason] };
    await notifyOrderEvent(tx, { order: result.order, event: { kind: "cancelled", byShop: true } });
    return { ok: true, order: result.order };
  });
}

/**
 * Moves a booking to another day and slot. The new slot's row is locked and its
 * live orders counted in this transaction (the same code as booking), so a
 * reschedule can never overfill a slot.
 */
export function rescheduleOrder(
  db: Database,
  { orderId, serviceDate, slotId, actor, now = new Date() }: { orderId: string; serviceDate: string; slotId: number; actor: Actor; now?: Date },
): Promise<AdminActionResult> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: orderId });
    if (!order) return NOT_FOUND;
    if (order.repairStatus !== "booked") return { ok: false, message: "Hanya pesanan berstatus Dipesan yang bisa dijadwal ulang." };
    const settings = await getShopSettings(tx);
    const closedDates = await listClosedDates(tx, { from: serviceDate, to: serviceDate });
    const date = /^\d{4}-\d{2}-\d{2}$/.test(serviceDate)
      ? parseServiceDate(formatDateDmy(serviceDate), { today: todayInJakarta(now), horizonDays: settings.bookingHorizonDays, closedDates, closedWeekdays: settings.closedWeekdays })
      : ({ ok: false } as const);
    if (!date.ok) return { ok: false, message: "Tanggal tidak bisa dipakai (lewat, di luar jangkauan, atau toko tutup)." };
    if (date.date === order.serviceDate && slotId === order.slotId) return { ok: false, message: "Jadwal baru sama dengan jadwal sekarang." };
    const place = await reserveSlot(tx, { slotId, serviceDate: date.date });
    if (!place.ok) return { ok: false, message: place.reason === "slot_full" ? "Slot itu sudah penuh pada tanggal tersebut." : "Slot itu tidak aktif." };
    const updated = await updateOrder(tx, { id: order.id, changes: { serviceDate: date.date, slotId, slotLabel: place.slot.label } });
    await recordAudit(tx, { actor: actor.username, entity: "order", entityId: order.id, action: "order.rescheduled", before: { serviceDate: order.serviceDate, slot: order.slotLabel }, after: { serviceDate: updated.serviceDate, slot: updated.slotLabel }, ip: actor.ip });
    await notifyOrderEvent(tx, { order: updated, event: { kind: "rescheduled" }, discriminator: String(updated.version) });
    return { ok: true, order: updated };
  });
}

/** Records cash paid at the counter: a "cash" attempt, the order paid, the admin named in the audit log. */
export function recordCashPayment(db: Database, { orderId, actor, now = new Date() }: { orderId: string; actor: Actor; now?: Date }): Promise<AdminActionResult> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: orderId });
    if (!order) return NOT_FOUND;
    if (order.repairStatus === "cancelled") return { ok: false, message: "Pesanan yang dibatalkan tidak bisa dibayar." };
    if (["paid", "refunded", "partially_refunded"].includes(order.paymentStatus)) return { ok: false, message: "Pesanan ini sudah dibayar." };
    const attempt = await nextAttemptNumber(tx, { orderId: order.id });
    await insertPayment(tx, {
      orderId: order.id,
      attempt,
      midtransOrderId: `${order.bookingCode}-cash-${attempt}`,
      kind: "cash",
      paymentType: "cash",
      transactionStatus: "settlement",
      grossAmount: order.amountIdr,
      settledAt: now,
    });
    const updated = await updateOrder(tx, { id: order.id, changes: { paymentStatus: "paid", paidAt: now, holdExpiresAt: null } });
    await recordAudit(tx, { actor: actor.username, entity: "order", entityId: order.id, action: "order.cash_payment", before: { paymentStatus: order.paymentStatus }, after: { paymentStatus: "paid", amountIdr: order.amountIdr, receivedBy: actor.username }, ip: actor.ip });
    await notifyOrderEvent(tx, { order: updated, event: { kind: "payment_received" } });
    return { ok: true, order: updated };
  });
}
