import type { Database } from "@/db";
import { findAdminById, insertStaff, revokeSessionsOfAdmin, updateAdmin } from "@/db/queries/admins";
import { lockAllSlots } from "@/db/queries/slots";
import { countComingJobs } from "@/db/queries/technicians";
import { recordAudit } from "@/lib/audit/record";
import { todayInJakarta } from "@/lib/booking/calendar";
import type { AdminActor, EditResult } from "./edit-result";
import { invalid, ok } from "./edit-result";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password";

const USERNAME = /^[a-z0-9._-]{3,32}$/;

function passwordProblem(password: string): string | undefined {
  return password.length < MIN_PASSWORD_LENGTH ? `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter.` : undefined;
}

/** The owner adds a member of staff: runs orders and payments, nothing of the shop's setup. */
export async function createStaff(db: Database, input: { username: string; password: string }, by: AdminActor): Promise<EditResult> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) return invalid({ username: "3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung." });
  const problem = passwordProblem(input.password);
  if (problem) return invalid({ password: problem });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const created = await insertStaff(tx, { username, passwordHash });
    if (!created) return invalid({ username: `Nama pengguna "${username}" sudah dipakai.` });
    await recordAudit(tx, { actor: by.username, entity: "admin", entityId: String(created.id), action: "admin.created", after: { username, role: "staff" }, ip: by.ip ?? null });
    return ok(`Staf ${username} ditambahkan. Ia bisa masuk dengan kata sandi tadi.`);
  });
}

/** Disabling signs the person out at once (a session of a disabled account is not honoured); the owner's own account cannot be disabled here. */
export async function setStaffDisabled(db: Database, input: { id: number; disabled: boolean }, by: AdminActor): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const target = await findAdminById(tx, { id: input.id });
    if (!target) return invalid({ _form: "Akun tidak ditemukan." });
    if (target.role === "owner") return invalid({ _form: "Akun pemilik tidak bisa dinonaktifkan dari sini." });
    if (target.disabled === input.disabled) return ok(`${target.username} sudah ${input.disabled ? "nonaktif" : "aktif"}.`);
    // A technician counts in every slot's places: take turns with bookings, as the technician box does.
    if (target.technician) await lockAllSlots(tx);
    await updateAdmin(tx, { id: target.id, changes: { disabled: input.disabled } });
    if (input.disabled) await revokeSessionsOfAdmin(tx, { adminId: target.id, now: new Date() });
    await recordAudit(tx, {
      actor: by.username,
      entity: "admin",
      entityId: String(target.id),
      action: input.disabled ? "admin.disabled" : "admin.enabled",
      before: { disabled: target.disabled },
      after: { disabled: input.disabled },
      ip: by.ip ?? null,
    });
    const coming = input.disabled && target.technician ? await countComingJobs(tx, { technicianId: target.id, from: todayInJakarta() }) : [];
    const jobs = coming.reduce((sum, day) => sum + day.jobs, 0);
    const handOver = jobs > 0 ? ` Ia masih punya ${jobs} pekerjaan mendatang: ganti teknisinya di halaman pesanan.` : "";
    return ok(input.disabled ? `${target.username} dinonaktifkan dan dikeluarkan dari semua perangkat.${handOver}` : `${target.username} aktif lagi.`);
  });
}

/** A new password for a member of staff; every session of theirs ends. */
export async function resetStaffPassword(db: Database, input: { id: number; password: string }, by: AdminActor): Promise<EditResult> {
  const problem = passwordProblem(input.password);
  if (problem) return invalid({ password: problem });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const target = await findAdminById(tx, { id: input.id });
    if (!target || target.role === "owner") return invalid({ _form: "Hanya kata sandi staf yang bisa diganti di sini." });
    await updateAdmin(tx, { id: target.id, changes: { passwordHash } });
    await revokeSessionsOfAdmin(tx, { adminId: target.id, now: new Date() });
    await recordAudit(tx, { actor: by.username, entity: "admin", entityId: String(target.id), action: "admin.password_reset", ip: by.ip ?? null });
    return ok(`Kata sandi ${target.username} diganti; ia perlu masuk lagi.`);
  });
}
