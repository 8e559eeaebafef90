import { badRequest, type TgEntity } from "./types";

/**
 * parse_mode "MarkdownV2" and legacy "Markdown", strict like the Bot API: in
 * MarkdownV2 every reserved character outside an entity must be escaped
 * ("Rp70.000" needs "Rp70\.000"), which is the mistake this catches.
 */

const V2_RESERVED = "_*[]()~`>#+-=|{}.!";
const V2_MARKS: Record<string, string> = { "*": "bold", _: "italic", __: "underline", "~": "strikethrough", "||": "spoiler" };

interface Open {
  mark: string;
  start: number;
  at: number;
}

function closeOrOpen(stack: Open[], entities: TgEntity[], mark: string, textLength: number, at: number): void {
  const index = stack.findIndex((o) => o.mark === mark);
  if (index === -1) {
    stack.push({ mark, start: textLength, at });
    return;
  }
  const [opened] = stack.splice(index, 1);
  if (textLength > opened!.start) entities.push({ type: V2_MARKS[mark]!, offset: opened!.start, length: textLength - opened!.start });
}

export function parseMarkdownV2(source: string): { text: string; entities: TgEntity[] } {
  let text = "";
  const entities: TgEntity[] = [];
  const stack: Open[] = [];
  let link: Open | undefined;
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const two = source.slice(i, i + 2);
    if (c === "\\") {
      text += source[i + 1] ?? "";
      i += 2;
    } else if (source.startsWith("```", i)) {
      const end = source.indexOf("```", i + 3);
      if (end === -1) throw badRequest(`can't parse entities: Can't find end of Pre entity at byte offset ${i}`);
      let body = source.slice(i + 3, end);
      const newline = body.indexOf("\n");
      const language = newline > 0 && /^[\w+-]+$/.test(body.slice(0, newline)) ? body.slice(0, newline) : undefined;
      if (language !== undefined || newline === 0) body = body.slice(newline + 1);
      const content = body.replace(/\\([`\\])/g, "$1");
      entities.push({ type: "pre", offset: text.length, length: content.length, ...(language ? { language } : {}) });
      text += content;
      i = end + 3;
    } else if (c === "`") {
      const end = source.indexOf("`", i + 1);
      if (end === -1) throw badRequest(`can't parse entities: Can't find end of Code entity at byte offset ${i}`);
      const content = source.slice(i + 1, end).replace(/\\([`\\])/g, "$1");
      entities.push({ type: "code", offset: text.length, length: content.length });
      text += content;
      i = end + 1;
    } else if (two === "__" || two === "||") {
      closeOrOpen(stack, entities, two, text.length, i);
      i += 2;
    } else if (c === "*" || c === "_" || c === "~") {
      closeOrOpen(stack, entities, c, text.length, i);
      i += 1;
    } else if (c === "[" && !link) {
      link = { mark: "[", start: text.length, at: i };
      i += 1;
    } else if (c === "]" && link) {
      const url = /^\(((?:\\.|[^)\\])*)\)/.exec(source.slice(i + 1));
      if (!url) throw badRequest(`can't parse entities: Can't find end of a url at byte offset ${i}`);
      entities.push({ type: "text_link", offset: link.start, length: text.length - link.start, url: url[1]!.replace(/\\(.)/g, "$1") });
      link = undefined;
      i += 1 + url[0].length;
    } else if (c === ">" && (i === 0 || source[i - 1] === "\n")) {
      stack.push({ mark: ">", start: text.length, at: i });
      i += 1;
    } else if (V2_RESERVED.includes(c)) {
      throw badRequest(`can't parse entities: Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    } else {
      if (c === "\n") closeBlockquote(stack, entities, text.length);
      text += c;
      i += 1;
    }
  }
  closeBlockquote(stack, entities, text.length);
  const unclosed = link ?? stack[0];
  if (unclosed) throw badRequest(`can't parse entities: Can't find end of the entity starting at byte offset ${unclosed.at}`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function closeBlockquote(stack: Open[], entities: TgEntity[], textLength: number): void {
  const index = stack.findIndex((o) => o.mark === ">");
  if (index === -1) return;
  const [opened] = stack.splice(index, 1);
  if (textLength > opened!.start) entities.push({ type: "blockquote", offset: opened!.start, length: textLength - opened!.start });
}

const LEGACY_MARKS: Record<string, string> = { "*": "bold", _: "italic" };

export function parseMarkdownLegacy(source: string): { text: string; entities: TgEntity[] } {
  let text = "";
  const entities: TgEntity[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "\\" && "_*`[".includes(source[i + 1] ?? "")) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    const fence = source.startsWith("```", i) ? "```" : c === "`" ? "`" : LEGACY_MARKS[c] ? c : c === "[" ? "]" : undefined;
    if (!fence) {
      text += c;
      i += 1;
      continue;
    }
    const from = i + (fence === "]" ? 1 : fence.length);
    const end = source.indexOf(fence, from);
    if (end === -1) throw badRequest(`can't parse entities: Can't find end of the entity starting at byte offset ${i}`);
    const content = source.slice(from, end);
    if (fence === "]") {
      const url = /^\(([^)]*)\)/.exec(source.slice(end + 1));
      if (!url) {
        text += c;
        i += 1;
        continue;
      }
      entities.push({ type: "text_link", offset: text.length, length: content.length, url: url[1]! });
      text += content;
      i = end + 1 + url[0].length;
      continue;
    }
    const type = fence === "```" ? "pre" : fence === "`" ? "code" : LEGACY_MARKS[fence]!;
    const body = fence === "```" ? content.replace(/^\n/, "") : content;
    if (body.length > 0) entities.push({ type, offset: text.length, length: body.length });
    text += body;
    i = end + fence.length;
  }
  return { text, entities };
}
