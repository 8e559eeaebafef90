import path from "node:path";
import type { Order } from "@/db/schema";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { openDesktopPage, openPhonePage, pageWidth } from "@/tests/support/browser";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { registerAppSuite } from "@/tests/support/app-suite";
import { completedRepair } from "@/tests/support/warranty-fixtures";

const SCREENSHOTS = path.join(process.cwd(), "public", "screenshots");
let repaired: Order;

const suite = registerAppSuite({
  browser: true,
  prepare: async (db) => {
    await createOrResetAdmin(db, TEST_ADMIN);
    // Part 1 (Battery) carries 90 days; the catalog test below starts from another part.
    repaired = await completedRepair(db, { chatId: 8201, days: 90 });
  },
});

describe("warranty days in the admin's catalog, in a real browser", () => {
  it("the owner sets a part's warranty days next to its name, and the page shows them after saving", async () => {
    const page = await openDesktopPage(suite.browser);
    await page.goto(`${suite.app.url}/admin/login?next=/admin/catalog`);
    await page.getByLabel("Nama pengguna").fill(TEST_ADMIN.username);
    await page.getByLabel("Kata sandi").fill(TEST_ADMIN.password);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(/\/admin\/catalog/);
    await expect(page.getByLabel("Garansi (hari) LCD").inputValue()).resolves.toBe("0");
    await page.getByLabel("Garansi (hari) LCD").fill("30");
    await page.getByRole("button", { name: "Simpan LCD" }).click();
    await page.getByTestId("flash").filter({ hasText: '"LCD" disimpan.' }).waitFor();
    await page.goto(`${suite.app.url}/admin/catalog`);
    await expect(page.getByLabel("Garansi (hari) LCD").inputValue()).resolves.toBe("30");
    // Devices carry no warranty of their own.
    await expect(page.getByLabel("Garansi (hari) iPhone X").count()).resolves.toBe(0);
  });
});

describe("the warranty on the customer's status page, on a phone", () => {
  it("a completed repair shows 'Bergaransi s.d.' with the last day, 90 days on", async () => {
    const page = await openPhonePage(suite.browser);
    await page.goto(`${suite.app.url}/orders/${repaired.statusToken}`);
    await page.getByText(/Bergaransi s\.d\. \d{2}\/\d{2}\/\d{4}/).first().waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SCREENSHOTS, "order-page-warranty-phone.png"), fullPage: true });
  });
});
