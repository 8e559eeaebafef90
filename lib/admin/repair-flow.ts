import type { PaymentStatus, RepairStatus } from "@/db/schema";
import { formatDateDmy, type IsoDate } from "@/lib/booking/calendar";
import { REPAIR_STATUS_LABEL } from "@/lib/payments/texts";

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

/** Why a move deserves a second look before the customer is told: steps it jumps over, or a service date still ahead. */
export interface RepairMoveCaution {
  skipped: RepairStatus[];
  /** The service date is after today (WIB). */
  early: boolean;
}

/**
 * A move is one tap and messages the customer at once, so staff confirm it
 * when it skips steps (a mis-tap on "Siap diambil" for a booked order) or
 * comes before the service date (the wrong order opened). A plain next step on
 * or after the day needs no confirmation.
 */
export function repairMoveCaution(current: { repairStatus: RepairStatus; serviceDate: IsoDate }, target: RepairStatus, today: IsoDate): RepairMoveCaution | undefined {
  const from = REPAIR_FLOW.indexOf(current.repairStatus);
  const to = REPAIR_FLOW.indexOf(target);
  if (from < 0 || to <= from) return undefined;
  const skipped = REPAIR_FLOW.slice(from + 1, to);
  const early = current.serviceDate > today;
  return skipped.length > 0 || early ? { skipped, early } : undefined;
}

/** The question staff answer before such a move. */
export function repairCautionText(caution: RepairMoveCaution, target: RepairStatus, serviceDate: IsoDate): string {
  const reasons = [
    caution.skipped.length > 0 && `Langkah ${caution.skipped.map((s) => `"${REPAIR_STATUS_LABEL[s]}"`).join(" dan ")} terlewati.`,
    caution.early && `Jadwal servisnya baru ${formatDateDmy(serviceDate)}.`,
  ].filter(Boolean);
  return [`Ubah ke "${REPAIR_STATUS_LABEL[target]}"?`, ...reasons, "Pelanggan langsung diberi tahu lewat Telegram."].join(" ");
}
