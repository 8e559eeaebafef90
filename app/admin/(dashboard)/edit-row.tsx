import type { ReactNode } from "react";
import { ConfirmButton } from "../confirm-step";
import styles from "./catalog-editor.module.css";

/** One editable row of a catalog/schedule list: its own plain form, posted to the page's edit route. */
export function EditRow({ action, children }: { action: string; children: ReactNode }) {
  return (
    <li>
      <form method="post" action={action} className={styles.row}>
        {children}
      </form>
    </li>
  );
}

type OpButtonProps = { op: string; label?: string; kind?: "save" | "remove"; confirm?: { question: string; yes: string }; children: ReactNode };

/**
 * A submit button that names the operation (`op`) the route runs; `label` is what a screen reader says.
 * With `confirm`, the press asks the question first and only its "yes" submits.
 */
export function OpButton({ op, label, kind = "save", confirm, children }: OpButtonProps) {
  const className = kind === "save" ? styles.save : styles.remove;
  if (confirm) {
    return (
      <ConfirmButton {...confirm} name="op" value={op} className={className} label={label}>
        {children}
      </ConfirmButton>
    );
  }
  return (
    <button type="submit" name="op" value={op} className={className} aria-label={label}>
      {children}
    </button>
  );
}
