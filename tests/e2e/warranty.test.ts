import { openDesktopPage } from "@/tests/support/browser";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { registerOwnerApp } from "@/tests/support/owner-app";

const suite = registerOwnerApp();

describe("warranty days in the admin's catalog, in a real browser", () => {
  it("the owner sets a part's warranty days next to its name, and the page shows them after saving", async () => {
    const page = await openDesktopPage(suite.browser);
    await page.goto(`${suite.app.url}/admin/login?next=/admin/catalog`);
    await page.getByLabel("Nama pengguna").fill(TEST_ADMIN.username);
    await page.getByLabel("Kata sandi").fill(TEST_ADMIN.password);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(/\/admin\/catalog/);
    await expect(page.getByLabel("Garansi (hari) Battery").inputValue()).resolves.toBe("0");
    await page.getByLabel("Garansi (hari) Battery").fill("90");
    await page.getByRole("button", { name: "Simpan Battery" }).click();
    await page.getByTestId("flash").filter({ hasText: '"Battery" disimpan.' }).waitFor();
    await page.goto(`${suite.app.url}/admin/catalog`);
    await expect(page.getByLabel("Garansi (hari) Battery").inputValue()).resolves.toBe("90");
    // Devices carry no warranty of their own.
    await expect(page.getByLabel("Garansi (hari) iPhone X").count()).resolves.toBe(0);
  });
});
