import type { ReactNode } from "react";
import { ActionForm, type AdminFormAction } from "./action-form";

/** One editable row of a catalog/schedule list: its own form, posting to a server action (`alt`: the row's second button). */
export function EditRow({ action, alt, children }: { action: AdminFormAction; alt?: AdminFormAction; children: ReactNode }) {
  return (
    <li>
      <ActionForm action={action} alt={alt}>
        {children}
      </ActionForm>
    </li>
  );
}
