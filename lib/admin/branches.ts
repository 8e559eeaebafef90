import { z } from "zod";
import type { Database } from "@/db";
import { findAdminById } from "@/db/queries/admins";
import { addAdminToBranch, findBranch, insertBranch, listActiveBranches, removeAdminFromBranch, updateBranch, type BranchValues } from "@/db/queries/branches";
import { lockAllSlots } from "@/db/queries/slots";
import { recordAudit } from "@/lib/audit/record";
import { normalizeIndonesianPhone } from "@/lib/booking/phone";
import { invalid, ok, type AdminActor, type EditResult } from "./edit-result";

/** The branch form as the owner fills it in (/admin/branches). */
export const branchInput = z.object({
  id: z.coerce.number().int().positive().optional(),
  name: z.string().trim().min(2, "Nama cabang minimal 2 karakter.").max(80),
  address: z.string().trim().max(300).default(""),
  phone: z.string().trim().max(30).default(""),
  mapsUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^(https?:\/\/\S+)?$/i, "Tautan peta harus diawali http:// atau https://.")
    .default(""),
  active: z.enum(["on"]).optional(),
});
export type BranchInput = z.infer<typeof branchInput>;

/** Adds a branch or changes one; a branch is never deleted (its orders keep it), only made inactive. Audited. */
export async function saveBranch(db: Database, input: BranchInput, by: AdminActor): Promise<EditResult> {
  const phone = input.phone ? normalizeIndonesianPhone(input.phone) : "";
  if (phone === null) return invalid({ phone: "Nomor telepon Indonesia, contoh 0812 3456 7890." });
  const values: BranchValues = { name: input.name, address: input.address, phone, mapsUrl: input.mapsUrl, active: input.active === "on" };
  return db.transaction(async (tx) => {
    const before = input.id === undefined ? undefined : await findBranch(tx, { id: input.id });
    if (input.id !== undefined && !before) return invalid({ _form: "Cabang tidak ditemukan." });
    if (before && before.active && !values.active && (await listActiveBranches(tx)).length === 1) {
      return invalid({ _form: "Cabang aktif terakhir tidak bisa dinonaktifkan: pelanggan tidak punya tempat untuk booking." });
    }
    const after = before ? await updateBranch(tx, { id: before.id, values }) : await insertBranch(tx, values);
    if (!after) return invalid({ name: `Nama cabang "${input.name}" sudah dipakai.` });
    await recordAudit(tx, { actor: by.username, ip: by.ip ?? null, entity: "branch", entityId: String(after.id), action: before ? "branch.updated" : "branch.created", before: before ?? null, after });
    return ok(before ? `Cabang ${after.name} disimpan.` : `Cabang ${after.name} ditambahkan. Tambahkan slot dan staf untuknya.`);
  });
}

export const assignmentInput = z.object({
  adminId: z.coerce.number().int().positive(),
  branchId: z.coerce.number().int().positive(),
  assigned: z.enum(["0", "1"]),
});

/** Puts a member of staff in a branch or takes them out of it (the owner sees every branch anyway). Audited. */
export async function assignStaff(db: Database, input: z.infer<typeof assignmentInput>, by: AdminActor): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const [admin, branch] = await Promise.all([findAdminById(tx, { id: input.adminId }), findBranch(tx, { id: input.branchId })]);
    if (!admin || !branch) return invalid({ _form: "Staf atau cabang tidak ditemukan." });
    if (admin.role === "owner") return invalid({ _form: "Pemilik melihat semua cabang." });
    const assigned = input.assigned === "1";
    // A technician's branches set those branches' places: take turns with bookings, as the technician box does.
    if (admin.technician) await lockAllSlots(tx);
    if (assigned) await addAdminToBranch(tx, { adminId: admin.id, branchId: branch.id });
    else await removeAdminFromBranch(tx, { adminId: admin.id, branchId: branch.id });
    await recordAudit(tx, {
      actor: by.username,
      ip: by.ip ?? null,
      entity: "admin",
      entityId: String(admin.id),
      action: assigned ? "admin.branch_added" : "admin.branch_removed",
      after: { branchId: branch.id, branch: branch.name },
    });
    return ok(assigned ? `${admin.username} sekarang bekerja di ${branch.name}.` : `${admin.username} tidak lagi di ${branch.name}.`);
  });
}
