import type { PaymentStatus, RepairStatus } from "@/db/schema";

/**
 * The repair lifecycle staff move an order along:
 * booked → received → in_progress → ready → completed, or cancelled before completion.
 * Steps may be skipped forwards (a walk-in repaired at once), never taken back.
 */
export const REPAIR_FLOW: readonly RepairStatus[] = ["booked", "received", "in_progress", "ready", "completed"];

export type RepairMoveRefusal = "same" | "backwards" | "final" | "unpaid";

export type RepairMove = { ok: true; status: RepairStatus } | { ok: false; reason: RepairMoveRefusal };

const PAID_ENOUGH: readonly PaymentStatus[] = ["paid"];

export function nextRepairStatus(
  current: { repairStatus: RepairStatus; paymentStatus: PaymentStatus },
  target: RepairStatus,
): RepairMove {
  const from = current.repairStatus;
  if (from === "completed" || from === "cancelled") return { ok: false, reason: "final" };
  if (target === from) return { ok: false, reason: "same" };
  if (target === "cancelled") return { ok: true, status: target };
  if (REPAIR_FLOW.indexOf(target) < REPAIR_FLOW.indexOf(from)) return { ok: false, reason: "backwards" };
  if (target === "completed" && !PAID_ENOUGH.includes(current.paymentStatus)) return { ok: false, reason: "unpaid" };
  return { ok: true, status: target };
}

/** The moves to offer on an order's page: every later step of the flow that is allowed now. */
export function repairMovesFrom(current: { repairStatus: RepairStatus; paymentStatus: PaymentStatus }): RepairStatus[] {
  return REPAIR_FLOW.filter((status) => nextRepairStatus(current, status).ok);
}

export const REPAIR_REFUSAL_TEXT: Record<RepairMoveRefusal, string> = {
  same: "Status perbaikan sudah seperti itu.",
  backwards: "Status perbaikan tidak bisa dimundurkan.",
  final: "Pesanan sudah selesai atau dibatalkan; statusnya tidak bisa diubah lagi.",
  unpaid: "Pesanan belum lunas: catat pembayaran dulu sebelum menandai selesai.",
};
