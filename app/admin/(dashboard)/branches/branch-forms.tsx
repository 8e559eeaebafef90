"use client";
import { useActionState } from "react";
import type { Branch } from "@/db/schema";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { ActionOutcome as Outcome } from "../action-outcome";
import { assignStaffAction, saveBranchAction } from "./actions";
import styles from "../../admin.module.css";

const IDLE: AdminActionState = { status: "idle" };

/** A branch's details, or (no branch) a new one. */
export function BranchForm({ branch }: { branch?: Branch }) {
  const [state, action, pending] = useActionState(saveBranchAction, IDLE);
  const key = branch ? `cabang-${branch.id}` : "cabang-baru";
  return (
    <form action={action} className={styles.form} aria-label={branch ? `Ubah ${branch.name}` : "Cabang baru"}>
      {branch && <input type="hidden" name="id" value={branch.id} />}
      <label>
        Nama
        <input name="name" required minLength={2} maxLength={80} defaultValue={branch?.name} id={`${key}-name`} />
      </label>
      <label>
        Alamat
        <input name="address" maxLength={300} defaultValue={branch?.address} />
      </label>
      <label>
        Telepon / WhatsApp
        <input name="phone" inputMode="tel" maxLength={30} defaultValue={branch?.phone} />
      </label>
      <label>
        Tautan Google Maps
        <input name="mapsUrl" type="url" maxLength={500} defaultValue={branch?.mapsUrl} />
      </label>
      <label>
        <input name="active" type="checkbox" defaultChecked={branch?.active ?? true} /> Aktif (bisa dipilih pelanggan)
      </label>
      <button type="submit" disabled={pending}>
        {branch ? "Simpan" : "Tambah cabang"}
      </button>
      <Outcome state={state} />
    </form>
  );
}

/** A tick per (staff, branch): checked = works there. */
export function AssignmentToggle({ adminId, username, branchId, branchName, assigned }: { adminId: number; username: string; branchId: number; branchName: string; assigned: boolean }) {
  const [state, action, pending] = useActionState(assignStaffAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="adminId" value={adminId} />
      <input type="hidden" name="branchId" value={branchId} />
      <input type="hidden" name="assigned" value={assigned ? "0" : "1"} />
      <button type="submit" disabled={pending} aria-label={`${assigned ? "Keluarkan" : "Masukkan"} ${username} ${assigned ? "dari" : "ke"} ${branchName}`}>
        {assigned ? "✓ Bekerja di sini" : "Tambahkan"}
      </button>
      <Outcome state={state} />
    </form>
  );
}
