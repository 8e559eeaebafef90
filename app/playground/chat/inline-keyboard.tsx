import type { InlineButton } from "@/lib/playground/telegram/types";
import styles from "./chat.module.css";

interface Props {
  rows: InlineButton[][];
  pendingData?: string;
  onTap: (data: string) => void;
}

/** The buttons under a bot message: callback buttons post a callback_query, URL buttons open the link. */
export function InlineKeyboard({ rows, pendingData, onTap }: Props) {
  return (
    <div className={styles.inlineKeyboard} role="group" aria-label="Tombol pesan">
      {rows.map((row, r) => (
        <div key={r} className={styles.inlineRow}>
          {row.map((button, b) =>
            button.url ? (
              <a key={b} className={styles.inlineButton} href={button.url} target="_blank" rel="noopener noreferrer">
                {button.text}
                <span className={styles.corner} aria-hidden>
                  ↗
                </span>
              </a>
            ) : (
              <button
                key={b}
                type="button"
                className={styles.inlineButton}
                disabled={button.callback_data === undefined}
                aria-busy={pendingData !== undefined && pendingData === button.callback_data}
                onClick={() => button.callback_data !== undefined && onTap(button.callback_data)}
              >
                {button.text}
                {pendingData !== undefined && pendingData === button.callback_data && <span className={styles.spinner} aria-hidden />}
              </button>
            ),
          )}
        </div>
      ))}
    </div>
  );
}
