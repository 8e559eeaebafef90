import path from "node:path";
import type { Page } from "playwright-core";
import { openPhonePage } from "@/tests/support/browser";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { registerOwnerApp } from "@/tests/support/owner-app";

const suite = registerOwnerApp({ PLAYGROUND: "1" });

async function signIn(page: Page, next: string) {
  await page.goto(`${suite.app.url}/admin/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Nama pengguna").fill(TEST_ADMIN.username);
  await page.getByLabel("Kata sandi").fill(TEST_ADMIN.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(new RegExp(next.replace(/[/?]/g, "\\$&")));
}

describe("the owner's weekly hours on a phone", () => {
  it("a short Saturday and a shut Sunday set in the slot × weekday grid show on the home page", async () => {
    const page = await openPhonePage(suite.browser);
    await signIn(page, "/admin/schedule");
    await page.getByLabel("Kapasitas 18.00 - 20.00 WIB hari Sabtu").fill("0");
    for (const label of ["09.00 - 11.00 WIB", "12.00 - 14.00 WIB", "15.00 - 17.00 WIB", "18.00 - 20.00 WIB"]) {
      await page.getByLabel(`Kapasitas ${label} hari Minggu`).fill("0");
    }
    await page.getByRole("button", { name: "Simpan jadwal mingguan" }).click();
    await page.getByTestId("flash").filter({ hasText: "Jadwal mingguan disimpan (5 perubahan)." }).waitFor();
    await expect(page.getByLabel("Kapasitas 18.00 - 20.00 WIB hari Sabtu").inputValue()).resolves.toBe("0");
    await expect(page.getByLabel("Kapasitas 09.00 - 11.00 WIB hari Senin").inputValue()).resolves.toBe("");
    // The grid scrolls inside its box at 390 px; the page itself does not scroll sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.locator("section", { has: page.locator("h2#mingguan") }).screenshot({ path: path.join(process.cwd(), "public", "screenshots", "admin-weekly-hours-phone.png") });

    const home = await openPhonePage(suite.browser);
    await home.goto(`${suite.app.url}/`);
    const hours = await home.locator("section", { has: home.locator("h2#jam") }).innerText();
    expect(hours).toContain("Senin–Jumat");
    expect(hours).toContain("Sabtu");
    expect(hours).toContain("Tutup setiap Minggu.");
  });
});
