import type { Database } from "@/db";
import { findAdminById, findAdminByUsername } from "@/db/queries/admins";
import { lockOrder, updateOrder } from "@/db/queries/orders";
import { isTechnicianOnDuty } from "@/db/queries/technicians";
import { recordAudit } from "@/lib/audit/record";
import { formatDateDmy, weekdayName, weekdayOf } from "@/lib/booking/calendar";
import type { OrderActionResult, StaffMember } from "./order-actions";

export const TECHNICIAN_MAY_NOT_REASSIGN = "Teknisi tidak dapat memindahkan pekerjaan. Minta pemilik atau staf meja depan.";

/**
 * Staff give an order to another technician (or to nobody: null). The one given
 * it must be a technician on duty on the order's date. A technician who is not
 * the owner may not hand jobs around, theirs or others'. Audited with both names.
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
      const onDuty = chosen && (await isTechnicianOnDuty(tx, { adminId: technicianId, serviceDate: order.serviceDate }));
      if (!onDuty) {
        const day = `${weekdayName(weekdayOf(order.serviceDate))} ${formatDateDmy(order.serviceDate)}`;
        return { ok: false, message: `${chosen?.username ?? "Teknisi itu"} tidak masuk pada ${day}. Pilih teknisi yang masuk hari itu.` };
      }
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
