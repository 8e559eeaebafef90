import { badRequest, type TgEntity } from "./types";

/**
 * parse_mode "HTML" as the Bot API reads it: the supported tags become
 * entities over the plain text, the four named entities and numeric ones are
 * decoded, anything else is refused the way Telegram refuses it ("can't parse
 * entities"), so a bot that sends what Telegram would reject fails here too.
 */

const SIMPLE_TAGS: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  code: "code",
  pre: "pre",
  "tg-spoiler": "spoiler",
  blockquote: "blockquote",
};

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

function attribute(attrs: string, name: string): string | undefined {
  const match = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(attrs);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3] ?? "") : undefined;
}

interface OpenTag {
  name: string;
  start: number;
  entity?: Omit<TgEntity, "offset" | "length">;
}

function entityOf(name: string, attrs: string): Omit<TgEntity, "offset" | "length"> | undefined {
  if (name === "a") {
    const href = attribute(attrs, "href");
    return href ? { type: "text_link", url: href } : undefined;
  }
  if (name === "span") {
    if (attribute(attrs, "class") !== "tg-spoiler") throw badRequest(`can't parse entities: Tag "span" must have class "tg-spoiler"`);
    return { type: "spoiler" };
  }
  if (name === "tg-emoji") return undefined;
  const type = SIMPLE_TAGS[name];
  if (!type) throw badRequest(`can't parse entities: Unsupported start tag "${name}"`);
  if (name === "code") {
    const language = attribute(attrs, "class")?.replace(/^language-/, "");
    return language ? { type, language } : { type };
  }
  return { type };
}

export function parseHtml(source: string): { text: string; entities: TgEntity[] } {
  let text = "";
  const entities: TgEntity[] = [];
  const open: OpenTag[] = [];
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const chunkEnd = lt === -1 ? source.length : lt;
    text += decodeEntities(source.slice(i, chunkEnd));
    if (lt === -1) break;
    const gt = source.indexOf(">", lt);
    const tag = gt === -1 ? undefined : /^<(\/?)([a-z][a-z0-9-]*)([^>]*)>$/i.exec(source.slice(lt, gt + 1));
    if (!tag) throw badRequest(`can't parse entities: Unsupported start tag at byte offset ${lt}`);
    const [, closing, rawName, attrs = ""] = tag;
    const name = rawName!.toLowerCase();
    if (closing) {
      const top = open.pop();
      if (!top || top.name !== name) {
        throw badRequest(`can't parse entities: Unmatched end tag at byte offset ${lt}, expected "</${top?.name ?? ""}>", found "</${name}>"`);
      }
      // <pre><code class="language-x"> gives one pre entity with a language, as Telegram does.
      const inner = entities[entities.length - 1];
      if (top.entity?.type === "pre" && inner?.type === "code" && inner.offset === top.start && inner.length === text.length - top.start) {
        entities.pop();
        if (inner.language) top.entity = { ...top.entity, language: inner.language };
      }
      if (top.entity && text.length > top.start) entities.push({ ...top.entity, offset: top.start, length: text.length - top.start });
    } else {
      open.push({ name, start: text.length, entity: entityOf(name, attrs) });
    }
    i = gt! + 1;
  }
  if (open.length > 0) throw badRequest(`can't parse entities: Can't find end tag corresponding to start tag "${open[open.length - 1]!.name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}
