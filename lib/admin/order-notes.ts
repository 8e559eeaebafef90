import type { Database } from "@/db";
import { insertOrderNote } from "@/db/queries/order-notes";
import { findOrderById } from "@/db/queries/orders";
import { recordAudit } from "@/lib/audit/record";
import type { OrderActionResult, StaffMember } from "./order-actions";

export const MAX_NOTE_LENGTH = 1000;

/** A note only staff read ("layar retak juga, sudah dikabari"), under the writer's name; audited with the order. */
export async function addOrderNote(db: Database, { orderId, body, by }: { orderId: string; body: string; by: StaffMember }): Promise<OrderActionResult> {
  const text = body.trim();
  if (!text) return { ok: false, message: "Catatan kosong." };
  if (text.length > MAX_NOTE_LENGTH) return { ok: false, message: `Catatan paling panjang ${MAX_NOTE_LENGTH} karakter.` };
  return db.transaction(async (tx) => {
    const order = await findOrderById(tx, { id: orderId });
    if (!order) return { ok: false, message: "Pesanan tidak ditemukan." };
    const note = await insertOrderNote(tx, { orderId, author: by.username, body: text });
    await recordAudit(tx, { actor: by.username, entity: "order", entityId: orderId, action: "order.note_added", after: { noteId: note.id }, ip: by.ip ?? null });
    return { ok: true, order };
  });
}
