"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatView } from "@/lib/playground/telegram/chat-view";
import { Composer } from "./composer";
import { CustomerSwitcher, initials } from "./customer-switcher";
import { MessageList } from "./message-list";
import styles from "./chat.module.css";

interface Props {
  initialCustomerId: number;
  /** The payload of a t.me/<bot>?start=<payload> link that led here. */
  startPayload?: string;
}

const RETRY_MS = 1_000;
const TOAST_MS = 2_500;

async function postJson(path: string, body: unknown): Promise<{ ok: boolean; body: { error?: string; delivery?: { error?: string } } }> {
  const response = await fetch(`/playground/chat/api/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { ok: response.ok, body: await response.json().catch(() => ({})) };
}

/** A Telegram chat with the shop's bot, as one simulated customer; what they do goes to the real webhook. */
export function ChatApp({ initialCustomerId, startPayload }: Props) {
  const [customerId, setCustomerId] = useState(initialCustomerId);
  const [view, setView] = useState<ChatView>();
  const [switcherOpen, setSwitcherOpen] = useState(false);
  const [startUsed, setStartUsed] = useState(!startPayload);
  const [toast, setToast] = useState<string>();
  const [alert, setAlert] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const seenToast = useRef<number | undefined>(undefined);
  const toastTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  /** answerCallbackQuery's text: a toast that fades, or with show_alert a dialog. Old ones are not replayed. */
  const showNewToast = useCallback((next: ChatView) => {
    const newest = next.toasts.at(-1);
    if (seenToast.current === undefined) {
      seenToast.current = newest?.id ?? 0;
      return;
    }
    if (!newest || newest.id <= seenToast.current) return;
    seenToast.current = newest.id;
    if (newest.alert) return setAlert(newest.text);
    setToast(newest.text);
    clearTimeout(toastTimer.current);
    toastTimer.current = setTimeout(() => setToast(undefined), TOAST_MS);
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    let version = -1;
    seenToast.current = undefined;
    (async () => {
      while (!abort.signal.aborted) {
        try {
          const response = await fetch(`/playground/chat/api/state?customer=${customerId}&after=${version}`, { signal: abort.signal, cache: "no-store" });
          if (!response.ok) throw new Error(String(response.status));
          const next = (await response.json()) as ChatView;
          version = next.version;
          setView(next);
          showNewToast(next);
          setProblem(undefined);
        } catch {
          if (abort.signal.aborted) return;
          setProblem("Tidak tersambung ke server playground; mencoba lagi…");
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
    })();
    return () => abort.abort();
  }, [customerId, showNewToast]);

  const report = (result: Awaited<ReturnType<typeof postJson>>) => {
    if (!result.ok) setProblem(result.body.error ?? "Pesan tidak terkirim.");
  };
  const send = useCallback(
    (text: string) => {
      setStartUsed(true);
      postJson("send", { customerId, text }).then(report, () => setProblem("Pesan tidak terkirim."));
    },
    [customerId],
  );
  const tap = useCallback(
    (messageId: number, data: string) => {
      postJson("tap", { customerId, messageId, data }).then(report, () => setProblem("Tombol tidak terkirim."));
    },
    [customerId],
  );
  const shareContact = useCallback(() => {
    postJson("contact", { customerId }).then(report, () => setProblem("Kontak tidak terkirim."));
  }, [customerId]);
  const sendPhoto = useCallback(
    (caption: string) => {
      postJson("photo", { customerId, caption }).then(report, () => setProblem("Foto tidak terkirim."));
    },
    [customerId],
  );
  const pickCustomer = (id: number) => {
    setSwitcherOpen(false);
    setView(undefined);
    setCustomerId(id);
    window.history.replaceState(null, "", `/playground/chat?as=${id}`);
  };

  const startText = !startUsed && startPayload ? `/start ${startPayload}` : view && view.messages.length === 0 ? "/start" : undefined;
  const customerName = view?.customer.first_name ?? "…";

  return (
    <div className={styles.app}>
      <header className={styles.header}>
        <a href="/playground" className={styles.back} aria-label="Kembali ke playground">
          ←
        </a>
        <span className={styles.avatar} aria-hidden>
          JG
        </span>
        <span className={styles.title}>
          <strong>{view?.bot.name ?? "Jiot Gadget Solution"}</strong>
          <small>{view?.typing ? "mengetik…" : "bot"}</small>
        </span>
        <button type="button" className={styles.customerChip} onClick={() => setSwitcherOpen(true)} aria-label={`Pelanggan: ${customerName}. Ganti pelanggan`}>
          <span className={styles.avatarSmall}>{initials(view ? `${view.customer.first_name} ${view.customer.last_name ?? ""}` : "?")}</span>
          <span>{customerName}</span>
          <span aria-hidden>▾</span>
        </button>
      </header>
      {problem && <p className={styles.problem} role="alert">{problem}</p>}
      {toast && (
        <p className={styles.toast} role="status" data-testid="toast">
          {toast}
        </p>
      )}
      {view ? (
        <MessageList view={view} onTap={tap} onCommand={send} />
      ) : (
        <div className={styles.messages} aria-busy />
      )}
      {view && view.messages.length === 0 && (
        <div className={styles.botIntro}>
          <strong>Apa yang bisa dilakukan bot ini?</strong>
          <p>Pesan servis iPhone, lihat katalog dan harga, dan cek status pesanan Anda di Jiot Gadget Solution.</p>
        </div>
      )}
      {view && <Composer view={view} startText={startText} onSend={send} onShareContact={shareContact} onSendPhoto={sendPhoto} />}
      {switcherOpen && <CustomerSwitcher currentId={customerId} onPick={pickCustomer} onClose={() => setSwitcherOpen(false)} />}
      {alert && (
        <div className={styles.sheetBackdrop}>
          <div className={styles.alert} role="alertdialog" aria-label="Pesan dari bot">
            <p>{alert}</p>
            <button type="button" onClick={() => setAlert(undefined)}>
              OK
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
