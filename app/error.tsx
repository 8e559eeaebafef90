"use client";
import { useEffect } from "react";
import { MessagePage } from "./message-page";
import styles from "./message-page.module.css";

/** Any page that failed while rendering (e.g. the database is briefly away): say so in Indonesian and offer a retry. */
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
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
      <p>Halaman ini gagal dimuat. Silakan coba lagi sebentar lagi; pesanan dan pembayaran Anda tetap aman.</p>
      {error.digest && <p style={{ color: "var(--muted)", fontSize: "0.85rem" }}>Kode gangguan: {error.digest}</p>}
    </MessagePage>
  );
}
