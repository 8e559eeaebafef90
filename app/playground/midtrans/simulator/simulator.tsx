"use client";

import { useCallback, useEffect, useState, type FormEvent } from "react";
import { formatRupiah } from "@/lib/booking/money";
import type { PaymentView } from "@/lib/playground/midtrans/simulate";
import styles from "../midtrans.module.css";

interface Overview {
  notificationUrl: string;
  transactions: PaymentView[];
}

const REFRESH_MS = 3_000;

/** Every transaction the stand-in holds, and the buttons Midtrans' sandbox simulator offers. */
export function Simulator({ initial }: { initial: Overview }) {
  const [overview, setOverview] = useState(initial);
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<string>();

  const refresh = useCallback(async () => {
    const response = await fetch("/playground/midtrans/api/transactions", { cache: "no-store" });
    if (response.ok) setOverview(await response.json());
  }, []);

  useEffect(() => {
    const timer = setInterval(() => refresh().catch(() => {}), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const run = async (path: string, body: unknown, done: (view: PaymentView) => string) => {
    const response = await fetch(`/playground/midtrans/api/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const result = await response.json();
    setMessage(response.ok ? done(result) : result.error);
    await refresh();
  };
  const answerOf = (view: PaymentView) => {
    const last = view.notifications.at(-1);
    return last ? `notifikasi ${last.transaction_status} → ${last.httpStatus ? `HTTP ${last.httpStatus}` : last.error}` : "";
  };
  const payCode = (event: FormEvent) => {
    event.preventDefault();
    run("pay-code", { code }, (view) => `Order ${view.orderId} dibayar: ${answerOf(view)}`);
  };

  return (
    <main className={styles.simulator}>
      <h1>Simulator pembayaran Midtrans (playground)</h1>
      <p className={styles.muted}>
        Seperti simulator sandbox Midtrans: bayar nomor VA atau kode tagihan, atau buat transaksi gagal. Notifikasi bertanda tangan dikirim ke{" "}
        <code>{overview.notificationUrl}</code>.
      </p>
      <form className={styles.payCode} onSubmit={payCode}>
        <input aria-label="Nomor VA atau kode tagihan" placeholder="Nomor Virtual Account / bill key" value={code} onChange={(e) => setCode(e.target.value)} />
        <button type="submit" disabled={!code.trim()}>
          Bayar
        </button>
      </form>
      {message && <p role="status">{message}</p>}
      <table className={styles.table}>
        <thead>
          <tr>
            <th>Order ID</th>
            <th>Jumlah</th>
            <th>Metode / kode</th>
            <th>Status</th>
            <th>Aksi</th>
          </tr>
        </thead>
        <tbody>
          {overview.transactions.map((t) => (
            <tr key={t.orderId} data-testid="transaction" data-order-id={t.orderId}>
              <td data-label="Order ID">{t.orderId}</td>
              <td data-label="Jumlah">{formatRupiah(t.amount)}</td>
              <td data-label="Metode">
                {t.method?.label ?? <span className={styles.muted}>belum dipilih</span>}
                {t.va && <div><code>{t.va.number}</code></div>}
                {t.bill && <div><code>{t.bill.billerCode} / {t.bill.key}</code></div>}
              </td>
              <td data-label="Status">
                {t.status ?? "—"}
                <div className={styles.muted}>{answerOf(t)}</div>
              </td>
              <td>
                <div className={styles.rowActions}>
                {t.payable && t.method && (
                  <>
                    <button type="button" onClick={() => run(`transactions/${t.orderId}`, { action: "pay" }, answerOf)}>Bayar</button>
                    <button type="button" onClick={() => run(`transactions/${t.orderId}`, { action: "deny" }, answerOf)}>Tolak</button>
                    {t.method.id !== "credit_card" && (
                      <button type="button" onClick={() => run(`transactions/${t.orderId}`, { action: "expire" }, answerOf)}>Kedaluwarsa</button>
                    )}
                  </>
                )}
                {t.status && (
                  <button type="button" onClick={() => run(`transactions/${t.orderId}`, { action: "duplicate" }, answerOf)}>Kirim ulang</button>
                )}
                </div>
              </td>
            </tr>
          ))}
          {overview.transactions.length === 0 && (
            <tr>
              <td colSpan={5} className={styles.muted}>
                Belum ada transaksi. Pesan lewat chat Telegram playground, lalu bayar dari halaman status.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </main>
  );
}
