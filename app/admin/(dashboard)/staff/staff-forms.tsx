"use client";
import { useActionState } from "react";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { ActionOutcome as Outcome } from "../action-outcome";
import { worksOn } from "@/lib/booking/technicians";
import { WEEK_ORDER, WEEKDAY_NAMES } from "@/lib/booking/weekly-hours";
import { addStaff, makeStaffCode, removeStaffChat, resetPassword, saveTechnician, toggleStaff } from "./actions";
import { ConfirmButton } from "../../confirm-step";
import styles from "../../admin.module.css";
import box from "./technician-box.module.css";

const IDLE: AdminActionState = { status: "idle" };

export function AddStaffForm() {
  const [state, action, pending] = useActionState(addStaff, IDLE);
  return (
    <form action={action} className={styles.form}>
      <label>
        Nama pengguna
        <input name="username" required minLength={3} maxLength={32} autoComplete="off" />
      </label>
      <label>
        Kata sandi awal
        <input name="password" type="password" required minLength={10} autoComplete="new-password" />
      </label>
      <button type="submit" disabled={pending}>
        Tambah staf
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function StaffRowActions({ id, username, disabled }: { id: number; username: string; disabled: boolean }) {
  const [toggleState, toggle, toggling] = useActionState(toggleStaff, IDLE);
  const [resetState, reset, resetting] = useActionState(resetPassword, IDLE);
  return (
    <div>
      <form action={toggle} className={styles.form}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="disabled" value={disabled ? "0" : "1"} />
        {disabled ? (
          <button type="submit" disabled={toggling} aria-label={`Aktifkan ${username}`}>
            Aktifkan
          </button>
        ) : (
          <ConfirmButton
            question={`Nonaktifkan ${username}? Sesinya langsung berakhir dan dia tidak bisa masuk sampai diaktifkan lagi.`}
            yes={`Ya, nonaktifkan ${username}`}
            className={styles.buttonDanger}
            disabled={toggling}
            label={`Nonaktifkan ${username}`}
          >
            Nonaktifkan
          </ConfirmButton>
        )}
      </form>
      <form action={reset} className={styles.form}>
        <input type="hidden" name="id" value={id} />
        <label>
          Kata sandi baru
          <input name="password" type="password" required minLength={10} autoComplete="new-password" aria-label={`Kata sandi baru ${username}`} />
        </label>
        <button type="submit" disabled={resetting}>
          Ganti kata sandi
        </button>
      </form>
      <Outcome state={toggleState.status !== "idle" ? toggleState : resetState} />
    </div>
  );
}

/** `branches`: with two or more, the code may be for one branch's chat (its alerts only) or the whole shop's. */
export function StaffCodeForm({ branches }: { branches: { id: number; name: string }[] }) {
  const [state, action, pending] = useActionState(makeStaffCode, IDLE);
  return (
    <form action={action} className={styles.form}>
      {branches.length > 1 && (
        <label>
          Untuk chat
          <select name="branchId" defaultValue="">
            <option value="">Semua cabang</option>
            {branches.map((branch) => (
              <option key={branch.id} value={branch.id}>
                {`Staf ${branch.name} saja`}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" disabled={pending}>
        Buat kode staf
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function RemoveStaffChatForm({ chatId }: { chatId: number }) {
  const [state, action, pending] = useActionState(removeStaffChat, IDLE);
  return (
    <form action={action} className={styles.form}>
      <input type="hidden" name="chatId" value={chatId} />
      <ConfirmButton
        question={`Berhenti kirim pemberitahuan ke chat ${chatId}?`}
        yes="Ya, berhenti kirim"
        className={styles.buttonDanger}
        disabled={pending}
        label={`Berhenti kirim ke chat ${chatId}`}
      >
        Berhenti
      </ConfirmButton>
      <Outcome state={state} />
    </form>
  );
}

/** One account's technician box: does repairs or not, and on which weekdays (Monday first). */
export function TechnicianBox({ id, username, technician, workingWeekdays }: { id: number; username: string; technician: boolean; workingWeekdays: number }) {
  const [state, action, pending] = useActionState(saveTechnician, IDLE);
  return (
    <form action={action} className={box.box} aria-label={`Teknisi ${username}`}>
      <input type="hidden" name="id" value={id} />
      <span className={box.name}>{username}</span>
      <label className={box.check}>
        <input type="checkbox" name="technician" defaultChecked={technician} /> Teknisi
      </label>
      <fieldset className={box.days}>
        <legend>Hari kerja {username}</legend>
        {WEEK_ORDER.map((weekday) => (
          <label key={weekday} className={box.check}>
            <input type="checkbox" name="weekday" value={weekday} defaultChecked={worksOn(workingWeekdays, weekday)} aria-label={`${WEEKDAY_NAMES[weekday]} ${username}`} />
            {WEEKDAY_NAMES[weekday]!.slice(0, 3)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending} aria-label={`Simpan teknisi ${username}`}>
        Simpan
      </button>
      <Outcome state={state} />
    </form>
  );
}
