"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { formatRupiah } from "@/lib/booking/money";
import type { PaymentView } from "@/lib/playground/midtrans/simulate";
import { MethodDetails } from "./method-details";
import { NotificationLog } from "../../notification-log";
import styles from "../../midtrans.module.css";

interface Props {
  token: string;
  initial: PaymentView;
  /** Inside snap.js' iframe: report to the page with postMessage instead of navigating. */
  embedded: boolean;
}

type SnapEvent = "pending" | "success" | "error" | "close";
const PAID = ["settlement", "capture"];
const SUCCESS_SCREEN_MS = 1_200;

function snapResult(view: PaymentView) {
  return {
    order_id: view.orderId,
    gross_amount: `${view.amount}.00`,
    transaction_status: view.status,
    payment_type: view.method?.id,
    status_code: view.status === "pending" ? "201" : PAID.includes(view.status ?? "") ? "200" : "202",
    ...(view.va ? { va_numbers: [{ bank: view.va.bank, va_number: view.va.number }] } : {}),
  };
}

function remaining(until: number, now: number): string {
  const s = Math.max(0, Math.floor((until - now) / 1000));
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, "0")).join(":");
}

/** Snap, simulated: pick a method, see the VA number or QR, then "Bayar" — or make it fail, expire, or notify twice. */
export function PaySheet({ token, initial, embedded }: Props) {
  const [view, setView] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [now, setNow] = useState(() => Date.now());
  const autoChosen = useRef(false);

  const report = useCallback(
    (event: SnapEvent, current: PaymentView) => {
      if (embedded) window.parent.postMessage({ source: "jiot-playground-snap", event, result: snapResult(current) }, "*");
      else if (event !== "pending" && current.finishUrl) window.location.assign(current.finishUrl);
    },
    [embedded],
  );

  const act = useCallback(
    async (body: { method: string } | { action: string }) => {
      setBusy(true);
      setError(undefined);
      try {
        const response = await fetch(`/playground/midtrans/api/snap/${encodeURIComponent(token)}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        const next = await response.json();
        if (!response.ok) return setError(next.error ?? "Gagal.");
        setView(next);
        if (next.status === "pending") report("pending", next);
        if (PAID.includes(next.status)) setTimeout(() => report("success", next), SUCCESS_SCREEN_MS);
        if (["deny", "expire", "failure"].includes(next.status) && "action" in body && body.action !== "duplicate") {
          setTimeout(() => report("error", next), SUCCESS_SCREEN_MS);
        }
      } catch {
        setError("Koneksi ke simulator terputus.");
      } finally {
        setBusy(false);
      }
    },
    [token, report],
  );

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    // Snap opens the only enabled method directly, issuing its VA number at once.
    if (autoChosen.current || view.method || view.methods.length !== 1 || !view.payable) return;
    autoChosen.current = true;
    const timer = setTimeout(() => act({ method: view.methods[0]!.id }), 0);
    return () => clearTimeout(timer);
  }, [view, act]);

  const close = () => (embedded ? report("close", view) : view.finishUrl ? window.location.assign(view.finishUrl) : window.history.back());
  const paid = PAID.includes(view.status ?? "");
  const final = view.status && !["pending"].includes(view.status);

  return (
    <div className={styles.sheet}>
      <header className={styles.top}>
        <div>
          <strong className={styles.merchant}>{view.merchant}</strong>
          <span className={styles.sandbox}>SANDBOX · playground</span>
        </div>
        <button type="button" className={styles.close} aria-label="Tutup" onClick={close}>
          ×
        </button>
      </header>
      <section className={styles.summary}>
        <span className={styles.amount} data-testid="amount">
          {formatRupiah(view.amount)}
        </span>
        <span className={styles.orderId}>Order ID {view.orderId}</span>
        {!final && <span className={styles.timer}>Bayar dalam {remaining(view.expiresAt, now)}</span>}
      </section>

      {paid ? (
        <section className={styles.result} role="status">
          <span className={styles.okMark} aria-hidden>
            ✓
          </span>
          <h1>Pembayaran berhasil</h1>
          <p>{view.method?.label}</p>
        </section>
      ) : final ? (
        <section className={styles.result} role="status">
          <span className={styles.badMark} aria-hidden>
            !
          </span>
          <h1>{view.status === "expire" ? "Transaksi kedaluwarsa" : view.status === "deny" ? "Pembayaran ditolak" : `Transaksi ${view.status}`}</h1>
        </section>
      ) : !view.method ? (
        <section className={styles.section}>
          <h1 className={styles.heading}>Pilih metode pembayaran</h1>
          <ul className={styles.methods}>
            {view.methods.map((m) => (
              <li key={m.id}>
                <button type="button" className={styles.method} disabled={busy} onClick={() => act({ method: m.id })}>
                  <span>{m.label}</span>
                  <span aria-hidden>›</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <section className={styles.section}>
          <h1 className={styles.heading}>{view.method.label}</h1>
          <MethodDetails view={view} />
          <div className={styles.actions}>
            <button type="button" className={styles.primary} disabled={busy} onClick={() => act({ action: "pay" })}>
              Bayar
            </button>
            <button type="button" className={styles.secondary} disabled={busy} onClick={close}>
              Batal
            </button>
          </div>
          {view.methods.length > 1 && (
            <button type="button" className={styles.linkButton} onClick={() => setView({ ...view, method: undefined })}>
              Ganti metode
            </button>
          )}
          <details className={styles.simulate}>
            <summary>Simulasi lain (playground)</summary>
            <div className={styles.simulateButtons}>
              {view.method.id !== "credit_card" && (
                <button type="button" disabled={busy} onClick={() => act({ action: "expire" })}>
                  Kedaluwarsa (expire)
                </button>
              )}
              <button type="button" disabled={busy} onClick={() => act({ action: "deny" })}>
                Ditolak (deny)
              </button>
              <button type="button" disabled={busy || !view.status} onClick={() => act({ action: "duplicate" })}>
                Kirim notifikasi lagi (duplikat)
              </button>
            </div>
          </details>
        </section>
      )}
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <NotificationLog notifications={view.notifications} />
    </div>
  );
}
