"use client";

import { useState, type FormEvent } from "react";
import type { ChatView } from "@/lib/playground/telegram/chat-view";
import styles from "./chat.module.css";

interface Props {
  view: ChatView;
  /** Shown instead of the input, as Telegram does after a t.me/<bot>?start=… link or in a new chat. */
  startText?: string;
  onSend: (text: string) => void;
  /** A "share phone" button of the bot's keyboard: the customer's own contact, not its label. */
  onShareContact: () => void;
  /** 📎: the built-in photo, with what is typed as its caption. */
  onSendPhoto: (caption: string) => void;
}

/** The bottom of the chat: the bot's command menu, the text field, and the reply keyboard when the bot sent one. */
export function Composer({ view, startText, onSend, onShareContact, onSendPhoto }: Props) {
  const [text, setText] = useState("");
  const [menuOpen, setMenuOpen] = useState(false);
  const [keyboardHidden, setKeyboardHidden] = useState(false);
  const keyboard = view.replyKeyboard;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    onSend(text);
    setText("");
  };
  const pick = (command: string) => {
    setMenuOpen(false);
    onSend(`/${command}`);
  };

  if (startText) {
    return (
      <div className={styles.startBar}>
        <button type="button" className={styles.startButton} onClick={() => onSend(startText)}>
          MULAI
        </button>
      </div>
    );
  }

  return (
    <div className={styles.bottom}>
      {menuOpen && (
        <ul className={styles.commandMenu} role="menu" aria-label="Perintah bot">
          {view.commands.map((c) => (
            <li key={c.command} role="none">
              <button type="button" role="menuitem" onClick={() => pick(c.command)}>
                <span className={styles.commandName}>/{c.command}</span>
                <span className={styles.commandDescription}>{c.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className={styles.composer} onSubmit={submit}>
        <button type="button" className={styles.menuButton} aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
          <span aria-hidden>☰</span> Menu
        </button>
        <button
          type="button"
          className={styles.iconButton}
          aria-label="Lampirkan foto contoh"
          title="Lampirkan foto contoh (teks yang diketik jadi keterangannya)"
          onClick={() => {
            onSendPhoto(text);
            setText("");
          }}
        >
          📎
        </button>
        <input
          className={styles.input}
          aria-label="Tulis pesan"
          placeholder={view.placeholder ?? "Pesan"}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onFocus={() => setMenuOpen(false)}
          autoComplete="off"
        />
        {keyboard && (
          <button
            type="button"
            className={styles.iconButton}
            aria-label={keyboardHidden ? "Tampilkan keyboard bot" : "Sembunyikan keyboard bot"}
            onClick={() => setKeyboardHidden(!keyboardHidden)}
          >
            ⌨
          </button>
        )}
        <button type="submit" className={styles.sendButton} aria-label="Kirim" disabled={!text.trim()}>
          ➤
        </button>
      </form>
      {keyboard && !keyboardHidden && (
        <div className={keyboard.resize ? styles.replyKeyboardCompact : styles.replyKeyboard} role="group" aria-label="Keyboard bot">
          {keyboard.rows.map((row, r) => (
            <div key={r} className={styles.replyRow}>
              {row.map((label) => (
                <button
                  key={label}
                  type="button"
                  className={styles.replyButton}
                  onClick={() => (keyboard.contactButtons?.includes(label) ? onShareContact() : onSend(label))}
                >
                  {keyboard.contactButtons?.includes(label) && <span aria-hidden>📞 </span>}
                  {label}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
