"use client";
import { useState, type FormEvent } from "react";
import styles from "../../../admin.module.css";

/**
 * A second step before a form's submit goes through: the first press shows
 * the question and a "yes" button (itself a submit, marked confirmed), the
 * "no" button closes it. Without JavaScript the form posts at once, as before.
 */
export function useConfirmStep<T>() {
  const [asking, setAsking] = useState<T | null>(null);
  /** For the form's onSubmit: `needs(submitter)` says what to ask about, or null to let it through. */
  const guard = (needs: (submitter: HTMLButtonElement | null) => T | null) => (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.dataset.confirmed === "1") return setAsking(null);
    const question = needs(submitter);
    if (question === null) return;
    event.preventDefault();
    setAsking(question);
  };
  return { asking, guard, close: () => setAsking(null) };
}

export function ConfirmBox({ text, yes, onNo, danger = false, submit }: { text: string; yes: string; onNo: () => void; danger?: boolean; submit?: { name: string; value: string } }) {
  return (
    <div role="alertdialog" aria-label="Konfirmasi" className={styles.confirm}>
      <p>{text}</p>
      <div className={styles.confirmButtons}>
        <button type="submit" data-confirmed="1" name={submit?.name} value={submit?.value} className={danger ? styles.buttonDanger : undefined} autoFocus>
          {yes}
        </button>
        <button type="button" className={styles.buttonSecondary} onClick={onNo}>
          Tidak jadi
        </button>
      </div>
    </div>
  );
}
