import type { Database } from "@/db";
import { findAdminById } from "@/db/queries/admins";
import { lockAllSlots } from "@/db/queries/slots";
import { countComingJobs, setTechnicianDuty } from "@/db/queries/technicians";
import { recordAudit } from "@/lib/audit/record";
import { formatDateDmy, todayInJakarta, weekdayOf } from "@/lib/booking/calendar";
import { weekdaysMask, worksOn } from "@/lib/booking/technicians";
import type { AdminActor, EditResult } from "./edit-result";
import { invalid, ok } from "./edit-result";

export interface TechnicianDutyInput {
  id: number;
  technician: boolean;
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
}

/**
 * The owner marks an account as a technician and sets the weekdays they work.
 * Every slot's places follow, so it takes the slots' locks as the weekday grid
 * does: bookings in flight land before it, and none counts a roster half changed.
 * A day off that would leave a coming job without its technician is refused
 * until that job is given to someone else.
 */
export async function saveTechnicianDuty(db: Database, input: TechnicianDutyInput, by: AdminActor, now = new Date()): Promise<EditResult> {
  const workingWeekdays = weekdaysMask(input.weekdays);
  if (input.technician && workingWeekdays === 0) return invalid({ weekdays: "Pilih minimal satu hari kerja." });
  return db.transaction(async (tx) => {
    await lockAllSlots(tx);
    const target = await findAdminById(tx, { id: input.id });
    if (!target) return invalid({ _form: "Akun tidak ditemukan." });
    const stranded = (await countComingJobs(tx, { technicianId: target.id, from: todayInJakarta(now) })).filter(
      ({ serviceDate }) => !input.technician || !worksOn(workingWeekdays, weekdayOf(serviceDate)),
    );
    if (stranded.length > 0) {
      const dates = stranded.map((d) => `${formatDateDmy(d.serviceDate)} (${d.jobs})`).join(", ");
      return invalid({ _form: `${target.username} masih punya pekerjaan pada ${dates}. Pindahkan pekerjaan itu ke teknisi lain dulu.` });
    }
    const before = { technician: target.technician, workingWeekdays: target.workingWeekdays };
    const after = { technician: input.technician, workingWeekdays: input.technician ? workingWeekdays : target.workingWeekdays };
    if (before.technician === after.technician && before.workingWeekdays === after.workingWeekdays) return ok(`Tidak ada perubahan untuk ${target.username}.`);
    await setTechnicianDuty(tx, { id: target.id, ...after });
    await recordAudit(tx, { actor: by.username, entity: "admin", entityId: String(target.id), action: "admin.technician_duty", before, after, ip: by.ip ?? null });
    return ok(after.technician ? `Hari kerja teknisi ${target.username} disimpan.` : `${target.username} bukan teknisi lagi.`);
  });
}
