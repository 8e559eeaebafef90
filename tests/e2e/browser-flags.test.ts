import fs from "node:fs";
import type { Browser } from "playwright-core";
import { launchOwnBrowser, OMNIBOX_WEBUI_FEATURES } from "@/tests/support/browser";

// The browser every e2e file uses (launched with the same options for the run, or by a file alone): Chromium keeps
// only the last --disable-features of its command line, so the one launchBrowser adds must hold every feature
// Playwright's own switch turns off, and the omnibox's on top. This file launches one of its own, to read its
// command line and list its pages.

let browser: Browser;
beforeAll(async () => {
  browser = await launchOwnBrowser();
});
afterAll(() => browser?.close());

/** The command lines of the Chromium processes this test process started (Playwright launches the browser as its child). */
function browserCommandLines(): string[][] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const parent = Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(")").at(-1)!.trim().split(" ")[1]);
        const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
        return parent === process.pid && /chromium/.test(commandLine[0] ?? "") ? [commandLine] : [];
      } catch {
        return []; // a process that ended while the list was read
      }
    });
}

const featuresOf = (commandLine: string[], flag: string) =>
  commandLine.filter((arg) => arg.startsWith(`${flag}=`)).map((arg) => arg.slice(flag.length + 1).split(","));

describe("the test browser's command line", () => {
  it("turns off, in its last --disable-features, every feature an earlier one names, and the WebUI omnibox", async () => {
    const commandLines = browserCommandLines();
    expect(commandLines).toHaveLength(1);
    const lists = featuresOf(commandLines[0]!, "--disable-features");
    expect(lists.length).toBeGreaterThan(1);
    const effective = lists.at(-1)!;
    expect(lists.flat().filter((name) => !effective.includes(name))).toEqual([]);
    expect(effective).toEqual(expect.arrayContaining(OMNIBOX_WEBUI_FEATURES));
  });

  it("opens a browser context without the address bar's WebUI renderer", async () => {
    const context = await browser.newContext();
    await (await context.newPage()).goto("about:blank");
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send("Target.getTargets", { filter: [{}] } as never)) as { targetInfos: Array<{ type: string; url: string }> };
    expect(targetInfos.filter((target) => target.url.startsWith("chrome://omnibox-popup"))).toEqual([]);
    expect(targetInfos.filter((target) => target.type === "page").map((target) => target.url)).toEqual(["about:blank"]);
    await context.close();
  });
});
