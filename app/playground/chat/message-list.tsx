"use client";

import { Fragment, useEffect, useRef } from "react";
import type { ChatView } from "@/lib/playground/telegram/chat-view";
import { InlineKeyboard } from "./inline-keyboard";
import { MessageText } from "./message-text";
import { SAMPLE_PHOTO_DATA_URL } from "@/lib/playground/telegram/sample-photo";
import styles from "./chat.module.css";

interface Props {
  view: ChatView;
  onTap: (messageId: number, data: string) => void;
  onCommand: (command: string) => void;
}

const time = (seconds: number) => new Date(seconds * 1000).toLocaleTimeString("id-ID", { hour: "2-digit", minute: "2-digit" });
const day = (seconds: number) => new Date(seconds * 1000).toLocaleDateString("id-ID", { day: "numeric", month: "long" });

/** How close to the bottom still counts as "reading the newest messages". */
const AT_END_PX = 80;

/**
 * The bubbles, newest at the bottom; follows new messages unless the reader has
 * scrolled up to read history. Whether they were at the end is recorded as they
 * scroll, not measured after an update: a booking brings several long messages
 * at once (confirmation, VA number), and measured afterwards the reader no longer
 * looks "near the end", so the VA number stayed below the fold.
 */
export function MessageList({ view, onTap, onCommand }: Props) {
  const end = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const count = view.messages.length + view.notices.length;
  const lastText = view.messages.at(-1)?.text;

  const onScroll = () => {
    const box = list.current;
    if (box) following.current = box.scrollHeight - box.scrollTop - box.clientHeight < AT_END_PX;
  };

  useEffect(() => {
    following.current = true;
  }, [view.customer.id]);

  // What the customer just sent is always shown, as in Telegram; the bot's answers only while they follow.
  const lastFromUser = view.messages.at(-1)?.sender === "user";
  useEffect(() => {
    if (!following.current && count > 1 && !lastFromUser) return;
    following.current = true;
    end.current?.scrollIntoView({ block: "end" });
  }, [count, lastText, lastFromUser, view.customer.id, view.typing]);

  return (
    <div className={styles.messages} ref={list} onScroll={onScroll} aria-live="polite" data-testid="messages">
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
                  {m.photo && (
                    // eslint-disable-next-line @next/next/no-img-element -- a built-in data: image, nothing to optimise
                    <img className={styles.photo} src={SAMPLE_PHOTO_DATA_URL} alt="Foto yang dikirim" width={192} height={144} />
                  )}
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
