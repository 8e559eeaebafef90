import type { Database } from "@/db";
import { getShopSettings, saveShopSettings } from "@/db/queries/settings";
import {
  countLiveOrdersOn,
  countOrdersOfSlot,
  deleteClosedDate,
  deleteSlot,
  findClosedDate,
  findSlotByLabel,
  insertSlot,
  listSlotDaysOver,
  updateSlot,
  upsertClosedDate,
} from "@/db/queries/schedule-edits";
import { lockAllSlots, lockSlot } from "@/db/queries/slots";
import { FIRST_BRANCH_ID } from "@/db/schema";
import { readWeekdayCapacities } from "@/db/queries/weekday-capacity";
import { recordAudit } from "@/lib/audit/record";
import { formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import { endWaitsOn, offerFreedPlaces, offerWaitingPlaces } from "@/lib/booking/waitlist-offer";
import type { ClosedDateInput, SettingsInput, SlotInput } from "./catalog-input";
import { invalid, ok, type AdminActor, type EditResult } from "./edit-result";

const NOT_FOUND = { _form: "Jam servis tidak ditemukan; mungkin sudah dihapus. Muat ulang halaman." };

/**
 * Adds or edits a slot. Lowering the capacity below what customers already
 * hold on a coming day is refused, naming the days: those orders must be moved
 * or cancelled first. The slot's row is locked like a booking locks it, so no
 * booking slips in between the check and the change.
 */
export async function saveSlot(db: Database, actor: AdminActor, input: SlotInput, now: Date = new Date()): Promise<EditResult> {
  const labelTaken = async (tx: Database, branchId: number) => {
    const sameLabel = await findSlotByLabel(tx, { label: input.label, branchId });
    return sameLabel !== undefined && sameLabel.id !== input.id;
  };
  const LABEL_TAKEN = invalid({ label: `Label "${input.label}" sudah dipakai.` });
  return db.transaction(async (tx) => {
    // An edited slot stays at its branch, whatever branch the form names.
    const { id, branchId = FIRST_BRANCH_ID, ...values } = input;
    const audit = { actor: actor.username, ip: actor.ip, entity: "slot" };
    if (id === undefined) {
      if (await labelTaken(tx, branchId)) return LABEL_TAKEN;
      const created = await insertSlot(tx, { ...values, branchId });
      await recordAudit(tx, { ...audit, entityId: String(created.id), action: "create", after: created });
      await offerWaitingPlaces(tx, { now });
      return ok(`Jam servis "${created.label}" ditambahkan.`);
    }
    const before = await lockSlot(tx, { slotId: id });
    if (!before) return invalid(NOT_FOUND);
    if (await labelTaken(tx, before.branchId)) return LABEL_TAKEN;
    if (input.capacity < before.capacity) {
      // Weekdays with a capacity of their own do not follow the slot's.
      const own = await readWeekdayCapacities(tx);
      const weekdays = [0, 1, 2, 3, 4, 5, 6].filter((weekday) => !own.has(`${id}:${weekday}`));
      const over = await listSlotDaysOver(tx, { slotId: id, from: todayInJakarta(now), capacity: input.capacity, weekdays });
      if (over.length > 0) {
        const days = over.slice(0, 5).map((d) => `${formatDateDmy(d.serviceDate)} (${d.taken} pesanan)`).join(", ");
        return invalid({
          capacity: `Kapasitas ${input.capacity} lebih kecil dari pesanan yang sudah ada: ${days}${over.length > 5 ? ", …" : ""}. Jadwalkan ulang atau batalkan pesanan itu dulu.`,
        });
      }
    }
    const after = await updateSlot(tx, { id, values });
    await recordAudit(tx, { ...audit, entityId: String(id), action: "update", before, after });
    if (after.capacity > before.capacity || (after.active && !before.active)) await offerWaitingPlaces(tx, { now });
    return ok(`Jam servis "${after.label}" disimpan${after.active ? "" : " (nonaktif: tidak ditawarkan lagi; pesanan yang ada tetap berlaku)"}.`);
  });
}

/** Deletes a slot no order ever used; one that orders refer to is deactivated instead. */
export async function removeSlot(db: Database, actor: AdminActor, { id }: { id: number }): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const before = await lockSlot(tx, { slotId: id });
    if (!before) return invalid(NOT_FOUND);
    const used = await countOrdersOfSlot(tx, { slotId: id });
    const audit = { actor: actor.username, ip: actor.ip, entity: "slot", entityId: String(id), before };
    if (used > 0) {
      const after = await updateSlot(tx, { id, values: { ...before, active: false } });
      await recordAudit(tx, { ...audit, action: "deactivate", after });
      return ok(`Jam servis "${before.label}" dipakai ${used} pesanan, jadi dinonaktifkan, bukan dihapus.`);
    }
    await deleteSlot(tx, { id });
    await recordAudit(tx, { ...audit, action: "delete" });
    return ok(`Jam servis "${before.label}" dihapus.`);
  });
}

/** Why a booked date is not closed yet; the schedule page repeats it while showing those orders. */
export const bookedDateRefusal = (live: number, date: string): EditResult =>
  invalid({ _form: `Sudah ada ${live} pesanan pada ${formatDateDmy(date)}. Pindahkan atau batalkan pesanan itu di bawah (pelanggan diberi tahu), lalu tutup tanggalnya.` });

/**
 * Closes the shop on a date (new bookings refused). A date customers have
 * booked is not closed silently: the owner first moves or cancels those orders
 * (lib/admin/closing-date.ts), or closes with all of them moved or cancelled at once.
 */
export async function closeDate(db: Database, actor: AdminActor, input: ClosedDateInput, now: Date = new Date()): Promise<EditResult> {
  if (input.date < todayInJakarta(now)) return invalid({ date: "Tanggal ini sudah lewat." });
  return db.transaction(async (tx) => {
    await lockAllSlots(tx);
    const { branchId = FIRST_BRANCH_ID } = input;
    const live = await countLiveOrdersOn(tx, { serviceDate: input.date, branchId });
    if (live > 0) return bookedDateRefusal(live, input.date);
    const before = await findClosedDate(tx, { date: input.date, branchId });
    const after = await upsertClosedDate(tx, { ...input, branchId });
    await endWaitsOn(tx, { serviceDate: input.date, now, branchId });
    await recordAudit(tx, { actor: actor.username, ip: actor.ip, entity: "closed_date", entityId: input.date, action: before ? "update" : "create", before: before ?? null, after });
    return ok(`Toko tutup pada ${formatDateDmy(input.date)}.`);
  });
}

export async function reopenDate(db: Database, actor: AdminActor, { date, branchId }: { date: string; branchId?: number }, now: Date = new Date()): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const before = await findClosedDate(tx, { date, branchId });
    if (!before) return invalid({ _form: "Tanggal ini tidak tercatat tutup." });
    await deleteClosedDate(tx, { date, branchId });
    await recordAudit(tx, { actor: actor.username, ip: actor.ip, entity: "closed_date", entityId: date, action: "delete", before });
    await offerFreedPlaces(tx, { serviceDate: date, branchId: before.branchId, now });
    return ok(`Toko buka lagi pada ${formatDateDmy(date)}.`);
  });
}

/** Shop name, pitch, booking horizon, lead time, hold hours, unpaid bookings per chat and weekly closed days. */
export async function saveSettings(db: Database, actor: AdminActor, input: SettingsInput): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const before = await getShopSettings(tx);
    const after = await saveShopSettings(tx, input);
    await recordAudit(tx, { actor: actor.username, ip: actor.ip, entity: "settings", entityId: "shop", action: "update", before, after });
    return ok("Pengaturan disimpan.");
  });
}
