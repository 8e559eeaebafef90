"use client";
import { useActionState } from "react";
import { logIn, type LoginState } from "./actions";
import styles from "../admin.module.css";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(logIn, { status: "idle" });
  return (
    <form action={action} className={styles.loginForm}>
      <input type="hidden" name="next" value={next} />
      <label htmlFor="username">Nama pengguna</label>
      <input id="username" name="username" autoComplete="username" required autoFocus />
      <label htmlFor="password">Kata sandi</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      {state.status === "invalid" && (
        <p role="alert" className={styles.error}>
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Memeriksa…" : "Masuk"}
      </button>
    </form>
  );
}
