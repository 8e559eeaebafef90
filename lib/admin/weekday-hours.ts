import { z } from "zod";
import type { Database } from "@/db";
import { listSlotDaysOver } from "@/db/queries/schedule-edits";
import { lockSlot } from "@/db/queries/slots";
import { readWeekdayCapacities, setWeekdayCapacity } from "@/db/queries/weekday-capacity";
import type { Slot } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import { offerWaitingPlaces } from "@/lib/booking/waitlist-offer";
import { WEEKDAY_NAMES } from "@/lib/booking/weekly-hours";
import { invalid, ok, type AdminActor, type EditResult } from "./edit-result";

/** One cell of the slot × weekday grid; `capacity` null = follow the slot's own capacity. */
export interface WeekdayCell {
  slotId: number;
  weekday: number;
  capacity: number | null;
}

const CELL_NAME = /^cap-(\d{1,9})-([0-6])$/;

/** The grid form's field name of a cell, e.g. "cap-3-6" (slot 3, Saturday). */
export const cellName = (slotId: number, weekday: number) => `cap-${slotId}-${weekday}`;

/** The grid as posted: a field per cell, empty = the slot's own capacity, else 0–100 places. */
export const weekdayGridInput = z.record(z.string(), z.unknown()).transform((form, ctx) => {
  const cells: WeekdayCell[] = [];
  for (const [name, raw] of Object.entries(form)) {
    const match = CELL_NAME.exec(name);
    if (!match) continue;
    const value = typeof raw === "string" ? raw.trim() : "";
    const capacity = value === "" ? null : /^\d{1,3}$/.test(value) ? Number(value) : NaN;
    if (capacity !== null && !(capacity >= 0 && capacity <= 100)) {
      ctx.addIssue({ code: "custom", path: [name], message: `Kapasitas harus angka 0–100 (kosong = kapasitas jam itu). "${value}" tidak bisa dipakai.` });
      continue;
    }
    cells.push({ slotId: Number(match[1]), weekday: Number(match[2]), capacity });
  }
  if (cells.length === 0) ctx.addIssue({ code: "custom", path: ["_form"], message: "Tidak ada isian jadwal mingguan." });
  return { cells };
});
export type WeekdayGridInput = z.infer<typeof weekdayGridInput>;

/**
 * Saves the slot × weekday grid, all of it or nothing. Like a slot's own
 * capacity, a weekday's may not drop below the places customers already hold
 * on a coming day of that weekday. Each slot's row is locked as a booking
 * locks it, so no booking slips in between the check and the change.
 */
export async function saveWeekdayCapacities(db: Database, actor: AdminActor, { cells }: WeekdayGridInput, now: Date = new Date()): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const slots = new Map<number, Slot>();
    for (const slotId of [...new Set(cells.map((c) => c.slotId))].sort((a, b) => a - b)) {
      const slot = await lockSlot(tx, { slotId });
      if (!slot) return invalid({ _form: "Jam servis tidak ditemukan; mungkin sudah dihapus. Muat ulang halaman." });
      slots.set(slotId, slot);
    }
    const current = await readWeekdayCapacities(tx);
    const changed = cells.filter((c) => (current.get(`${c.slotId}:${c.weekday}`) ?? null) !== c.capacity);
    if (changed.length === 0) return ok("Jadwal mingguan tidak berubah.");
    const errors: Record<string, string> = {};
    for (const cell of changed) {
      const slot = slots.get(cell.slotId)!;
      const capacity = cell.capacity ?? slot.capacity;
      const over = await listSlotDaysOver(tx, { slotId: slot.id, from: todayInJakarta(now), capacity, weekdays: [cell.weekday] });
      if (over.length > 0) {
        const days = over.slice(0, 3).map((d) => `${formatDateDmy(d.serviceDate)} (${d.taken} pesanan)`).join(", ");
        errors[cellName(cell.slotId, cell.weekday)] =
          `${slot.label} hari ${WEEKDAY_NAMES[cell.weekday]}: kapasitas ${capacity} lebih kecil dari pesanan yang sudah ada: ${days}${over.length > 3 ? ", …" : ""}. Jadwalkan ulang atau batalkan pesanan itu dulu.`;
      }
    }
    if (Object.keys(errors).length > 0) return invalid(errors);
    for (const cell of changed) await setWeekdayCapacity(tx, cell);
    // A capacity raised: places free on waited dates go to the waiting chats.
    await offerWaitingPlaces(tx, { now });
    const key = (c: WeekdayCell) => `${c.slotId}:${c.weekday}`;
    await recordAudit(tx, {
      actor: actor.username,
      ip: actor.ip,
      entity: "slot_weekday_capacity",
      entityId: "week",
      action: "update",
      before: Object.fromEntries(changed.map((c) => [key(c), current.get(key(c)) ?? null])),
      after: Object.fromEntries(changed.map((c) => [key(c), c.capacity])),
    });
    return ok(`Jadwal mingguan disimpan (${changed.length} perubahan).`);
  });
}
