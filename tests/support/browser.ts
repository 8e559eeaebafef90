import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * Playwright's own `--disable-features` list (playwright-core 1.65, chromiumSwitches.ts). Chromium reads only the
 * last `--disable-features` of its command line, and ours comes after Playwright's, so ours repeats it;
 * tests/e2e/browser-flags.test.ts fails if Playwright's list gains a name this one lacks.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Chromium 15x builds the address bar's suggestion list as a web page of its own and preloads it in a renderer for
 * every window; in headless mode every browser context is a window. No test uses the address bar. With it off,
 * tests/e2e/admin-layout.test.ts took 97 CPU-s of the machine instead of 133 (the omnibox's renderer alone 30),
 * measured from /proc/stat around `npx jest --selectProjects "e2e (Chromium)" --testPathPatterns admin-layout`.
 */
export const OMNIBOX_WEBUI_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"];

const DISABLED_FEATURES = [...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_WEBUI_FEATURES];

/** Debian's Chromium, headless, with the flags this closed network needs (no background calls home). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      `--disable-features=${DISABLED_FEATURES.join(",")}`,
    ],
  });
}

/** Every message in which the browser refused something under the page's Content-Security-Policy (any page, any frame). */
export const policyViolations: string[] = [];

function watchPolicy(page: Page): Page {
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) policyViolations.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

/** A page the size of a customer's phone (customers come from Telegram on phones). */
export async function openPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "id-ID", timezoneId: "Asia/Jakarta" });
  return watchPolicy(await context.newPage());
}

export async function openDesktopPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "id-ID", timezoneId: "Asia/Jakarta" });
  return watchPolicy(await context.newPage());
}

/** Signs in through the admin's login page, as a person would, and waits for the dashboard. */
export async function signInToAdmin(page: Page, baseUrl: string, admin: { username: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByLabel("Nama pengguna").fill(admin.username);
  await page.getByLabel("Kata sandi").fill(admin.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(`${baseUrl}/admin`);
}

/** How wide the page's content is, to compare with the screen's width. */
export const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
