import path from "node:path";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { seedDemoStock } from "@/lib/playground/demo-stock";
import { openDesktopPage, openPhonePage, pageWidth, signInToAdmin } from "@/tests/support/browser";
import { registerAppSuite } from "@/tests/support/app-suite";
import { bookOrder } from "@/tests/support/payment-fixtures";

const ADMIN = { username: "sari", password: "kata-sandi-toko-2026" };
const SCREENSHOTS = path.join(process.cwd(), "public", "screenshots");

const suite = registerAppSuite({
  browser: true,
  prepare: async (db) => {
    await createOrResetAdmin(db, ADMIN);
    await seedDemoStock(db);
    await bookOrder(db, { chatId: 8201 }); // takes the last iPhone X Battery
  },
});

describe("the stock page in a real browser", () => {
  it.each([
    ["desktop", openDesktopPage, 1280, "admin-stock.png"],
    ["phone", openPhonePage, 390, "admin-stock-phone.png"],
  ] as const)("%s: the last unit booked shows 'Habis', a back-order its days; 'Terima barang' adds units and says so, no sideways scrolling", async (name, open, width, screenshot) => {
    const page = await open(suite.browser);
    await signInToAdmin(page, suite.app.url, ADMIN);
    await page.getByRole("link", { name: "Stok" }).first().click();
    await page.waitForURL(`${suite.app.url}/admin/stock`);
    const list = page.getByRole("list", { name: "Stok per part" });
    const batteryX = list.locator("li", { hasText: "Battery · iPhone X" });
    await expect(batteryX.innerText()).resolves.toMatch(/Habis[\s\S]*Di rak \d+ · Dipesan \d+ · Sisa \d+/);
    await expect(list.locator("li", { hasText: "LCD · iPhone 11" }).innerText()).resolves.toMatch(/Habis · inden 3 hari[\s\S]*inden 3 hari/);
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(SCREENSHOTS, screenshot), fullPage: name === "phone" });

    const plenty = list.locator("li", { hasText: "Battery · iPhone 12" });
    const before = Number((await plenty.innerText()).match(/Di rak (\d+)/)![1]);
    await page.getByLabel("Jumlah diterima Battery iPhone 12").fill("2");
    await page.getByRole("button", { name: "Terima barang Battery iPhone 12" }).click();
    await page.getByText(`2 unit Battery iPhone 12 diterima; di rak sekarang ${before + 2}.`).waitFor();
    await expect(plenty.innerText()).resolves.toContain(`Di rak ${before + 2}`);
  });

  it("'Berhenti lacak' asks first, then the part leaves the list and is back among the parts not counted", async () => {
    const page = await openDesktopPage(suite.browser);
    await signInToAdmin(page, suite.app.url, ADMIN);
    await page.goto(`${suite.app.url}/admin/stock`);
    const list = page.getByRole("list", { name: "Stok per part" });
    await page.getByRole("button", { name: "Berhenti lacak Battery iPhone 12" }).click();
    await page.getByRole("button", { name: "Ya, berhenti lacak" }).click();
    await page.getByText("Stok Battery iPhone 12 tidak dilacak lagi; part itu selalu ditawarkan.").waitFor();
    await expect(list.locator("li", { hasText: "Battery · iPhone 12" }).count()).resolves.toBe(0);
    await expect(page.getByLabel("Part yang diterima").innerText()).resolves.toContain("iPhone 12 — Battery");
  });
});
