// Issue 12: off Vercel and with no proxy named, the login keys on the socket's address, never on an X-Forwarded-For the client wrote.
import type { Browser } from "playwright-core";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { launchBrowser, signInToAdmin } from "@/tests/support/browser";
import { createFreshDatabase, openFreshDatabase, startNextApp, type FreshDatabase, type RunningApp } from "@/tests/support/next-app";

const ADMIN = { username: "sari", password: "kata-sandi-toko-2026" };
const FORGED = "198.51.100.9";
let database: FreshDatabase;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  database = await createFreshDatabase();
  const handle = await openFreshDatabase(database);
  await createOrResetAdmin(handle.db, ADMIN);
  await handle.close();
  app = await startNextApp({ env: database.env });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await database?.drop();
});

describe("next start, neither VERCEL nor TRUST_PROXY set", () => {
  it("a sign-in sent with a forged X-Forwarded-For is recorded with the socket's address", async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": FORGED } });
    const page = await context.newPage();
    await signInToAdmin(page, app.url, ADMIN);
    await page.goto(`${app.url}/admin/audit`);
    const login = page.locator("tr", { hasText: "admin.login" }).first();
    await expect(login.innerText()).resolves.toMatch(/(^|\s)(::ffff:)?127\.0\.0\.1(\s|$)/);
    expect(await page.content()).not.toContain(FORGED);
    await context.close();
  });
});
