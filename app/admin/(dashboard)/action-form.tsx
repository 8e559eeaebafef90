"use client";
import { createContext, useActionState, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import type { AdminActionState, EditResult } from "@/lib/admin/edit-result";
import styles from "./catalog-editor.module.css";
import { FlashBanner } from "./flash-banner";

export type AdminFormAction = (state: AdminActionState, form: FormData) => Promise<AdminActionState>;

const IDLE: AdminActionState = { status: "idle" };
const Report = createContext<(result: EditResult) => void>(() => {});
const AltAction = createContext<((form: FormData) => void) | undefined>(undefined);
const noSubscription = () => () => {};

/**
 * Where the forms inside show what the last one did, above them: the answer
 * stays when that form's row goes away with the change (a removed slot).
 * `notice` is what the page itself has to say on arriving at `noticeFor` (a date being closed).
 */
export function ResultArea({ notice, noticeFor, children }: { notice?: EditResult; noticeFor?: string; children: ReactNode }) {
  const [shown, setShown] = useState({ noticeFor, result: notice });
  if (shown.noticeFor !== noticeFor) setShown({ noticeFor, result: notice ?? shown.result });
  const report = useCallback((result: EditResult) => setShown((now) => ({ ...now, result })), []);
  return (
    <Report value={report}>
      <FlashBanner flash={shown.result} />
      {children}
    </Report>
  );
}

function useReportedAction(action: AdminFormAction) {
  const report = useContext(Report);
  const [state, dispatch] = useActionState(action, IDLE);
  useEffect(() => {
    if (state.status !== "idle") report(state);
  }, [state, report]);
  return [state, dispatch] as const;
}

/**
 * One admin form posting to a server action; `alt` is a second action for an
 * ActionButton marked `alt` (a row's Hapus beside its Simpan). Without client
 * JavaScript the form still posts and the page comes back with the answer in the form.
 */
export function ActionForm({ action, alt, className = styles.row, label, children }: { action: AdminFormAction; alt?: AdminFormAction; className?: string; label?: string; children: ReactNode }) {
  const [state, dispatch] = useReportedAction(action);
  const [altState, altDispatch] = useReportedAction(alt ?? action);
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const answered = state.status !== "idle" ? state : altState.status !== "idle" ? altState : undefined;
  return (
    <form action={dispatch} className={className} aria-label={label}>
      <AltAction value={alt ? altDispatch : undefined}>{children}</AltAction>
      {!hydrated && <FlashBanner flash={answered} />}
    </form>
  );
}

/** A submit button of an ActionForm; `label` is what a screen reader says. */
export function ActionButton({ alt = false, kind = "save", label, children }: { alt?: boolean; kind?: "save" | "remove"; label?: string; children: ReactNode }) {
  const altDispatch = useContext(AltAction);
  return (
    <button type="submit" formAction={alt ? altDispatch : undefined} className={kind === "save" ? styles.save : styles.remove} aria-label={label}>
      {children}
    </button>
  );
}
