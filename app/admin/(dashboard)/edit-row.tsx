import type { ReactNode } from "react";
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

/** A submit button that names the operation (`op`) the route runs; `label` is what a screen reader says. */
export function OpButton({ op, label, kind = "save", children }: { op: string; label?: string; kind?: "save" | "remove"; children: ReactNode }) {
  return (
    <button type="submit" name="op" value={op} className={kind === "save" ? styles.save : styles.remove} aria-label={label}>
      {children}
    </button>
  );
}
