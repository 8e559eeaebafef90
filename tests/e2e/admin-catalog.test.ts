import type { Browser } from "playwright-core";
import { openDatabase } from "@/db/client";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { launchBrowser, openDesktopPage, openPhonePage } from "@/tests/support/browser";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { createFreshDatabase, startNextApp, type FreshDatabase, type RunningApp } from "@/tests/support/next-app";

let database: FreshDatabase;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  database = await createFreshDatabase();
  // The admin is made before the app starts: an embedded database has one owner at a time.
  const handle = database.env.DATABASE_URL
    ? await openDatabase({ driver: "pg", url: database.env.DATABASE_URL })
    : await openDatabase({ driver: "pglite", dataDir: database.env.PGLITE_DIR! });
  await createOrResetAdmin(handle.db, TEST_ADMIN);
  await handle.close();
  // The playground stands in for Telegram, so the bot's /catalog answer can be read in its chat.
  app = await startNextApp({ env: { ...database.env, PLAYGROUND: "1" } });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await database?.drop();
});

describe("the admin's catalog in a real browser", () => {
  it("a page without a session sends the browser to the login", async () => {
    const page = await openDesktopPage(browser);
    await page.goto(`${app.url}/admin/schedule`);
    await page.waitForURL(/\/admin\/login/);
  });

  it("changing a price shows the new price on the home page and in the bot's /catalog", async () => {
    const page = await openDesktopPage(browser);
    await page.goto(`${app.url}/admin/login`);
    await page.getByLabel("Nama pengguna").fill(TEST_ADMIN.username);
    await page.getByLabel("Kata sandi").fill(TEST_ADMIN.password);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(`${app.url}/admin`);
    await page.goto(`${app.url}/admin/catalog?device=10`);
    await expect(page.getByRole("navigation", { name: "Menu admin" }).getByRole("link", { name: "Katalog" }).count()).resolves.toBe(1);
    await expect(page.locator("h2#harga").textContent()).resolves.toBe("Harga iPhone X");
    await page.getByLabel("Harga Battery (Rp)").fill("85.000");
    await page.getByRole("button", { name: "Simpan harga Battery" }).click();
    await page.getByTestId("flash").filter({ hasText: "Harga Battery untuk iPhone X: Rp85.000." }).waitFor();
    await expect(page.getByLabel("Harga Battery (Rp)").inputValue()).resolves.toBe("85000");

    const home = await openPhonePage(browser);
    await home.goto(`${app.url}/`);
    const row = home.getByTestId("catalog").locator("tr", { has: home.locator('th:text-is("iPhone X")') });
    await expect(row.textContent()).resolves.toBe("iPhone XRp85.000Rp790.000–Rp70.000Rp560.000");

    const chat = await openPhonePage(browser);
    await chat.goto(`${app.url}/playground/chat`);
    await chat.getByRole("button", { name: "MULAI" }).click();
    await chat.getByLabel("Tulis pesan").fill("/catalog");
    await chat.getByRole("button", { name: "Kirim" }).click();
    const answer = chat.getByText(/Katalog servis Jiot Gadget Solution/);
    await answer.first().waitFor({ timeout: 20_000 });
    await chat.getByText(/Rp85\.000/).first().waitFor({ timeout: 20_000 });
  });

  it("a capacity below the places held is refused with the reason; settings change the home page", async () => {
    const page = await openDesktopPage(browser);
    await page.goto(`${app.url}/admin/login?next=/admin/schedule`);
    await page.getByLabel("Nama pengguna").fill(TEST_ADMIN.username);
    await page.getByLabel("Kata sandi").fill(TEST_ADMIN.password);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(/\/admin\/schedule/);
    await page.getByLabel("Nama toko").fill("Jiot Gadget Bandung");
    await page.getByRole("button", { name: "Simpan pengaturan" }).click();
    await page.getByTestId("flash").filter({ hasText: "Pengaturan disimpan." }).waitFor();
    await page.getByLabel("Label jam baru").fill("20.00 - 21.00 WIB");
    await page.getByLabel("Jam mulai jam baru").fill("20:00");
    await page.getByLabel("Jam selesai jam baru").fill("21:00");
    await page.getByRole("button", { name: "Tambah jam servis" }).click();
    await page.getByTestId("flash").filter({ hasText: 'Jam servis "20.00 - 21.00 WIB" ditambahkan.' }).waitFor();

    const home = await openPhonePage(browser);
    await home.goto(`${app.url}/`);
    await expect(home.locator("h1").textContent()).resolves.toBe("Jiot Gadget Bandung");
    await expect(home.locator("section", { has: home.locator("h2#jam") }).textContent()).resolves.toContain("20.00 - 21.00 WIB");
  });
});
