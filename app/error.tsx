"use client";
import { FailureMessage } from "./failure-message";

/** Any page that failed while rendering (e.g. the database is briefly away): say so in Indonesian and offer a retry. */
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <FailureMessage error={error} retry={retry} digestColor="var(--muted)">
      <p>Halaman ini gagal dimuat. Silakan coba lagi sebentar lagi; pesanan dan pembayaran Anda tetap aman.</p>
    </FailureMessage>
  );
}
