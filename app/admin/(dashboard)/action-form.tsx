"use client";
import { createContext, useActionState, useContext, useMemo, useState, type ReactNode } from "react";
import type { AdminActionState, EditResult } from "@/lib/admin/edit-result";
import { ConfirmButton } from "../confirm-step";
import styles from "./catalog-editor.module.css";
import { FlashBanner } from "./flash-banner";

export type AdminFormAction = (state: AdminActionState, form: FormData) => Promise<AdminActionState>;

type Slot = { state: AdminActionState; dispatch: (form: FormData) => void };
const IDLE: AdminActionState = { status: "idle" };
const Slots = createContext<Record<string, Slot>>({});
const Alt = createContext<((form: FormData) => void) | undefined>(undefined);

/** One useActionState per action of the page, each in its own component, so a list of actions needs no loop of hooks. */
function ActionSlots({ actions, names, children }: { actions: Record<string, AdminFormAction>; names: string[]; children: ReactNode }) {
  const outer = useContext(Slots);
  const [name, ...rest] = names;
  const [state, dispatch] = useActionState(actions[name!]!, IDLE);
  const slots = useMemo(() => ({ ...outer, [name!]: { state, dispatch } }), [outer, name, state, dispatch]);
  return <Slots value={slots}>{rest.length > 0 ? <ActionSlots actions={actions} names={rest}>{children}</ActionSlots> : children}</Slots>;
}

/** The answer that came last: an action's state that changed since the previous render, or what the page says on arriving (`notice`). */
const answered = (state: AdminActionState): state is EditResult => state.status !== "idle";

function LatestAnswer({ notice, noticeFor }: { notice?: EditResult; noticeFor?: string }) {
  const states = Object.values(useContext(Slots)).map((slot) => slot.state);
  const [seen, setSeen] = useState(() => ({ states, noticeFor, shown: notice ?? states.find(answered) }));
  const changed = states.find((state, i): state is EditResult => state !== seen.states[i] && answered(state));
  if (changed || noticeFor !== seen.noticeFor) {
    setSeen({ states, noticeFor, shown: changed ?? (noticeFor !== seen.noticeFor ? (notice ?? seen.shown) : seen.shown) });
  }
  return <FlashBanner flash={seen.shown} />;
}

/**
 * The admin forms of a page (or part of one) and, above them, what the last
 * one did. The actions' states live here, not in the forms, so the answer
 * stays when the form's row goes away with the change (a removed slot).
 * Without client JavaScript the forms still post and the page comes back with the answer.
 */
export function ResultArea({ actions, notice, noticeFor, children }: { actions: Record<string, AdminFormAction>; notice?: EditResult; noticeFor?: string; children: ReactNode }) {
  return (
    <ActionSlots actions={actions} names={Object.keys(actions)}>
      <LatestAnswer notice={notice} noticeFor={noticeFor} />
      {children}
    </ActionSlots>
  );
}

/** A form of a ResultArea posting to its action named `action`; `alt` names a second one for an ActionButton marked `alt` (a row's Hapus). */
export function ActionForm({ action, alt, className = styles.row, label, children }: { action: string; alt?: string; className?: string; label?: string; children: ReactNode }) {
  const slots = useContext(Slots);
  return (
    <form action={slots[action]?.dispatch} className={className} aria-label={label}>
      <Alt value={alt ? slots[alt]?.dispatch : undefined}>{children}</Alt>
    </form>
  );
}

type ActionButtonProps = { alt?: boolean; kind?: "save" | "remove"; label?: string; confirm?: { question: string; yes: string }; children: ReactNode };

/**
 * A submit button of an ActionForm; `label` is what a screen reader says.
 * With `confirm`, the press asks the question first and only its "yes" submits.
 */
export function ActionButton({ alt = false, kind = "save", label, confirm, children }: ActionButtonProps) {
  const altDispatch = useContext(Alt);
  const formAction = alt ? altDispatch : undefined;
  const className = kind === "save" ? styles.save : styles.remove;
  if (confirm) {
    return (
      <ConfirmButton {...confirm} formAction={formAction} className={className} label={label}>
        {children}
      </ConfirmButton>
    );
  }
  return (
    <button type="submit" formAction={formAction} className={className} aria-label={label}>
      {children}
    </button>
  );
}
