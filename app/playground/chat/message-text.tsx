import type { ReactNode } from "react";
import type { TgEntity } from "@/lib/playground/telegram/types";
import styles from "./chat.module.css";

const WRAPPERS: Record<string, (child: ReactNode, key: string) => ReactNode> = {
  bold: (c, k) => <strong key={k}>{c}</strong>,
  italic: (c, k) => <em key={k}>{c}</em>,
  underline: (c, k) => <u key={k}>{c}</u>,
  strikethrough: (c, k) => <s key={k}>{c}</s>,
  code: (c, k) => <code key={k} className={styles.code}>{c}</code>,
  pre: (c, k) => <code key={k} className={styles.pre}>{c}</code>,
  spoiler: (c, k) => <span key={k} className={styles.spoiler} tabIndex={0}>{c}</span>,
  blockquote: (c, k) => <span key={k} className={styles.quote}>{c}</span>,
  mention: (c, k) => <span key={k} className={styles.mention}>{c}</span>,
};

/**
 * A message's text with its entities, the way a Telegram app draws it: links
 * open in a new tab, a /command in the bot's text sends that command.
 */
export function MessageText({ text, entities, onCommand }: { text: string; entities: TgEntity[]; onCommand?: (command: string) => void }) {
  const cuts = new Set([0, text.length]);
  for (const e of entities) {
    cuts.add(Math.max(0, e.offset));
    cuts.add(Math.min(text.length, e.offset + e.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts: ReactNode[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const piece = text.slice(from, to);
    const active = entities.filter((e) => e.offset <= from && e.offset + e.length >= to);
    let node: ReactNode = piece;
    for (const [j, e] of active.entries()) {
      const key = `${from}-${j}`;
      if (e.type === "url" || e.type === "text_link") {
        const href = e.type === "url" ? text.slice(e.offset, e.offset + e.length) : e.url;
        node = (
          <a key={key} href={href} target="_blank" rel="noopener noreferrer" className={styles.link}>
            {node}
          </a>
        );
      } else if (e.type === "bot_command" && onCommand) {
        const command = text.slice(e.offset, e.offset + e.length);
        node = (
          <a key={key} href="#" className={styles.link} onClick={(event) => (event.preventDefault(), onCommand(command))}>
            {node}
          </a>
        );
      } else if (WRAPPERS[e.type]) {
        node = WRAPPERS[e.type]!(node, key);
      }
    }
    parts.push(<span key={from}>{node}</span>);
  }
  return <>{parts}</>;
}
