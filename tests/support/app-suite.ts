import type { Browser } from "playwright-core";
import type { Database } from "@/db/client";
import { launchBrowser, recyclePages } from "./browser";
import { createFreshDatabase, openFreshDatabase, startNextApp, type FreshDatabase, type RunningApp } from "./next-app";
import { standInBotEnv } from "./telegram-customer";
import { startTelegramStandIn, type TelegramStandIn } from "./telegram-stand-in";

export interface AppSuite {
  database: FreshDatabase;
  tg: TelegramStandIn;
  app: RunningApp;
  /** Set with `browser`. */
  browser: Browser;
}

/**
 * Registers the hooks of a suite against `next start` whose bot talks to a
 * Telegram stand-in: a fresh database filled by `prepare`, the app started with
 * `env` (after the bot's variables), Chromium launched with `browser`; all
 * stopped at the end. The pages a test opens are closed after it (`recyclePages`). The returned object is filled in by beforeAll.
 */
export function registerAppSuite({
  prepare,
  env = {},
  webhookSecret,
  browser = false,
}: {
  prepare: (db: Database) => Promise<void>;
  env?: Record<string, string>;
  webhookSecret?: string;
  browser?: boolean;
}): AppSuite {
  const suite = {} as AppSuite;
  beforeAll(async () => {
    [suite.database, suite.tg] = await Promise.all([createFreshDatabase(), startTelegramStandIn()]);
    const handle = await openFreshDatabase(suite.database);
    await prepare(handle.db);
    await handle.close();
    suite.app = await startNextApp({ env: { ...suite.database.env, ...standInBotEnv(suite.tg, webhookSecret), ...env } });
    if (browser) suite.browser = await launchBrowser();
  }, 600_000);
  afterEach(() => recyclePages(suite.browser));
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.stop();
    await suite.tg?.close();
    await suite.database?.drop();
  });
  return suite;
}
