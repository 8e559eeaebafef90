"use client";
import "./globals.css";
import { FailureMessage } from "./failure-message";

/** When the root layout itself fails it is replaced, so this page brings its own <html> and <body>. */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="id">
      <body>
        <title>Terjadi gangguan · Jiot Gadget Solution</title>
        <FailureMessage error={error} retry={retry} digestColor="#475569">
          <p>Situs kami sedang bermasalah. Silakan coba lagi sebentar lagi; pesanan dan pembayaran Anda tetap aman.</p>
        </FailureMessage>
      </body>
    </html>
  );
}
