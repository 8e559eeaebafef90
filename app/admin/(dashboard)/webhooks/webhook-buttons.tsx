"use client";
import { useActionState } from "react";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { ActionOutcome } from "../action-outcome";
import { removeWebhookAction, setWebhookAction } from "./actions";
import { ConfirmButton } from "../../confirm-step";
import styles from "../../admin.module.css";

const IDLE: AdminActionState = { status: "idle" };

export function WebhookButtons() {
  const [setState, setAction, setting] = useActionState(setWebhookAction, IDLE);
  const [removeState, removeAction, removing] = useActionState(removeWebhookAction, IDLE);
  const state = setState.status !== "idle" ? setState : removeState;
  return (
    <div>
      <div className={styles.form}>
        <form action={setAction}>
          <button type="submit" disabled={setting || removing}>
            Pasang webhook
          </button>
        </form>
        <form action={removeAction}>
          <ConfirmButton
            question="Hapus webhook? Bot berhenti menerima pesan pelanggan sampai webhook dipasang lagi."
            yes="Ya, hapus webhook"
            className={styles.buttonDanger}
            disabled={setting || removing}
          >
            Hapus webhook
          </ConfirmButton>
        </form>
      </div>
      <ActionOutcome state={state} />
    </div>
  );
}
