"use client";

import { useEffect, useState, type FormEvent } from "react";
import styles from "./chat.module.css";

export interface CustomerSummary {
  id: number;
  name: string;
  username?: string;
  languageCode?: string;
  lastText?: string;
}

interface Props {
  currentId: number;
  onPick: (id: number) => void;
  onClose: () => void;
}

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((w) => w[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();

/** The simulated customers: each is a separate Telegram user with a chat of their own. */
export function CustomerSwitcher({ currentId, onPick, onClose }: Props) {
  const [customers, setCustomers] = useState<CustomerSummary[]>([]);
  const [name, setName] = useState("");
  const [language, setLanguage] = useState("id");
  const [error, setError] = useState<string>();

  useEffect(() => {
    fetch("/playground/chat/api/customers", { cache: "no-store" })
      .then((r) => r.json())
      .then(setCustomers)
      .catch(() => setError("Daftar pelanggan tidak dapat dimuat."));
  }, []);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const [firstName, ...rest] = name.trim().split(/\s+/);
    const response = await fetch("/playground/chat/api/customers", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ firstName, lastName: rest.join(" "), languageCode: language }),
    });
    const body = await response.json();
    if (!response.ok) return setError(body.error);
    onPick(body.id);
  };

  return (
    <div className={styles.sheetBackdrop} onClick={onClose}>
      <div className={styles.sheet} role="dialog" aria-label="Pilih pelanggan" onClick={(e) => e.stopPropagation()}>
        <h2 className={styles.sheetTitle}>Masuk sebagai pelanggan</h2>
        <ul className={styles.customerList}>
          {customers.map((c) => (
            <li key={c.id}>
              <button type="button" className={styles.customerItem} aria-current={c.id === currentId} onClick={() => onPick(c.id)}>
                <span className={styles.avatarSmall}>{initials(c.name)}</span>
                <span className={styles.customerText}>
                  <strong>{c.name}</strong>
                  <small>
                    {c.username ? `@${c.username} · ` : ""}
                    {c.languageCode === "en" ? "English" : "Bahasa Indonesia"} · id {c.id}
                  </small>
                  {c.lastText && <small className={styles.preview}>{c.lastText}</small>}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <form className={styles.addCustomer} onSubmit={add}>
          <input aria-label="Nama pelanggan baru" placeholder="Nama pelanggan baru" value={name} onChange={(e) => setName(e.target.value)} />
          <select aria-label="Bahasa" value={language} onChange={(e) => setLanguage(e.target.value)}>
            <option value="id">ID</option>
            <option value="en">EN</option>
          </select>
          <button type="submit" disabled={!name.trim()}>
            Tambah
          </button>
        </form>
        {error && <p role="alert" className={styles.sheetError}>{error}</p>}
      </div>
    </div>
  );
}
