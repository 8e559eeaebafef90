import type { RepairStatus } from "@/db/schema";

/** What staff can do to a repair: move it one step along, or cancel it. */
export type RepairEvent = "receive" | "start" | "finish" | "hand_over" | "cancel";

export type RepairStep = { ok: true; status: RepairStatus } | { ok: false; reason: string };

/**
 * The repair lifecycle, booked → received → in_progress → ready → completed,
 * with cancel allowed until the device is handed back. One row per state: the
 * events it accepts and where they lead. Anything else is an illegal move.
 */
const REPAIR_TRANSITIONS: Record<RepairStatus, Partial<Record<RepairEvent, RepairStatus>>> = {
  booked: { receive: "received", cancel: "cancelled" },
  received: { start: "in_progress", cancel: "cancelled" },
  in_progress: { finish: "ready", cancel: "cancelled" },
  ready: { hand_over: "completed", cancel: "cancelled" },
  completed: {},
  cancelled: {},
};

/** Indonesian labels of the repair statuses, as the admin pages show them. */
export const REPAIR_STATUS_LABELS: Record<RepairStatus, string> = {
  booked: "Dipesan",
  received: "Perangkat diterima",
  in_progress: "Sedang dikerjakan",
  ready: "Siap diambil",
  completed: "Selesai",
  cancelled: "Dibatalkan",
};

export function nextRepairStatus(state: RepairStatus, event: RepairEvent): RepairStep {
  const status = REPAIR_TRANSITIONS[state][event];
  if (status) return { ok: true, status };
  return { ok: false, reason: `Tidak bisa dari "${REPAIR_STATUS_LABELS[state]}" dengan aksi ini.` };
}

/** The event that leads from `from` to `to`, if that move is legal. */
export function repairEventBetween(from: RepairStatus, to: RepairStatus): RepairEvent | undefined {
  const entry = Object.entries(REPAIR_TRANSITIONS[from]).find(([, target]) => target === to);
  return entry?.[0] as RepairEvent | undefined;
}

/** The statuses an order can move to from here, for the detail page's buttons (cancel has its own form). */
export function forwardRepairStatuses(state: RepairStatus): RepairStatus[] {
  return Object.entries(REPAIR_TRANSITIONS[state])
    .filter(([event]) => event !== "cancel")
    .map(([, status]) => status);
}
