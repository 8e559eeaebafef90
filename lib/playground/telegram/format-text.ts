import { parseHtml } from "./parse-html";
import { parseMarkdownLegacy, parseMarkdownV2 } from "./parse-markdown";
import { badRequest, type TgEntity } from "./types";

export const MAX_TEXT_LENGTH = 4096;

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/g;
const COMMAND_PATTERN = /(^|[\s(])(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{5,32})?)(?![A-Za-z0-9_/])/g;
const MENTION_PATTERN = /(^|[\s(])(@[A-Za-z0-9_]{5,32})\b/g;

function overlaps(entities: readonly TgEntity[], offset: number, length: number): boolean {
  return entities.some((e) => offset < e.offset + e.length && e.offset < offset + length);
}

/**
 * The entities Telegram finds on its own in any message text — links,
 * /commands and @mentions — outside those the sender gave (a code span or a
 * text link keeps its own meaning).
 */
export function detectEntities(text: string, given: readonly TgEntity[] = []): TgEntity[] {
  const blocking = given.filter((e) => ["code", "pre", "text_link"].includes(e.type));
  const found: TgEntity[] = [];
  const add = (type: string, offset: number, length: number) => {
    if (!overlaps(blocking, offset, length) && !overlaps(found, offset, length)) found.push({ type, offset, length });
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, "");
    add("url", match.index, url.length);
  }
  for (const match of text.matchAll(COMMAND_PATTERN)) add("bot_command", match.index + match[1]!.length, match[2]!.length);
  for (const match of text.matchAll(MENTION_PATTERN)) add("mention", match.index + match[1]!.length, match[2]!.length);
  return found;
}

/** A message's text and entities from what a bot sent: text, parse_mode or explicit entities. */
export function formatText(params: { text?: unknown; parse_mode?: unknown; entities?: unknown }): { text: string; entities: TgEntity[] } {
  if (typeof params.text !== "string" || params.text.trim() === "") throw badRequest("message text is empty");
  let parsed: { text: string; entities: TgEntity[] };
  if (Array.isArray(params.entities)) parsed = { text: params.text, entities: params.entities as TgEntity[] };
  else if (params.parse_mode === "HTML") parsed = parseHtml(params.text);
  else if (params.parse_mode === "MarkdownV2") parsed = parseMarkdownV2(params.text);
  else if (params.parse_mode === "Markdown") parsed = parseMarkdownLegacy(params.text);
  else if (params.parse_mode === undefined || params.parse_mode === "") parsed = { text: params.text, entities: [] };
  else throw badRequest(`unsupported parse_mode "${String(params.parse_mode)}"`);
  if (parsed.text.trim() === "") throw badRequest("message text is empty");
  if (parsed.text.length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
  const entities = [...parsed.entities, ...detectEntities(parsed.text, parsed.entities)];
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: parsed.text, entities };
}
