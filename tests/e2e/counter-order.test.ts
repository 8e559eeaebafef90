// Issue 14, orders made by staff: a walk-in booked on a phone (390 px), then found in the order list by its phone number.
import path from "node:path";
import type { Browser } from "playwright-core";
import { slots } from "@/db/schema";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { launchBrowser, recyclePages, openPhonePage, pageWidth, policyViolations, signInToAdmin } from "@/tests/support/browser";
import { createFreshDatabase, openFreshDatabase, startNextApp, type FreshDatabase, type RunningApp } from "@/tests/support/next-app";
import { bookOrder } from "@/tests/support/payment-fixtures";

let database: FreshDatabase;
let app: RunningApp;
let browser: Browser;
const OWNER = { username: "sari", password: "kata-sandi-toko-2026" };
const STAFF = { username: "dewi", password: "kata-sandi-staf-2026" };
const SCREENSHOTS = path.join(process.cwd(), "public", "screenshots");
let otherCode: string;

beforeAll(async () => {
  database = await createFreshDatabase();
  const handle = await openFreshDatabase(database);
  await createOrResetAdmin(handle.db, OWNER); // the first admin is the owner
  await createOrResetAdmin(handle.db, STAFF);
  // A slot running all day, so "Walk-in sekarang" has a current slot whatever the hour the suite runs at.
  await handle.db.update(slots).set({ active: false });
  await handle.db.insert(slots).values({ label: "00.00 - 23.59 WIB", startTime: "00:00", endTime: "23:59", capacity: 3 });
  const other = await bookOrder(handle.db, { chatId: 8101 });
  otherCode = other.bookingCode;
  await handle.close();
  app = await startNextApp({ env: database.env });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await database?.drop();
});
afterEach(() => recyclePages(browser));

describe("'Pesanan baru' on a phone", () => {
  it("staff book a walk-in, then find it in the order list by phone and open the customer's history", async () => {
    const page = await openPhonePage(browser);
    await signInToAdmin(page, app.url, STAFF);
    await page.goto(`${app.url}/admin/orders`);
    await page.getByRole("link", { name: "+ Pesanan baru" }).click();
    await page.waitForURL(`${app.url}/admin/orders/new`);

    await page.getByLabel("Nama pelanggan").fill("Ibu Wati");
    await page.getByLabel("No. HP / WhatsApp").fill("0813 7777 8888");
    await page.getByLabel("Perangkat").selectOption({ label: "iPhone X" });
    await page.getByLabel("Spare part").selectOption({ label: "Battery – Rp70.000" });
    await page.getByLabel("Keluhan (opsional)").fill("Baterai drop, mati sendiri di 30%");
    expect(await page.getByLabel("Walk-in sekarang").isChecked()).toBe(true);
    expect(await page.getByLabel("Bayar di kasir").isChecked()).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SCREENSHOTS, "admin-new-order-phone.png"), fullPage: true });

    // A wrong number is answered, and nothing typed is lost.
    await page.getByLabel("No. HP / WhatsApp").fill("12345");
    await page.getByRole("button", { name: "Buat pesanan" }).click();
    await page.getByText("Nomor HP harus nomor Indonesia").waitFor();
    expect(await page.getByLabel("Nama pelanggan").inputValue()).toBe("Ibu Wati");
    expect(await page.getByLabel("Keluhan (opsional)").inputValue()).toBe("Baterai drop, mati sendiri di 30%");
    expect(await page.getByLabel("Spare part").inputValue()).toBe("1");

    expect(await page.getByLabel("No. HP / WhatsApp").inputValue()).toBe("12345");
    await page.getByLabel("No. HP / WhatsApp").fill("0813 7777 8888");
    await page.getByRole("button", { name: "Buat pesanan" }).click();
    const created = page.getByRole("status", { name: "Pesanan dibuat" });
    await created.waitFor();
    const code = (await created.textContent())!.match(/Pesanan (\d{8}) dibuat/)![1]!;
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    await page.goto(`${app.url}/admin/orders`);
    await page.getByLabel("Cari").fill("+62 813-7777");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await page.waitForURL(/q=/);
    const list = page.locator("table");
    await list.getByRole("link", { name: code }).waitFor();
    expect(await list.textContent()).toContain("Ibu Wati");
    expect(await list.textContent()).toContain("+62 813-7777-8888");
    expect(await list.textContent()).not.toContain(otherCode);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    await list.getByRole("link", { name: code }).click();
    await page.getByText("dibuat di kasir, tanpa Telegram").waitFor();
    expect(await page.textContent("body")).toContain("Baterai drop, mati sendiri di 30%");
    await page.getByRole("link", { name: "Riwayat pelanggan" }).click();
    await page.waitForURL(`${app.url}/admin/customers/phone/6281377778888`);
    await page.getByRole("heading", { name: /Ibu Wati/ }).waitFor();
    expect(await page.textContent("body")).toContain(code);
    expect(policyViolations).toEqual([]);
  });
});
