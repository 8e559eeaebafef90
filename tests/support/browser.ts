import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type LaunchOptions, type Page } from "playwright-core";

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
export const BROWSER_LAUNCH_OPTIONS = {
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
    // V8 in the renderers without background threads, as Jest's (package.json): tests/e2e/admin-layout took
    // 91-95 CPU-s of the machine with it, 97-112 without (three runs each, /proc/stat around `npx jest ...`).
    "--js-flags=--single-threaded",
    `--disable-features=${DISABLED_FEATURES.join(",")}`,
  ],
} satisfies LaunchOptions;

/** A Chromium of this process's own (a child of it). */
export function launchOwnBrowser(): Promise<Browser> {
  return chromium.launch(BROWSER_LAUNCH_OPTIONS);
}

/**
 * The browser of a test file: a connection to the one Chromium the e2e project's global setup launched for the
 * whole run (tests/support/e2e-browser-server.ts), else one of its own. `close()` then closes this file's contexts
 * and disconnects. A launch and close costs ~2 CPU-s (five of them, machine CPU from /proc/stat), once per run
 * instead of once per file.
 */
export function launchBrowser(): Promise<Browser> {
  const shared = process.env.E2E_BROWSER_WS_ENDPOINT;
  return shared ? chromium.connect(shared) : launchOwnBrowser();
}

/** Every message in which the browser refused something under the page's Content-Security-Policy (any page, any frame). */
export const policyViolations: string[] = [];

function watchPolicy(page: Page): Page {
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) policyViolations.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "id-ID", timezoneId: "Asia/Jakarta" };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: "id-ID", timezoneId: "Asia/Jakarta" };

/**
 * The contexts of `openPhonePage`/`openDesktopPage`, kept per browser and kind of screen: after each test,
 * `recyclePages` closes their pages and clears their cookies, and the next test's page of that kind opens in one of
 * them. A new context costs Chromium a window, a renderer and cold caches: 0.55-0.8 CPU-s for context + page + first
 * load, against 0.13 for another load in an open one (twenty of each, machine CPU from /proc/stat around each loop).
 * A recycled context is as a new one to the app: signed out, no page open (the app keeps nothing else in the
 * browser: no storage, no service worker, no permission).
 */
const contextOptions = new WeakMap<BrowserContext, BrowserContextOptions>();
const idleContexts = new WeakMap<Browser, BrowserContext[]>();

async function openPage(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const idle = idleContexts.get(browser) ?? [];
  const reused = idle.find((context) => contextOptions.get(context) === options);
  if (reused) idle.splice(idle.indexOf(reused), 1);
  const context = reused ?? (await browser.newContext(options));
  contextOptions.set(context, options);
  return watchPolicy(await context.newPage());
}

/** After a test (afterEach): every page `openPhonePage`/`openDesktopPage` opened is closed, its context signed out for the next. */
export async function recyclePages(browser: Browser | undefined): Promise<void> {
  if (!browser?.isConnected()) return;
  const idle = idleContexts.get(browser) ?? [];
  idleContexts.set(browser, idle);
  const used = browser.contexts().filter((context) => contextOptions.has(context) && !idle.includes(context));
  await Promise.all(
    used.map(async (context) => {
      await Promise.all(context.pages().map((page) => page.close()));
      await context.clearCookies();
      idle.push(context);
    }),
  );
}

/** A page the size of a customer's phone (customers come from Telegram on phones). */
export function openPhonePage(browser: Browser): Promise<Page> {
  return openPage(browser, PHONE);
}

export function openDesktopPage(browser: Browser): Promise<Page> {
  return openPage(browser, DESKTOP);
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
