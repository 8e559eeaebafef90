// node tests/support/pdf-text.mjs <file.pdf> – prints the PDF's text as a JSON array, one string per page.
// A separate process: pdfjs-dist is ESM only, which Jest's module loader cannot require.
import fs from "node:fs";

// pdfjs-dist 6 uses Promise.withResolvers (Node 22); this project runs on Node 20.
Promise.withResolvers ??= function withResolvers() {
  let resolve, reject;
  const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");

const document = await getDocument({ data: new Uint8Array(fs.readFileSync(process.argv[2])), useSystemFonts: false }).promise;
const pages = [];
for (let n = 1; n <= document.numPages; n++) {
  const content = await (await document.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => item.str ?? "").join(" ").replace(/\s+/g, " "));
}
process.stdout.write(JSON.stringify(pages));
