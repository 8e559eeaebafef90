"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PayPanelTexts } from "@/lib/site/order-page-texts";
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

const POLL_EVERY_MS = 3_000;
const POLL_FOR_MS = 120_000;
const OPEN_STATUSES = ["unpaid", "pending", "failed"];

interface Props {
  token: string;
  canPay: boolean;
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
 * "Bayar Sekarang" and the live status. Snap's callbacks are only hints: after
 * the popup opens, closes, or the customer comes back, the page asks the server
 * (which asks Midtrans) every few seconds for two minutes, and again whenever
 * the tab becomes visible, then re-renders itself with the new status.
 */
export function PayPanel({ token, canPay, paymentStatus, repairStatus, returnedFromPayment, snap, language, texts }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [checking, setChecking] = useState(false);
  const known = useRef({ paymentStatus, repairStatus });
  const pollUntil = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    known.current = { paymentStatus, repairStatus };
  }, [paymentStatus, repairStatus]);

  useEffect(() => {
    if (!snap || document.querySelector("script[data-snap-js]")) return;
    const script = document.createElement("script");
    script.src = snap.src;
    script.async = true;
    script.dataset.clientKey = snap.clientKey;
    script.dataset.snapJs = "";
    document.head.appendChild(script);
  }, [snap]);

  const check = useCallback(async () => {
    const response = await fetch(`/api/orders/${encodeURIComponent(token)}?check=1`, { cache: "no-store" });
    if (!response.ok) return;
    const status = (await response.json()) as { paymentStatus: string; repairStatus: string };
    if (status.paymentStatus !== known.current.paymentStatus || status.repairStatus !== known.current.repairStatus) {
      known.current = { paymentStatus: status.paymentStatus, repairStatus: status.repairStatus };
      router.refresh();
    }
    if (!OPEN_STATUSES.includes(status.paymentStatus)) pollUntil.current = 0;
  }, [token, router]);

  const startPolling = useCallback(() => {
    pollUntil.current = Date.now() + POLL_FOR_MS;
    setChecking(true);
    if (timer.current !== undefined) return;
    const tick = async () => {
      await check().catch(() => {});
      if (Date.now() < pollUntil.current) {
        timer.current = window.setTimeout(tick, POLL_EVERY_MS);
      } else {
        timer.current = undefined;
        setChecking(false);
      }
    };
    timer.current = window.setTimeout(tick, 0);
  }, [check]);

  useEffect(() => {
    // Back from Snap's finish redirect: start asking at once (in a callback, not during the effect).
    const start = returnedFromPayment ? window.setTimeout(startPolling, 0) : undefined;
    const onVisible = () => {
      if (document.visibilityState === "visible") check().catch(() => {});
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.clearTimeout(start);
      window.clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [returnedFromPayment, startPolling, check]);

  async function pay() {
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch(`/api/orders/${encodeURIComponent(token)}/pay?lang=${language}`, { method: "POST" });
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
    } catch {
      setError(texts.offline);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      {canPay && (
        <button type="button" className={styles.pay} onClick={pay} disabled={busy}>
          {busy ? texts.opening : texts.payNow}
        </button>
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
