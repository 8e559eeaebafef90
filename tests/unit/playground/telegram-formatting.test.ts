import { detectEntities, formatText } from "@/lib/playground/telegram/format-text";
import { parseHtml } from "@/lib/playground/telegram/parse-html";
import { parseMarkdownLegacy, parseMarkdownV2 } from "@/lib/playground/telegram/parse-markdown";

describe("parse_mode HTML, read as the Bot API reads it", () => {
  it("turns tags into entities over the plain text and decodes &lt; &gt; &amp; &quot;", () => {
    expect(parseHtml('<b>Total</b> Rp70.000 &amp; <a href="https://x.id/a?b=1&amp;c=2">link</a> &lt;3')).toEqual({
      text: 'Total Rp70.000 & link <3',
      entities: [
        { type: "bold", offset: 0, length: 5 },
        { type: "text_link", offset: 17, length: 4, url: "https://x.id/a?b=1&c=2" },
      ],
    });
  });

  it("nests entities and measures offsets in UTF-16 units, emoji included", () => {
    expect(parseHtml("✅ <b>Lunas <i>sekali</i></b>").entities).toEqual([
      { type: "bold", offset: 2, length: 12 },
      { type: "italic", offset: 8, length: 6 },
    ]);
    expect(parseHtml("📱 <code>62473383</code>").entities).toEqual([{ type: "code", offset: 3, length: 8 }]);
  });

  it("gives <pre><code class=language-x> as one pre entity with its language", () => {
    expect(parseHtml('<pre><code class="language-json">{}</code></pre>').entities).toEqual([{ type: "pre", offset: 0, length: 2, language: "json" }]);
  });

  it.each([
    ["<div>x</div>", 'Unsupported start tag "div"'],
    ["<b>x</i>", "Unmatched end tag"],
    ["<b>x", "Can't find end tag"],
    ["1 < 2", "Unsupported start tag"],
  ])("refuses %j like Telegram (%s)", (source, reason) => {
    expect(() => parseHtml(source)).toThrow(reason);
  });
});

describe("parse_mode MarkdownV2", () => {
  it("reads bold, italic, underline, strikethrough, spoiler, code, pre and links", () => {
    expect(parseMarkdownV2("*b* _i_ __u__ ~s~ ||p|| `c` [t](https://x.id/\\)) ```js\nx\n```")).toEqual({
      text: "b i u s p c t x\n",
      entities: [
        { type: "bold", offset: 0, length: 1 },
        { type: "italic", offset: 2, length: 1 },
        { type: "underline", offset: 4, length: 1 },
        { type: "strikethrough", offset: 6, length: 1 },
        { type: "spoiler", offset: 8, length: 1 },
        { type: "code", offset: 10, length: 1 },
        { type: "text_link", offset: 12, length: 1, url: "https://x.id/)" },
        { type: "pre", offset: 14, length: 2, language: "js" },
      ],
    });
  });

  it("needs every reserved character escaped outside entities (the classic 'Rp70.000' mistake)", () => {
    expect(() => parseMarkdownV2("Rp70.000")).toThrow("Character '.' is reserved");
    expect(() => parseMarkdownV2("Tanggal: 01-10-2022")).toThrow("Character '-' is reserved");
    expect(parseMarkdownV2("Rp70\\.000 \\(BCA\\)").text).toBe("Rp70.000 (BCA)");
    expect(() => parseMarkdownV2("*tebal")).toThrow("Can't find end");
  });
});

describe("parse_mode Markdown (legacy)", () => {
  it("reads *bold*, _italic_, `code` and [links](url), and leaves other punctuation alone", () => {
    expect(parseMarkdownLegacy("*Total:* Rp70.000 (BCA) `123` [status](https://x.id/s)")).toEqual({
      text: "Total: Rp70.000 (BCA) 123 status",
      entities: [
        { type: "bold", offset: 0, length: 6 },
        { type: "code", offset: 22, length: 3 },
        { type: "text_link", offset: 26, length: 6, url: "https://x.id/s" },
      ],
    });
    expect(() => parseMarkdownLegacy("snake_case")).toThrow("Can't find end of the entity");
  });
});

describe("entities Telegram finds by itself", () => {
  it("marks links (without trailing punctuation), /commands and @mentions", () => {
    const text = "Cek http://localhost:3000/orders/abc. Ketik /status atau /help@JiotBot, hubungi @jiot_admin";
    expect(detectEntities(text).map((e) => [e.type, text.slice(e.offset, e.offset + e.length)])).toEqual([
      ["url", "http://localhost:3000/orders/abc"],
      ["bot_command", "/status"],
      ["bot_command", "/help@JiotBot"],
      ["mention", "@jiot_admin"],
    ]);
  });

  it("leaves code spans and text links alone", () => {
    expect(formatText({ text: "<code>/status</code> ok", parse_mode: "HTML" }).entities).toEqual([{ type: "code", offset: 0, length: 7 }]);
  });

  it("refuses an empty text and one past 4096 characters", () => {
    expect(() => formatText({ text: "  " })).toThrow("message text is empty");
    expect(() => formatText({ text: "<b></b>", parse_mode: "HTML" })).toThrow("message text is empty");
    expect(() => formatText({ text: "x".repeat(4097) })).toThrow("message is too long");
  });
});
