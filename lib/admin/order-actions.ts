import type { Database } from "@/db";
import { findPartWarrantyDays } from "@/db/queries/catalog";
import { lockOrder, updateOrder } from "@/db/queries/orders";
import { insertPayment, listOrderPayments, nextAttemptNumber } from "@/db/queries/payments";
import type { Order, RepairStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { cancelBookingIn } from "@/lib/booking/cancel-booking";
import { formatDateDmy, type DateRejection, type IsoDate } from "@/lib/booking/calendar";
import { useReservedUnit } from "@/lib/booking/use-unit";
import { rescheduleBooking, type RescheduleRefusal } from "@/lib/booking/reschedule-booking";
import type { OrderEvent } from "@/lib/notify/messages";
import { notifyOrderEvent } from "@/lib/notify/outbox";
import { midtransOrderIdOf } from "@/lib/payments/payment-request";
import { applyAttemptNews, cancelPendingAttempts } from "@/lib/payments/supersede-attempts";
import { nextRepairStatus, REPAIR_REFUSAL_TEXT } from "./repair-flow";
import { OWNER_ONLY_MESSAGE, type AdminRole } from "./roles";

/**
 * What staff do to an order from its page. Each action is one transaction that
 * locks the order, checks the move, writes the change, the audit entry (with
 * the admin's name) and the customer's Telegram message (outbox), or nothing.
 */
export interface StaffMember {
  username: string;
  ip: string | null;
}

export type OrderActionResult = { ok: true; order: Order } | { ok: false; message: string };

const NOT_FOUND = { ok: false, message: "Pesanan tidak ditemukan." } as const;

export async function changeRepairStatus(
  db: Database,
  { orderId, status, by }: { orderId: string; status: RepairStatus; by: StaffMember },
): Promise<OrderActionResult> {
  if (status === "cancelled") return cancelOrderByShop(db, { orderId, reason: "dibatalkan lewat status perbaikan", by });
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: orderId });
    if (!order) return NOT_FOUND;
    const move = nextRepairStatus(order, status);
    if (!move.ok) return { ok: false, message: REPAIR_REFUSAL_TEXT[move.reason] };
    const updated = await updateOrder(tx, { id: order.id, changes: { repairStatus: move.status, ...(move.status === "completed" && (await completionOf(tx, order))) } });
    if (move.status === "completed") await useReservedUnit(tx, { order, actor: by.username, ip: by.ip, now: new Date() });
    await recordAudit(tx, {
      actor: by.username,
      entity: "order",
      entityId: order.id,
      action: "order.repair_status",
      before: { repairStatus: order.repairStatus },
      after: { repairStatus: updated.repairStatus },
      ip: by.ip,
    });
    await notifyOrderEvent(tx, { order: updated, event: { kind: "repair_status", status: move.status } });
    return { ok: true, order: updated };
  });
}

/**
 * Completion starts the warranty: the part's days as the catalog has them today are
 * copied onto the order. A warranty claim's own repair starts no new warranty.
 */
async function completionOf(tx: Database, order: Order): Promise<Pick<Order, "completedAt" | "warrantyDays">> {
  const warrantyDays = order.warrantyOfOrderId ? 0 : await findPartWarrantyDays(tx, { partId: order.partId });
  return { completedAt: new Date(), warrantyDays };
}

/** `notice`: what the customer is told instead of the plain cancellation (e.g. the shop closed that day). */
export async function cancelOrderByShop(
  db: Database,
  { orderId, reason, by, notice }: { orderId: string; reason: string; by: StaffMember; notice?: OrderEvent },
): Promise<OrderActionResult> {
  return db.transaction(async (tx) => {
    const result = await cancelBookingIn(tx, { orderId, actor: by.username, reason: reason || "dibatalkan oleh toko", ip: by.ip });
    if (!result.ok) {
      if (result.reason === "not_found") return NOT_FOUND;
      return { ok: false, message: result.reason === "completed" ? "Pesanan yang sudah selesai tidak bisa dibatalkan." : "Pesanan ini sudah dibatalkan." };
    }
    await notifyOrderEvent(tx, { order: result.order, event: notice ?? { kind: "cancelled", byShop: true } });
    return { ok: true, order: result.order };
  });
}

/** What the admin reads when the booking rules refuse a move. */
export function rescheduleRefusalText(refusal: RescheduleRefusal): string {
  switch (refusal.reason) {
    case "not_found":
      return NOT_FOUND.message;
    case "not_movable":
      return "Pesanan yang sudah selesai atau dibatalkan tidak bisa dijadwal ulang.";
    case "same_slot":
      return "Jadwal baru sama dengan jadwal sekarang.";
    case "too_late":
      return "Sudah terlalu dekat dengan jadwalnya untuk dipindah.";
    case "hold_lapsed":
      return "Batas waktu pembayaran pesanan ini sudah lewat; pesanan akan kedaluwarsa.";
    case "slot_full":
      return "Slot itu sudah penuh pada tanggal tersebut.";
    case "slot_closed":
      return "Slot itu tidak aktif.";
    case "slot_too_soon":
      return "Slot itu dimulai terlalu cepat (di bawah waktu minimal sebelum booking). Pemilik toko dapat mengabaikan aturan ini.";
    case "date_unavailable":
      return `${DATE_REFUSAL_TEXT[refusal.problem]}${refusal.closedReason ? ` (${refusal.closedReason})` : ""}${refusal.problem === "past" ? "" : " Pemilik toko dapat mengabaikan aturan ini."}`;
    case "part_out_of_stock":
      return `Stok spare part pesanan ini habis (inden ${refusal.backorderDays} hari): jadwal baru paling cepat ${formatDateDmy(refusal.backorderFrom)}.`;
  }
}

const DATE_REFUSAL_TEXT: Record<DateRejection, string> = {
  format: "Tanggal tidak terbaca.",
  invalid: "Tanggal itu tidak ada di kalender.",
  past: "Tanggal baru sudah lewat.",
  beyond_horizon: "Tanggal itu di luar batas hari booking.",
  closed: "Toko tutup pada tanggal itu.",
};

/**
 * The shop moves a booking under the booking rules; only the owner may tick
 * `override` to step outside the calendar (capacity still holds). Staff asking
 * for an override are refused and nothing changes. `notice`: what the customer
 * is told instead of the plain "moved" (e.g. the shop closed the old date).
 */
export async function rescheduleOrder(
  db: Database,
  {
    orderId,
    serviceDate,
    slotId,
    by,
    override = false,
    notice,
    now = new Date(),
  }: { orderId: string; serviceDate: IsoDate; slotId: number; by: StaffMember & { role?: AdminRole }; override?: boolean; notice?: OrderEvent; now?: Date },
): Promise<OrderActionResult> {
  if (override && by.role !== "owner") return { ok: false, message: OWNER_ONLY_MESSAGE };
  const result = await rescheduleBooking(db, {
    orderId,
    serviceDate,
    slotId,
    now,
    notice,
    by: { kind: "shop", username: by.username, ip: by.ip, override },
  });
  return result.ok ? { ok: true, order: result.order } : { ok: false, message: rescheduleRefusalText(result) };
}

/**
 * Cash at the counter. Pending Midtrans attempts are cancelled first so the
 * customer cannot pay twice; if Midtrans cannot be reached the cash is still
 * recorded, and a later online payment would be flagged for refund.
 */
export async function recordCashPayment(
  db: Database,
  { orderId, by, now = new Date() }: { orderId: string; by: StaffMember; now?: Date },
): Promise<OrderActionResult> {
  const news = (await cancelPendingAttempts(await listOrderPayments(db, { orderId }))) ?? [];
  return db.transaction(async (tx) => {
    await applyAttemptNews(tx, news, now);
    const order = await lockOrder(tx, { id: orderId });
    if (!order) return NOT_FOUND;
    if (order.repairStatus === "cancelled") return { ok: false, message: "Pesanan yang dibatalkan tidak bisa dibayar." };
    if (order.paymentStatus === "paid" || order.paymentStatus === "review") {
      return { ok: false, message: "Pesanan ini sudah dibayar (atau pembayarannya sedang ditinjau)." };
    }
    return { ok: true, order: await recordCashIn(tx, { order, by, now }) };
  });
}

/**
 * Cash received for a locked, payable order, in the caller's transaction: a
 * settled cash attempt, the order paid with no hold left, the audit entry and
 * the news (customer and staff chats).
 */
export async function recordCashIn(tx: Database, { order, by, now }: { order: Order; by: StaffMember; now: Date }): Promise<Order> {
  const orderId = order.id;
  const attempt = await nextAttemptNumber(tx, { orderId });
  await insertPayment(tx, {
    orderId,
    attempt,
    midtransOrderId: midtransOrderIdOf(order, attempt),
    kind: "cash",
    paymentType: "cash",
    transactionStatus: "settlement",
    grossAmount: order.amountIdr,
    settledAt: now,
  });
  const updated = await updateOrder(tx, { id: orderId, changes: { paymentStatus: "paid", paidAt: now, holdExpiresAt: null } });
  await recordAudit(tx, {
    actor: by.username,
    entity: "order",
    entityId: orderId,
    action: "payment.cash_recorded",
    before: { paymentStatus: order.paymentStatus },
    after: { paymentStatus: "paid", amountIdr: order.amountIdr, attempt },
    ip: by.ip,
  });
  await notifyOrderEvent(tx, { order: updated, event: { kind: "payment_received" } });
  return updated;
}
