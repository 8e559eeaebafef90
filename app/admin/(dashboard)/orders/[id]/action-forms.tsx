"use client";
import { useActionState } from "react";
import type { RepairStatus } from "@/db/schema";
import { REPAIR_STATUS_LABEL } from "@/lib/payments/texts";
import type { AdminActionState } from "@/lib/admin/edit-result";
import type { TechnicianChoice } from "@/lib/admin/order-technician";
import type { AdminFormAction as Action } from "../../action-form";
import { ActionOutcome as Outcome } from "../../action-outcome";
import { ConfirmBox, useConfirmStep } from "../../../confirm-step";
import styles from "../../../admin.module.css";

const IDLE: AdminActionState = { status: "idle" };

/** A move the page offers; `caution` is the question to confirm first (steps skipped, date still ahead). */
export interface RepairMoveOption {
  status: RepairStatus;
  caution?: string;
}

export function RepairStatusForm({ action, moves }: { action: Action; moves: RepairMoveOption[] }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const { asking, guard, close } = useConfirmStep<RepairMoveOption>();
  const onSubmit = guard((button) => moves.find((m) => m.status === button?.value && m.caution) ?? null);
  return (
    <form action={formAction} onSubmit={onSubmit}>
      <div className={styles.form} role="group" aria-label="Ubah status perbaikan">
        {moves.length === 0 && <span className={styles.muted}>Tidak ada langkah berikutnya.</span>}
        {moves.map(({ status }) => (
          <button key={status} type="submit" name="status" value={status} disabled={pending}>
            {REPAIR_STATUS_LABEL[status]}
          </button>
        ))}
      </div>
      {asking && <ConfirmBox text={asking.caution!} yes={`Ya, ubah ke ${REPAIR_STATUS_LABEL[asking.status]}`} onNo={close} submit={{ name: "status", value: asking.status }} />}
      <Outcome state={state} />
    </form>
  );
}

export function RescheduleForm({ action, slots, date, owner }: { action: Action; slots: { id: number; label: string }[]; date: string; owner: boolean }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <div className={styles.form}>
        <label>
          Tanggal baru
          <input type="date" name="serviceDate" defaultValue={date} required />
        </label>
        <label>
          Slot
          <select name="slotId" required>
            {slots.map((slot) => (
              <option key={slot.id} value={slot.id}>
                {slot.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending}>
          Jadwalkan ulang
        </button>
      </div>
      {owner ? (
        <label className={styles.muted}>
          <input type="checkbox" name="override" /> Abaikan aturan booking (hari tutup, batas hari, waktu minimal); kapasitas tetap berlaku
        </label>
      ) : (
        <p className={styles.muted}>Jadwal baru mengikuti aturan booking (hari tutup, batas hari, waktu minimal, kapasitas).</p>
      )}
      <Outcome state={state} />
    </form>
  );
}

/** `amount` null: nothing is owed (a free warranty claim), so the button settles it without speaking of cash. */
export function CashForm({ action, amount }: { action: Action; amount: string | null }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <div className={styles.form}>
        <button type="submit" disabled={pending}>
          {amount === null ? "Tandai lunas (tanpa biaya)" : `Catat bayar tunai ${amount}`}
        </button>
      </div>
      <Outcome state={state} />
    </form>
  );
}

export function CancelForm({ action, paid, bookingCode }: { action: Action; paid: boolean; bookingCode: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const { asking, guard, close } = useConfirmStep<true>();
  return (
    <form action={formAction} onSubmit={guard(() => true)}>
      <div className={styles.form}>
        <label>
          Alasan pembatalan
          <input name="reason" maxLength={200} placeholder="mis. pelanggan minta batal" />
        </label>
        <button type="submit" className={styles.buttonDanger} disabled={pending || asking !== null}>
          Batalkan pesanan
        </button>
      </div>
      {paid && <p className={styles.muted}>Pesanan ini sudah dibayar: membatalkan akan menandainya perlu refund.</p>}
      {asking && (
        <ConfirmBox
          danger
          text={`Batalkan pesanan ${bookingCode}? Jadwalnya dilepas dan pelanggan langsung diberi tahu lewat Telegram.${paid ? " Pesanan ini sudah dibayar: uangnya harus dikembalikan (refund)." : ""} Ini tidak bisa dibatalkan.`}
          yes="Ya, batalkan pesanan"
          onNo={close}
        />
      )}
      <Outcome state={state} />
    </form>
  );
}

/** "Teknisi": who does this repair; each choice says before saving if it is off that day or busy in the slot, and the server refuses those with the reason. */
export function TechnicianForm({ action, technicians, current }: { action: Action; technicians: TechnicianChoice[]; current: number | null }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <div className={styles.form}>
        <label>
          Teknisi
          <select name="technicianId" defaultValue={current ?? ""}>
            <option value="">Belum ditentukan</option>
            {technicians.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending}>
          Ganti teknisi
        </button>
      </div>
      <Outcome state={state} />
    </form>
  );
}
