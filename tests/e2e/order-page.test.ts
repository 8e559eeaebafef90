import { SEED_SETTINGS } from "@/db/seed";
import type { Browser, Page } from "playwright-core";
import { openDatabase } from "@/db/client";
import { launchBrowser, recyclePages, policyViolations, openPhonePage } from "@/tests/support/browser";
import { startMidtransStandIn, type MidtransStandIn } from "@/tests/support/midtrans-stand-in";
import { createFreshDatabase, startNextApp, type FreshDatabase, type RunningApp } from "@/tests/support/next-app";
import { bookOrder } from "@/tests/support/payment-fixtures";
import type { Order } from "@/db/schema";
import { setDbHandle } from "@/db";
import { overrideEnv } from "@/lib/env";
import { issueVirtualAccount } from "@/lib/payments/issue-virtual-account";
import { startSnapPayment } from "@/lib/payments/start-payment";

let database: FreshDatabase;
let midtrans: MidtransStandIn;
let app: RunningApp;
let browser: Browser;
const booked: Order[] = [];

beforeAll(async () => {
  [database, midtrans] = await Promise.all([createFreshDatabase(), startMidtransStandIn()]);
  // Orders are booked before the app starts: an embedded database has one owner at a time.
  const handle = database.env.DATABASE_URL
    ? await openDatabase({ driver: "pg", url: database.env.DATABASE_URL })
    : await openDatabase({ driver: "pglite", dataDir: database.env.PGLITE_DIR! });
  // The second customer chose "all methods" (Snap's whole list) and will pay by BCA VA inside Snap.
  for (const chatId of [1, 2]) booked.push(await bookOrder(handle.db, { chatId, paymentMethod: chatId === 1 ? "bca_va" : "all", slotIndex: chatId - 1 }));
  // The third pays in another app while the page is open; the fourth has a BCA VA issued in the chat.
  booked.push(await bookOrder(handle.db, { chatId: 3, paymentMethod: "all", slotIndex: 2 }));
  booked.push(await bookOrder(handle.db, { chatId: 4, paymentMethod: "bca_va", slotIndex: 3 }));
  overrideEnv({ ...midtrans.env(), APP_URL: "https://jiot.test" });
  setDbHandle(handle);
  if (!(await startSnapPayment(handle.db, { token: booked[2]!.statusToken })).ok) throw new Error("no Snap page");
  if (!(await issueVirtualAccount(handle.db, { orderId: booked[3]!.id })).ok) throw new Error("no VA");
  await handle.close();
  app = await startNextApp({ env: { ...database.env, ...midtrans.env() } });
  midtrans.notificationUrl = `${app.url}/api/midtrans/notification`;
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await midtrans?.stop();
  await database?.drop();
});
afterEach(() => recyclePages(browser));

async function openOrderPage(order: Order): Promise<Page> {
  const page = await openPhonePage(browser);
  const response = await page.goto(`${app.url}/orders/${order.statusToken}`);
  expect(response?.status()).toBe(200);
  // A reload would wipe this marker: the page must update itself.
  await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
  return page;
}

/** The value next to a label in the order's summary. */
const row = (page: Page, label: string) => page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd");

const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload === true);

describe("the status/pay page in a real browser", () => {
  it("shows the unpaid order with 'Bayar Sekarang', which opens Snap; a signed notification turns it paid without a reload", async () => {
    const [order] = booked;
    const page = await openOrderPage(order!);
    await expect(page.locator("h1").textContent()).resolves.toBe("Data Order");
    // Where to come, from the shop's settings (seeded demo values).
    const contact = page.getByTestId("shop-contact");
    await expect(contact.innerText()).resolves.toContain(SEED_SETTINGS.address);
    await expect(contact.innerText()).resolves.toContain("Buka setiap hari, 09.00–20.00 WIB");
    await expect(contact.getByRole("link", { name: "Buka di Google Maps" }).getAttribute("href")).resolves.toBe(SEED_SETTINGS.mapsUrl);
    await expect(contact.getByRole("link", { name: "WhatsApp" }).getAttribute("href")).resolves.toBe("https://wa.me/6281234567890");
    await expect(page.getByTestId("payment-status").textContent()).resolves.toBe("Menunggu pembayaran");
    const body = await page.locator("main").textContent();
    expect(body).toContain(order!.bookingCode);
    expect(body).toContain("Rp70.000");
    expect(body).toContain("iPhone X");
    expect(body).toContain("09.00 - 11.00 WIB");
    await expect(row(page, "Status perbaikan").textContent()).resolves.toBe("Terjadwal");
    expect(await page.content()).not.toContain(midtrans.serverKey);

    await page.getByRole("button", { name: "Bayar Sekarang" }).click();
    await page.locator("#midtrans-stand-in").waitFor({ state: "visible", timeout: 15_000 });
    await expect(page.locator("script[data-snap-js]").getAttribute("data-client-key")).resolves.toBe(midtrans.clientKey);
    const orderId = `${order!.bookingCode}-1`;
    await page.locator("#midtrans-stand-in [data-field=order]").filter({ hasText: orderId }).waitFor();
    await page.locator("#midtrans-stand-in [data-action=close]").click();

    // The customer pays by bank transfer elsewhere; Midtrans notifies the app.
    midtrans.setTransaction(orderId, { transaction_status: "settlement", payment_type: "bank_transfer" });
    expect((await midtrans.sendNotification(`${app.url}/api/midtrans/notification`, orderId)).status).toBe(200);

    await page.getByTestId("payment-status").filter({ hasText: "Lunas" }).waitFor({ timeout: 20_000 });
    expect(await stillSamePage(page)).toBe(true);
    expect(await page.getByRole("button", { name: "Bayar Sekarang" }).count()).toBe(0);
  });

  it("paying inside the Snap sheet (the stand-in notifies the app) shows the order paid by itself, with the method actually used", async () => {
    const [, order] = booked;
    const page = await openOrderPage(order!);
    await expect(row(page, "Metode pembayaran").textContent()).resolves.toBe("Semua metode");
    await page.getByRole("button", { name: "Bayar Sekarang" }).click();
    await page.locator("#midtrans-stand-in [data-action=pay]").click();
    await page.getByTestId("payment-status").filter({ hasText: "Lunas" }).waitFor({ timeout: 20_000 });
    expect(await stillSamePage(page)).toBe(true);
    const json = await (await fetch(`${app.url}/api/orders/${order!.statusToken}`)).json();
    expect(json.paymentStatus).toBe("paid");
    // Issue 17: not "Semua metode" once paid — the method Midtrans says was used.
    await row(page, "Metode pembayaran").filter({ hasText: "BCA Virtual Account" }).waitFor({ timeout: 20_000 });
  });

  it("paid in another app while the page just sits open (no click, no tab switch): it turns 'Lunas' by itself within seconds", async () => {
    const order = booked[2]!;
    const page = await openOrderPage(order);
    await expect(page.getByTestId("payment-status").textContent()).resolves.toBe("Menunggu pembayaran");
    const orderId = `${order.bookingCode}-1`;
    midtrans.setTransaction(orderId, { transaction_status: "settlement", payment_type: "gopay" });
    expect((await midtrans.sendNotification(`${app.url}/api/midtrans/notification`, orderId)).status).toBe(200);
    await page.getByTestId("payment-status").filter({ hasText: "Lunas" }).waitFor({ timeout: 10_000 });
    expect(await stillSamePage(page)).toBe(true);
  });

  it("beside a VA, 'Pilih metode lain' (after a confirm) cancels the VA and opens Snap with every method, not the same bank again", async () => {
    const order = booked[3]!;
    const page = await openOrderPage(order);
    await expect(page.locator("main").innerText()).resolves.toContain("BCA");
    expect(await page.getByRole("button", { name: "Bayar Sekarang" }).count()).toBe(0);
    await page.getByRole("button", { name: "Pilih metode lain" }).click();
    const box = page.getByRole("group", { name: "Ganti metode pembayaran" });
    await expect(box.innerText()).resolves.toContain("Nomor VA di atas akan dibatalkan");
    // Changing one's mind keeps the VA.
    await box.getByRole("button", { name: "Tetap pakai VA ini" }).click();
    expect(midtrans.callsTo("POST", `/v2/${order.bookingCode}-1/cancel`)).toHaveLength(0);

    await page.getByRole("button", { name: "Pilih metode lain" }).click();
    await page.getByRole("button", { name: "Ya, pilih metode lain" }).click();
    await page.locator("#midtrans-stand-in").waitFor({ state: "visible", timeout: 15_000 });
    expect(midtrans.transaction(`${order.bookingCode}-1`)!.transaction_status).toBe("cancel");
    const snap = midtrans.callsTo("POST", "/snap/v1/transactions").at(-1)!.body as { transaction_details: { order_id: string }; enabled_payments: string[] };
    expect(snap.transaction_details.order_id).toBe(`${order.bookingCode}-2`);
    expect(snap.enabled_payments).toEqual(expect.arrayContaining(["gopay", "other_qris", "credit_card", "bni_va"]));
  });

  it("answers an unknown token with a 404 page in Indonesian", async () => {
    const page = await openPhonePage(browser);
    const response = await page.goto(`${app.url}/orders/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Pesanan tidak ditemukan");
    await expect(page.getByRole("link", { name: "Kembali ke halaman depan" }).getAttribute("href")).resolves.toBe("/");
  });
});

describe("the pages under their content security policy", () => {
  it("the browser refused nothing they needed (scripts, Snap's frame, the playground)", () => {
    expect(policyViolations).toEqual([]);
  });
});
