import path from "node:path";
import { SEED_SETTINGS } from "@/db/seed";
import type { Browser, Page } from "playwright-core";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { launchBrowser, recyclePages, policyViolations, openPhonePage } from "@/tests/support/browser";
import { startNextApp, type RunningApp } from "@/tests/support/next-app";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  // The playground is the app's own Telegram: the form's deep link opens its chat.
  app = await startNextApp({ env: { PLAYGROUND: "1" } });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});
afterEach(() => recyclePages(browser));

const SCREENSHOT = path.resolve(__dirname, "../../public/screenshots/home.png");

/** The phone page's text of the catalog row of one device. */
const catalogRow = (page: Page, device: string) => page.getByTestId("catalog").locator("tr", { has: page.locator(`th:text-is("${device}")`) });

describe("the home page on a phone", () => {
  it("shows the shop, the seeded prices in Rupiah, the opening hours and a Reservasi link into the bot", async () => {
    const page = await openPhonePage(browser);
    const response = await page.goto(`${app.url}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe("Jiot Gadget Solution");
    await expect(catalogRow(page, "iPhone X").textContent()).resolves.toBe("iPhone XRp70.000Rp790.000–Rp70.000Rp560.000");
    await expect(page.getByRole("link", { name: "Reservasi" }).getAttribute("href")).resolves.toBe(`${app.url}/playground/chat?start=order`);
    const hours = await page.locator("section", { has: page.locator("h2#jam") }).textContent();
    expect(hours).toContain("09.00 - 11.00 WIB");
    expect(hours).toContain("18.00 - 20.00 WIB");
    // The pitch is said once (the owner's tagline), not again under the button.
    const text = await page.locator("main").innerText();
    expect(text.split("Pesan lewat Telegram").length - 1).toBe(1);
    // The footer says where the shop is and how to reach it, from the settings.
    const contact = page.getByTestId("shop-contact");
    await expect(contact.innerText()).resolves.toContain(SEED_SETTINGS.address);
    await expect(contact.getByRole("link", { name: "Buka di Google Maps" }).getAttribute("href")).resolves.toBe(SEED_SETTINGS.mapsUrl);
    await expect(contact.getByRole("link", { name: /^Telepon/ }).getAttribute("href")).resolves.toBe("tel:+6281234567890");
    await expect(contact.getByRole("link", { name: "WhatsApp" }).getAttribute("href")).resolves.toBe("https://wa.me/6281234567890");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it("a wrong address gets the shop's own 404 in Indonesian, with the way home", async () => {
    const page = await openPhonePage(browser);
    const response = await page.goto(`${app.url}/tidak-ada-halaman-ini`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Halaman tidak ditemukan");
    expect(await page.locator("body").innerText()).not.toMatch(/could not be found/i);
    await page.getByRole("link", { name: "Kembali ke halaman depan" }).click();
    await page.waitForURL(`${app.url}/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it("without JavaScript: the form finds the free slots of a date and opens the bot with the choices, which asks only the phone and the fault before the summary", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: "id-ID" });
    const form = await context.newPage();
    await form.goto(`${app.url}/`);
    await form.getByLabel("Perangkat").selectOption({ label: "iPhone X" });
    await form.getByLabel("Tanggal servis").fill(addDays(todayInJakarta(), 1));
    await form.getByRole("button", { name: "Cek jam kosong" }).click();
    await form.waitForURL(/date=/);
    // Now the lists show the iPhone X's parts with prices and the day's slots with their room.
    await form.getByLabel("Layanan").selectOption({ label: "LCD — Rp790.000" });
    await form.getByLabel("Jam servis").selectOption({ label: "12.00 - 14.00 WIB (sisa 2)" });
    await form.getByLabel("Metode pembayaran").selectOption({ label: "GoPay" });
    await form.getByRole("button", { name: "Reservasi" }).click();
    await form.waitForURL(/\/playground\/chat\?start=[A-Za-z0-9_-]{8,64}$/);
    const chatUrl = form.url();
    await context.close();

    const chat = await openPhonePage(browser);
    await chat.goto(chatUrl);
    await chat.getByRole("button", { name: "MULAI" }).click();
    // The form's choices are kept; the bot still asks what the form does not: the phone and the fault.
    await chat.getByText("Nomor HP Anda").first().waitFor({ timeout: 20_000 });
    await chat.getByRole("group", { name: "Keyboard bot" }).getByRole("button", { name: /Bagikan nomor HP/ }).click();
    await chat.getByText("Ceritakan kerusakannya").first().waitFor({ timeout: 20_000 });
    await chat.getByRole("group", { name: "Tombol pesan" }).last().getByRole("button", { name: "Lewati" }).click();
    const summary = chat.getByText("Ringkasan Booking");
    await summary.first().waitFor({ timeout: 20_000 });
    const text = await chat.locator("body").textContent();
    expect(text).toContain("Total: Rp790.000");
    expect(text).toContain("Jam: 12.00 - 14.00 WIB");
    expect(text).toContain("Product: LCD");
    expect(text).toContain("Pembayaran: GoPay");
  });

  it("a refused choice comes back with the choices kept and the problem next to the field", async () => {
    const page = await openPhonePage(browser);
    await page.goto(`${app.url}/`);
    await page.getByLabel("Perangkat").selectOption({ label: "iPhone X" });
    await page.getByLabel("Layanan").selectOption({ label: "Finger" });
    await page.getByRole("button", { name: "Reservasi" }).click();
    await page.waitForURL(/err=/);
    await expect(page.getByTestId("choice-form").getByRole("alert").textContent()).resolves.toBe("Ada 1 pilihan yang perlu diperbaiki.");
    await expect(page.getByLabel("Layanan").getAttribute("aria-describedby")).resolves.toBe("e-part");
    await expect(page.locator("#e-part").textContent()).resolves.toContain("tidak tersedia untuk perangkat tersebut");
    await expect(page.getByLabel("Perangkat").inputValue()).resolves.toBe("10");
  });
});

describe("the pages under their content security policy", () => {
  it("the browser refused nothing they needed (scripts, Snap's frame, the playground)", () => {
    expect(policyViolations).toEqual([]);
  });
});
