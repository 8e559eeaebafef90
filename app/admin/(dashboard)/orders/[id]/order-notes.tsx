"use client";
import { useActionState, useEffect, useRef } from "react";
import type { AdminActionState } from "@/lib/admin/edit-result";
import type { AdminFormAction as Action } from "../../action-form";
import { ActionOutcome } from "../../action-outcome";
import styles from "../../../admin.module.css";

const IDLE: AdminActionState = { status: "idle" };

export interface NoteView {
  id: number;
  author: string;
  at: string;
  body: string;
}

/** Staff's internal notes (the customer never sees them): who and when above each, newest last, a box to add one. */
export function OrderNotes({ action, notes, maxLength }: { action: Action; notes: NoteView[]; maxLength: number }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok") form.current?.reset();
  }, [state]);
  return (
    <div>
      {notes.length === 0 ? (
        <p className={styles.muted}>Belum ada catatan.</p>
      ) : (
        <ul className={styles.notes}>
          {notes.map((note) => (
            <li key={note.id}>
              <div className={styles.muted}>
                {note.author} · {note.at}
              </div>
              <p>{note.body}</p>
            </li>
          ))}
        </ul>
      )}
      <form ref={form} action={formAction}>
        <label className={styles.noteField}>
          Catatan baru (hanya untuk staf)
          <textarea name="body" required maxLength={maxLength} rows={3} />
        </label>
        <button type="submit" className={styles.button} disabled={pending}>
          Simpan catatan
        </button>
        <ActionOutcome state={state} />
      </form>
    </div>
  );
}
