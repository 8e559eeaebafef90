import type { Slot } from "@/db/schema";
import styles from "../catalog-editor.module.css";
import { ActionButton } from "../action-form";
import { BranchField } from "../branch-picker";
import { EditRow } from "../edit-row";

function SlotFields({ slot }: { slot?: Slot }) {
  const who = slot ? ` ${slot.label}` : " jam baru";
  return (
    <>
      <label className={styles.name}>
        Label
        <input type="text" name="label" defaultValue={slot?.label} placeholder="09.00 - 11.00 WIB" required maxLength={40} aria-label={`Label${who}`} />
      </label>
      <label>
        Mulai
        <input type="time" name="startTime" defaultValue={slot?.startTime} required aria-label={`Jam mulai${who}`} />
      </label>
      <label>
        Selesai
        <input type="time" name="endTime" defaultValue={slot?.endTime} required aria-label={`Jam selesai${who}`} />
      </label>
      <label className={styles.short}>
        Kapasitas
        <input type="number" name="capacity" defaultValue={slot?.capacity ?? 2} min={0} max={100} required aria-label={`Kapasitas${who}`} />
      </label>
      <label className={styles.check}>
        <input type="checkbox" name="active" defaultChecked={slot?.active ?? true} aria-label={`Aktif${who}`} />
        Aktif
      </label>
    </>
  );
}

/** The service slots (WIB): label, times, how many customers each takes, whether it is offered. */
export function SlotList({ slots, branchId }: { slots: Slot[]; branchId: number }) {
  return (
    <ul className={styles.rows}>
      {slots.map((slot) => (
        <EditRow key={slot.id} action="saveSlotAction" alt="removeSlotAction">
          <input type="hidden" name="id" value={slot.id} />
          <SlotFields slot={slot} />
          <ActionButton label={`Simpan ${slot.label}`}>Simpan</ActionButton>
          <ActionButton alt label={`Hapus ${slot.label}`} kind="remove">
            Hapus
          </ActionButton>
          {!slot.active && <span className={styles.inactive}>nonaktif: tidak ditawarkan</span>}
        </EditRow>
      ))}
      <EditRow action="saveSlotAction">
        <BranchField branchId={branchId} />
        <SlotFields />
        <ActionButton label="Tambah jam servis">Tambah</ActionButton>
      </EditRow>
    </ul>
  );
}
