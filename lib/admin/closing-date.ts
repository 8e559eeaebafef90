import { z } from "zod";
import type { Database } from "@/db";
import { listOrdersOfDay } from "@/db/queries/admin-dashboard";
import { findOrderById } from "@/db/queries/orders";
import { findClosedDate, upsertClosedDate } from "@/db/queries/schedule-edits";
import { lockAllSlots } from "@/db/queries/slots";
import { FIRST_BRANCH_ID, type Order } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { formatDateDmy, todayInJakarta, type IsoDate } from "@/lib/booking/calendar";
import { endWaitsOn } from "@/lib/booking/waitlist-offer";
import type { OrderEvent } from "@/lib/notify/messages";
import { closedDateInput, type ClosedDateInput } from "./catalog-input";
import { invalid, ok, type AdminActor, type EditResult } from "./edit-result";
import { cancelOrderByShop, rescheduleOrder, type OrderActionResult } from "./order-actions";

/**
 * Closing a date that customers have booked: the shop is not shut over their
 * heads. The owner moves each order to another date and slot (capacity
 * enforced by reserveSlot) or cancels it (a paid one is flagged for refund),
 * one by one or all at once; each customer is told in their language why.
 */

/** The orders a closing would strand: booked that day, not cancelled, not already completed. */
export async function listOrdersToClose(db: Database, { date, branchId = FIRST_BRANCH_ID }: { date: IsoDate; branchId?: number }): Promise<Order[]> {
  return (await listOrdersOfDay(db, { serviceDate: date })).filter((order) => order.branchId === branchId && order.repairStatus !== "completed");
}

const isoDate = closedDateInput.shape.date;
const orderRef = z.string().uuid("Pesanan tidak dikenal.");
const slotRef = z.coerce.number({ message: "Pilih jam servis." }).int().positive("Pilih jam servis.");

const branchId = closedDateInput.shape.branchId;
export const closingMoveInput = z.object({ branchId, date: isoDate, orderId: orderRef, toDate: isoDate, toSlotId: slotRef });
export const closingCancelInput = z.object({ branchId, date: isoDate, orderId: orderRef });
export const closeMovingAllInput = closedDateInput.extend({ toDate: isoDate });
export const closeCancellingAllInput = closedDateInput;

const noticeOf = (date: IsoDate, moved: boolean): OrderEvent => ({ kind: "date_closed", closedDate: date, moved });

async function orderOn(db: Database, { orderId, date, branchId }: { orderId: string; date: IsoDate; branchId: number }): Promise<Order | EditResult> {
  const order = await findOrderById(db, { id: orderId });
  // The date closes at one branch: another branch's order is not among its orders.
  if (!order || order.branchId !== branchId) return invalid({ _form: "Pesanan tidak ditemukan." });
  if (order.serviceDate !== date || order.repairStatus === "cancelled") {
    return invalid({ _form: `Pesanan ${order.bookingCode} sudah tidak terjadwal pada ${formatDateDmy(date)}.` });
  }
  return order;
}

const staffOf = (actor: AdminActor) => ({ username: actor.username, ip: actor.ip ?? null });

/** Moves one order off the date being closed. */
export async function moveOrderOffDate(db: Database, actor: AdminActor, input: z.infer<typeof closingMoveInput>, now = new Date()): Promise<EditResult> {
  if (input.toDate === input.date) return invalid({ toDate: "Pilih tanggal lain dari tanggal yang ditutup." });
  const order = await orderOn(db, input);
  if (!("id" in order)) return order;
  const moved = await rescheduleOrder(db, { orderId: order.id, serviceDate: input.toDate, slotId: input.toSlotId, by: staffOf(actor), notice: noticeOf(input.date, true), now });
  if (!moved.ok) return invalid({ _form: `${order.bookingCode}: ${moved.message}` });
  return ok(`Pesanan ${order.bookingCode} dipindah ke ${formatDateDmy(moved.order.serviceDate)}, ${moved.order.slotLabel}; pelanggan diberi tahu.`);
}

/** Cancels one order of the date being closed. */
export async function cancelOrderOnDate(db: Database, actor: AdminActor, input: z.infer<typeof closingCancelInput>): Promise<EditResult> {
  const order = await orderOn(db, input);
  if (!("id" in order)) return order;
  const cancelled = await cancelOrderByShop(db, { orderId: order.id, reason: `toko tutup ${formatDateDmy(input.date)}`, by: staffOf(actor), notice: noticeOf(input.date, false) });
  if (!cancelled.ok) return invalid({ _form: `${order.bookingCode}: ${cancelled.message}` });
  return ok(`Pesanan ${order.bookingCode} dibatalkan${cancelled.order.needsRefund ? " dan ditandai perlu refund" : ""}; pelanggan diberi tahu.`);
}

class Refused extends Error {}

/**
 * Closes the date and, in the same transaction, moves every order on it to
 * `toDate` in the same slot, or cancels them all. One order that cannot be
 * moved (the slot is full that day) undoes everything: nothing half done.
 */
export async function closeDateWithOrders(
  db: Database,
  actor: AdminActor,
  input: ClosedDateInput & { toDate?: IsoDate },
  now = new Date(),
): Promise<EditResult> {
  if (input.date < todayInJakarta(now)) return invalid({ date: "Tanggal ini sudah lewat." });
  if (input.toDate === input.date) return invalid({ toDate: "Pilih tanggal lain dari tanggal yang ditutup." });
  const { branchId = FIRST_BRANCH_ID } = input;
  try {
    return await db.transaction(async (tx) => {
      await lockAllSlots(tx);
      const affected = await listOrdersToClose(tx, { date: input.date, branchId });
      // Closed before its orders leave, so the places they free are not offered to the date's waitlist.
      const before = await findClosedDate(tx, { date: input.date, branchId });
      const after = await upsertClosedDate(tx, { date: input.date, reason: input.reason, branchId });
      await endWaitsOn(tx, { serviceDate: input.date, now, branchId });
      for (const order of affected) {
        const done: OrderActionResult = input.toDate
          ? await rescheduleOrder(tx, { orderId: order.id, serviceDate: input.toDate, slotId: order.slotId, by: staffOf(actor), notice: noticeOf(input.date, true), now })
          : await cancelOrderByShop(tx, { orderId: order.id, reason: `toko tutup ${formatDateDmy(input.date)}`, by: staffOf(actor), notice: noticeOf(input.date, false) });
        if (!done.ok) throw new Refused(`${order.bookingCode} (${order.slotLabel}): ${done.message}`);
      }
      await recordAudit(tx, {
        actor: actor.username,
        ip: actor.ip,
        entity: "closed_date",
        entityId: input.date,
        action: before ? "update" : "create",
        before: before ?? null,
        after: { ...after, orders: affected.map((o) => o.bookingCode), [input.toDate ? "movedTo" : "cancelled"]: input.toDate ?? true },
      });
      const what = input.toDate ? `dipindah ke ${formatDateDmy(input.toDate)}` : "dibatalkan";
      return ok(`Toko tutup pada ${formatDateDmy(input.date)}. ${affected.length} pesanan ${what}; pelanggan diberi tahu.`);
    });
  } catch (error) {
    if (error instanceof Refused) return invalid({ _form: `Tidak ada yang diubah: ${error.message}` });
    throw error;
  }
}
