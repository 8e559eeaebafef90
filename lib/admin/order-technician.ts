import type { Database } from "@/db";
import { findAdminById, findAdminByUsername } from "@/db/queries/admins";
import { lockOrder, updateOrder } from "@/db/queries/orders";
import { lockSlot } from "@/db/queries/slots";
import { findTechnicianJobInSlot, isTechnicianOnDuty, listTechnicianJobsInSlot, type Technician } from "@/db/queries/technicians";
import type { Order } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { formatDateDmy, weekdayName, weekdayOf } from "@/lib/booking/calendar";
import { worksOn } from "@/lib/booking/technicians";
import type { OrderActionResult, StaffMember } from "./order-actions";

export const TECHNICIAN_MAY_NOT_REASSIGN = "Teknisi tidak dapat memindahkan pekerjaan. Minta pemilik atau staf meja depan.";

/** What staff read when the technician they chose already has a job in the order's slot. */
export const technicianBusy = (technician: string, bookingCode: string, when: string) =>
  `${technician} sudah memegang pesanan ${bookingCode} pada ${when}; satu teknisi satu pekerjaan per jam servis. Pilih teknisi lain, atau pindahkan pesanan itu dulu. Tidak ada yang diubah.`;

/**
 * Staff give an order to another technician (or to nobody: null). The one given
 * it must be a technician on duty on the order's date. A technician who is not
 * the owner may not hand jobs around, theirs or others'. A technician does one job
 * of a slot at a time: one who already has another job in the order's slot that day
 * is refused, checked under the slot's row lock, which bookings (one job per
 * technician in a slot) and other changes of that slot take too, so two changes
 * at once cannot both land on the same technician. Audited with both names.
 */
export async function changeOrderTechnician(
  db: Database,
  { orderId, technicianId, by }: { orderId: string; technicianId: number | null; by: StaffMember },
): Promise<OrderActionResult> {
  return db.transaction(async (tx) => {
    const actor = await findAdminByUsername(tx, { username: by.username });
    if (!actor || actor.disabled) return { ok: false, message: "Sesi admin berakhir. Silakan masuk lagi." };
    if (actor.technician && actor.role !== "owner") return { ok: false, message: TECHNICIAN_MAY_NOT_REASSIGN };
    const order = await lockOrder(tx, { id: orderId });
    if (!order) return { ok: false, message: "Pesanan tidak ditemukan." };
    if (order.repairStatus === "cancelled" || order.repairStatus === "completed") return { ok: false, message: "Pesanan ini sudah selesai atau dibatalkan." };
    if (order.technicianId === technicianId) return { ok: true, order };
    const chosen = technicianId === null ? undefined : await findAdminById(tx, { id: technicianId });
    if (technicianId !== null) {
      const day = `${weekdayName(weekdayOf(order.serviceDate))} ${formatDateDmy(order.serviceDate)}`;
      const onDuty = chosen && (await isTechnicianOnDuty(tx, { adminId: technicianId, serviceDate: order.serviceDate }));
      if (!onDuty) return { ok: false, message: `${chosen?.username ?? "Teknisi itu"} tidak masuk pada ${day}. Pilih teknisi yang masuk hari itu.` };
      await lockSlot(tx, { slotId: order.slotId });
      const busy = await findTechnicianJobInSlot(tx, { technicianId, slotId: order.slotId, serviceDate: order.serviceDate, exceptOrderId: order.id });
      if (busy) return { ok: false, message: technicianBusy(chosen.username, busy.bookingCode, `${order.slotLabel} ${day}`) };
    }
    const previous = order.technicianId === null ? undefined : await findAdminById(tx, { id: order.technicianId });
    const updated = await updateOrder(tx, { id: order.id, changes: { technicianId } });
    await recordAudit(tx, {
      actor: by.username,
      entity: "order",
      entityId: order.id,
      action: "order.technician_changed",
      before: { technicianId: order.technicianId, technician: previous?.username ?? null },
      after: { technicianId, technician: chosen?.username ?? null },
      ip: by.ip,
    });
    return { ok: true, order: updated };
  });
}

export interface TechnicianChoice {
  id: number;
  username: string;
  /** "Budi", or what changeOrderTechnician would refuse: "Budi — libur hari itu", "Budi — sudah ada job 12345678 di slot ini". */
  label: string;
}

/**
 * The order page's Teknisi choices, each marked before saving with what would
 * refuse it: off on the order's day, or another live job in its slot that day.
 * Read without a lock, so the refusal under the slot's lock stays the check.
 */
export async function listTechnicianChoices(db: Database, { order, technicians }: { order: Order; technicians: Technician[] }): Promise<TechnicianChoice[]> {
  const weekday = weekdayOf(order.serviceDate);
  const jobs = await listTechnicianJobsInSlot(db, { slotId: order.slotId, serviceDate: order.serviceDate, exceptOrderId: order.id });
  return technicians.map(({ id, username, workingWeekdays }) => {
    const job = jobs.find((j) => j.technicianId === id);
    const notes = [worksOn(workingWeekdays, weekday) ? null : "libur hari itu", job ? `sudah ada job ${job.bookingCode} di slot ini` : null].filter(Boolean);
    return { id, username, label: notes.length > 0 ? `${username} — ${notes.join("; ")}` : username };
  });
}
