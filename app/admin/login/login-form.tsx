"use client";
import { useActionState, useEffect, useRef } from "react";
import { logIn, type LoginState } from "./actions";
import styles from "../admin.module.css";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(logIn, { status: "idle" });
  const password = useRef<HTMLInputElement>(null);
  const refused = state.status === "invalid" ? state : undefined;
  // After a refusal React resets the form: the username comes back as its default, the password is empty and gets the cursor.
  useEffect(() => {
    if (refused) password.current?.focus();
  }, [refused]);
  return (
    <form action={action} className={styles.loginForm}>
      <input type="hidden" name="next" value={next} />
      <label htmlFor="username">Nama pengguna</label>
      <input id="username" name="username" autoComplete="username" required autoFocus={!refused} defaultValue={refused?.username} />
      <label htmlFor="password">Kata sandi</label>
      <input
        ref={password}
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        aria-invalid={refused ? true : undefined}
        aria-describedby={refused ? "login-error" : undefined}
      />
      {refused && (
        // Keyed by the try, so a second identical refusal is a new alert (announced and flashed), not "nothing happened".
        <p key={refused.attempt} id="login-error" role="alert" className={`${styles.error} ${styles.flash}`} data-attempt={refused.attempt}>
          {refused.message}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Memeriksa…" : "Masuk"}
      </button>
    </form>
  );
}
