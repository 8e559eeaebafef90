import type { Browser } from "playwright-core";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { TEST_ADMIN } from "./admin-session";
import { launchBrowser, recyclePages } from "./browser";
import { createFreshDatabase, openFreshDatabase, startNextApp, type FreshDatabase, type RunningApp } from "./next-app";

/**
 * Registers the hooks of a browser suite on the admin: a fresh database with
 * the test admin (the first admin: the owner), made before the app starts
 * (an embedded database has one owner at a time), the app on it, a browser;
 * all stopped at the end. The pages a test opens are closed after it (`recyclePages`). The returned object is filled in by beforeAll.
 */
export function registerOwnerApp(env: Record<string, string> = {}): { app: RunningApp; browser: Browser } {
  const context = {} as { app: RunningApp; browser: Browser; database: FreshDatabase };
  beforeAll(async () => {
    context.database = await createFreshDatabase();
    const handle = await openFreshDatabase(context.database);
    await createOrResetAdmin(handle.db, TEST_ADMIN);
    await handle.close();
    context.app = await startNextApp({ env: { ...context.database.env, ...env } });
    context.browser = await launchBrowser();
  }, 600_000);
  afterEach(() => recyclePages(context.browser));
  afterAll(async () => {
    await context.browser?.close();
    await context.app?.stop();
    await context.database?.drop();
  });
  return context;
}
