import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ErrorPage from "@/app/error";
import GlobalError from "@/app/global-error";
import NotFound from "@/app/not-found";

// Outside a request there is no connection to wait for; the browser test opens the real 404 (tests/e2e/home-page.test.ts).
jest.mock("next/server", () => ({ connection: async () => undefined }));

describe("the pages for a wrong address and for a failure speak Indonesian and lead home", () => {
  const failure = Object.assign(new Error("db down"), { digest: "123456" });

  it("404: Halaman tidak ditemukan, with a link to the home page", async () => {
    const html = renderToStaticMarkup(await NotFound());
    expect(html).toContain("<h1");
    expect(html).toContain("Halaman tidak ditemukan");
    expect(html).toContain('href="/"');
    expect(html).not.toMatch(/could not be found|This page/i);
  });

  it("an error inside the layout: apology, retry, home link, the digest for the shop — never the message", () => {
    const html = renderToStaticMarkup(createElement(ErrorPage, { error: failure, retry: () => undefined }));
    expect(html).toContain("Maaf, terjadi gangguan");
    expect(html).toContain("Coba lagi");
    expect(html).toContain('href="/"');
    expect(html).toContain("123456");
    expect(html).not.toContain("db down");
  });

  it("an error of the root layout: a whole document in Indonesian", () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: failure, retry: () => undefined }));
    expect(html).toMatch(/^<html lang="id">.*<body>/);
    expect(html).toContain("Maaf, terjadi gangguan");
    expect(html).toContain('href="/"');
  });
});
