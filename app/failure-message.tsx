"use client";
import { useEffect, type ReactNode } from "react";
import { MessagePage } from "./message-page";
import styles from "./message-page.module.css";

/**
 * What a failed render shows, for the error page and the global one alike:
 * the error logged in the browser, an apology with a retry button, and the
 * error's digest so the shop can find it in the server log.
 */
export function FailureMessage({ error, retry, digestColor, children }: { error: Error & { digest?: string }; retry: () => void; digestColor: string; children: ReactNode }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <MessagePage
      title="Maaf, terjadi gangguan"
      actions={
        <button type="button" className={styles.retry} onClick={() => retry()}>
          Coba lagi
        </button>
      }
    >
      {children}
      {error.digest && <p style={{ color: digestColor, fontSize: "0.85rem" }}>Kode gangguan: {error.digest}</p>}
    </MessagePage>
  );
}
