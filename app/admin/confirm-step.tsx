"use client";
import { useState, type FormEvent, type MouseEvent, type ReactNode } from "react";
import styles from "./admin.module.css";

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

/** `formAction`: the server action the "yes" submits to, when it is not the form's own (a row's second button). */
type FormAction = (form: FormData) => void;
type ConfirmBoxProps = { text: string; yes: string; onNo: () => void; danger?: boolean; submit?: { name: string; value: string }; onYes?: () => void; formAction?: FormAction };

export function ConfirmBox({ text, yes, onNo, danger = false, submit, onYes, formAction }: ConfirmBoxProps) {
  // Closed after the submit has gone: closing at once would take the submitter out of the form first.
  const afterYes = onYes && (() => setTimeout(onYes));
  return (
    <div role="alertdialog" aria-label="Konfirmasi" className={styles.confirm}>
      <p>{text}</p>
      <div className={styles.confirmButtons}>
        <button type="submit" data-confirmed="1" name={submit?.name} value={submit?.value} formAction={formAction} className={danger ? styles.buttonDanger : undefined} onClick={afterYes} autoFocus>
          {yes}
        </button>
        <button type="button" className={styles.buttonSecondary} onClick={onNo}>
          Tidak jadi
        </button>
      </div>
    </div>
  );
}

type ConfirmButtonProps = { question: string; yes: string; name?: string; value?: string; className?: string; label?: string; disabled?: boolean; formAction?: FormAction; children: ReactNode };

/**
 * A destructive submit button that asks first: the press puts the question in
 * its place, and "yes" submits the same form with the button's name and value.
 */
export function ConfirmButton({ question, yes, name, value, className, label, disabled, formAction, children }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (asking) {
    const close = () => setAsking(false);
    return <ConfirmBox text={question} yes={yes} danger onNo={close} onYes={close} submit={name ? { name, value: value ?? "" } : undefined} formAction={formAction} />;
  }
  const ask = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    setAsking(true);
  };
  return (
    <button type="submit" name={name} value={value} formAction={formAction} className={className} aria-label={label} disabled={disabled} onClick={ask}>
      {children}
    </button>
  );
}
