"use client";

import { useRouter } from "next/navigation";
import Script from "next/script";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PayPanelTexts } from "@/lib/site/order-page-texts";
import { WATCHED_PAYMENT_STATUSES } from "@/lib/site/pay-panel-watch";
import styles from "./order.module.css";

interface SnapCallbacks {
  onSuccess?: () => void;
  onPending?: () => void;
  onError?: () => void;
  onClose?: () => void;
}
declare global {
  interface Window {
    snap?: { pay(token: string, callbacks: SnapCallbacks): void };
  }
}

/** While the payment is open the page reads the order every few seconds, then less often as time goes by. */
const FAST_POLL_MS = 3_000;
const FAST_FOR_MS = 120_000;
const SLOW_POLL_MS = 10_000;
const SLOWER_AFTER_MS = 15 * 60_000;
const SLOWEST_POLL_MS = 30_000;
/** Every this many reads, the server also asks Midtrans (it throttles that per order itself). */
const MIDTRANS_CHECK_EVERY = 5;

function pollDelay(sinceMs: number): number {
  if (sinceMs < FAST_FOR_MS) return FAST_POLL_MS;
  return sinceMs < SLOWER_AFTER_MS ? SLOW_POLL_MS : SLOWEST_POLL_MS;
}

interface Props {
  token: string;
  canPay: boolean;
  /** A VA number is shown above: the way to pay is the transfer; the button offers another method instead. */
  virtualAccountLive: boolean;
  paymentStatus: string;
  repairStatus: string;
  /** Snap's finish redirect brought the customer back here. */
  returnedFromPayment: boolean;
  /** snap.js and the public client key; absent when the order cannot be paid. */
  snap?: { src: string; clientKey: string };
  language: "id" | "en";
  texts: PayPanelTexts;
}

/**
 * "Bayar Sekarang" (or, beside a VA, "Pilih metode lain") and the live status.
 * While the payment is open the page keeps reading the order's status (every
 * 3 s for two minutes, then less often; paused while the tab is hidden, at once
 * when it shows again), so a payment made in another app shows as "Lunas" within
 * seconds. Snap's callbacks are only hints: they restart the fast reads.
 */
export function PayPanel({ token, canPay, virtualAccountLive, paymentStatus, repairStatus, returnedFromPayment, snap, language, texts }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [checking, setChecking] = useState(false);
  const [confirmingSwitch, setConfirmingSwitch] = useState(false);
  const known = useRef({ paymentStatus, repairStatus });
  const pollingSince = useRef(0);
  const reads = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    known.current = { paymentStatus, repairStatus };
  }, [paymentStatus, repairStatus]);

  const check = useCallback(async (): Promise<boolean> => {
    const askMidtrans = ++reads.current % MIDTRANS_CHECK_EVERY === 0;
    const response = await fetch(`/api/orders/${encodeURIComponent(token)}${askMidtrans ? "?check=1" : ""}`, { cache: "no-store" });
    if (!response.ok) return true;
    const status = (await response.json()) as { paymentStatus: string; repairStatus: string };
    if (status.paymentStatus !== known.current.paymentStatus || status.repairStatus !== known.current.repairStatus) {
      known.current = { paymentStatus: status.paymentStatus, repairStatus: status.repairStatus };
      router.refresh();
    }
    return WATCHED_PAYMENT_STATUSES.includes(status.paymentStatus);
  }, [token, router]);

  const stopPolling = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  }, []);

  const schedule = useCallback(() => {
    const tick = async () => {
      const open = await check().catch(() => true);
      if (!open) {
        timer.current = undefined;
        setChecking(false);
        return;
      }
      timer.current = window.setTimeout(tick, pollDelay(Date.now() - pollingSince.current));
    };
    stopPolling();
    timer.current = window.setTimeout(tick, pollDelay(Date.now() - pollingSince.current));
  }, [check, stopPolling]);

  /** Back to fast reads, starting now (after "Bayar Sekarang", Snap's callbacks, the finish redirect). */
  const startPolling = useCallback(() => {
    pollingSince.current = Date.now();
    setChecking(true);
    stopPolling();
    timer.current = window.setTimeout(async function first() {
      timer.current = undefined;
      if (await check().catch(() => true)) schedule();
      else setChecking(false);
    }, 0);
  }, [check, schedule, stopPolling]);

  useEffect(() => {
    if (!WATCHED_PAYMENT_STATUSES.includes(paymentStatus)) return;
    pollingSince.current = Date.now();
    // Back from Snap's finish redirect: ask at once; otherwise keep watching quietly.
    const start = window.setTimeout(returnedFromPayment ? startPolling : schedule, 0);
    const onVisible = () => {
      if (document.visibilityState !== "visible") return stopPolling();
      pollingSince.current = Date.now();
      check()
        .then((open) => open && schedule())
        .catch(() => schedule());
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.clearTimeout(start);
      stopPolling();
    };
  }, [paymentStatus, returnedFromPayment, startPolling, schedule, stopPolling, check]);

  async function pay(anyMethod = false) {
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch(`/api/orders/${encodeURIComponent(token)}/pay?lang=${language}`, {
        method: "POST",
        ...(anyMethod ? { headers: { "content-type": "application/json" }, body: JSON.stringify({ anyMethod: true }) } : {}),
      });
      const body = (await response.json()) as { token?: string; redirect_url?: string; error?: string };
      if (!response.ok || !body.token) {
        setError(body.error ?? texts.notOpened);
        if (response.status === 409) router.refresh();
        return;
      }
      if (!window.snap) {
        window.location.assign(body.redirect_url!);
        return;
      }
      window.snap.pay(body.token, { onSuccess: startPolling, onPending: startPolling, onError: startPolling, onClose: startPolling });
      startPolling();
      // The VA was cancelled for the new page: show the page without it.
      if (anyMethod) router.refresh();
    } catch {
      setError(texts.offline);
    } finally {
      setBusy(false);
      setConfirmingSwitch(false);
    }
  }

  return (
    <div>
      {/* Loaded once per page after hydration; the CSP lets it in through 'strict-dynamic' (lib/http/security-headers.ts). */}
      {snap && <Script src={snap.src} strategy="afterInteractive" data-client-key={snap.clientKey} data-snap-js="" />}
      {canPay && !virtualAccountLive && (
        <button type="button" className={styles.pay} onClick={() => pay()} disabled={busy}>
          {busy ? texts.opening : texts.payNow}
        </button>
      )}
      {canPay && virtualAccountLive && !confirmingSwitch && (
        <button type="button" className={styles.secondary} onClick={() => setConfirmingSwitch(true)} disabled={busy}>
          {texts.otherMethod}
        </button>
      )}
      {canPay && virtualAccountLive && confirmingSwitch && (
        <div role="group" aria-label={texts.switchLabel} className={styles.switchBox}>
          <p>{texts.switchWarning}</p>
          <button type="button" className={styles.pay} onClick={() => pay(true)} disabled={busy}>
            {busy ? texts.opening : texts.switchConfirm}
          </button>
          <button type="button" className={styles.secondary} onClick={() => setConfirmingSwitch(false)} disabled={busy}>
            {texts.keepVa}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      {checking && (
        <p aria-live="polite" className={styles.checking}>
          {texts.checking}
        </p>
      )}
    </div>
  );
}
