import type { AdminActionState } from "@/lib/admin/edit-result";
import styles from "../admin.module.css";

/** The answer of an order, staff or webhook form, shown under it. */
export function ActionOutcome({ state }: { state: AdminActionState }) {
  if (state.status === "ok") return <p role="status" className={styles.ok}>{state.message}</p>;
  if (state.status === "invalid") return <p role="alert" className={styles.error}>{Object.values(state.errors).join(" ")}</p>;
  return null;
}
