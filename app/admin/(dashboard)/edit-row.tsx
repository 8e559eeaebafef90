import type { ReactNode } from "react";
import { ActionForm } from "./action-form";

/** One editable row of a catalog/schedule list: its own form, posting to the action its ResultArea names `action` (`alt`: the row's second button). */
export function EditRow({ action, alt, children }: { action: string; alt?: string; children: ReactNode }) {
  return (
    <li>
      <ActionForm action={action} alt={alt}>
        {children}
      </ActionForm>
    </li>
  );
}
