"use client";
import { useEffect } from "react";
import "./globals.css";
import { MessagePage } from "./message-page";
import styles from "./message-page.module.css";

/** When the root layout itself fails it is replaced, so this page brings its own <html> and <body>. */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <html lang="id">
      <body>
        <title>Terjadi gangguan · Jiot Gadget Solution</title>
        <MessagePage
          title="Maaf, terjadi gangguan"
          actions={
            <button type="button" className={styles.retry} onClick={() => retry()}>
              Coba lagi
            </button>
          }
        >
          <p>Situs kami sedang bermasalah. Silakan coba lagi sebentar lagi; pesanan dan pembayaran Anda tetap aman.</p>
          {error.digest && <p style={{ color: "#475569", fontSize: "0.85rem" }}>Kode gangguan: {error.digest}</p>}
        </MessagePage>
      </body>
    </html>
  );
}
