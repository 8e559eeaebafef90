"use client";

import { Fragment, useEffect, useRef } from "react";
import type { ChatView } from "@/lib/playground/telegram/chat-view";
import { InlineKeyboard } from "./inline-keyboard";
import { MessageText } from "./message-text";
import styles from "./chat.module.css";

interface Props {
  view: ChatView;
  onTap: (messageId: number, data: string) => void;
  onCommand: (command: string) => void;
}

const time = (seconds: number) => new Date(seconds * 1000).toLocaleTimeString("id-ID", { hour: "2-digit", minute: "2-digit" });
const day = (seconds: number) => new Date(seconds * 1000).toLocaleDateString("id-ID", { day: "numeric", month: "long" });

/** The bubbles, newest at the bottom; stays scrolled to the end while the reader is there. */
export function MessageList({ view, onTap, onCommand }: Props) {
  const end = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const count = view.messages.length + view.notices.length;
  const lastText = view.messages.at(-1)?.text;

  useEffect(() => {
    const box = list.current;
    if (!box) return;
    const nearEnd = box.scrollHeight - box.scrollTop - box.clientHeight < 240;
    if (nearEnd || count <= 1) end.current?.scrollIntoView({ block: "end" });
  }, [count, lastText, view.customer.id]);

  return (
    <div className={styles.messages} ref={list} aria-live="polite" data-testid="messages">
      {view.notices.filter((n) => n.afterMessageId === 0).map((n) => (
        <p key={n.id} className={styles.notice}>{n.text}</p>
      ))}
      {view.messages.map((m, i) => {
        const previous = view.messages[i - 1];
        const newDay = !previous || day(previous.date) !== day(m.date);
        const pending = view.pendingCallback?.messageId === m.id ? view.pendingCallback.data : undefined;
        return (
          <Fragment key={m.id}>
            {newDay && <p className={styles.dayPill}>{day(m.date)}</p>}
            <div className={m.sender === "bot" ? styles.rowIn : styles.rowOut}>
              <div className={styles.bubbleStack}>
                <div className={m.sender === "bot" ? styles.bubbleIn : styles.bubbleOut} data-testid="message" data-sender={m.sender} data-message-id={m.id}>
                  <span className={styles.text}>
                    <MessageText text={m.text} entities={m.entities} onCommand={m.sender === "bot" ? onCommand : undefined} />
                  </span>
                  <span className={styles.meta}>
                    {m.edited && <span className={styles.edited}>diedit </span>}
                    {time(m.date)}
                    {m.sender === "user" && <span className={styles.ticks} aria-label="terbaca"> ✓✓</span>}
                  </span>
                </div>
                {m.inlineKeyboard && <InlineKeyboard rows={m.inlineKeyboard} pendingData={pending} onTap={(data) => onTap(m.id, data)} />}
              </div>
            </div>
            {view.notices.filter((n) => n.afterMessageId === m.id).map((n) => (
              <p key={n.id} className={styles.notice} role="status">{n.text}</p>
            ))}
          </Fragment>
        );
      })}
      {view.typing && <p className={styles.typing}>{view.bot.name} sedang mengetik…</p>}
      <div ref={end} />
    </div>
  );
}
