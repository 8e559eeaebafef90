import { openDesktopPage, openPhonePage } from "@/tests/support/browser";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { registerOwnerApp } from "@/tests/support/owner-app";

// The playground stands in for Telegram, so the bot's /catalog answer can be read in its chat.
const suite = registerOwnerApp({ PLAYGROUND: "1" });

describe("the admin's catalog in a real browser", () => {
  it("a page without a session sends the browser to the login", async () => {
    const page = await openDesktopPage(suite.browser);
    await page.goto(`${suite.app.url}/admin/schedule`);
    await page.waitForURL(/\/admin\/login/);
  });

  it("changing a price shows the new price on the home page and in the bot's /catalog", async () => {
    const page = await openDesktopPage(suite.browser);
    await page.goto(`${suite.app.url}/admin/login`);
    await page.getByLabel("Nama pengguna").fill(TEST_ADMIN.username);
    await page.getByLabel("Kata sandi").fill(TEST_ADMIN.password);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(`${suite.app.url}/admin`);
    await page.goto(`${suite.app.url}/admin/catalog?device=10`);
    await expect(page.getByRole("navigation", { name: "Menu admin" }).getByRole("link", { name: "Katalog" }).count()).resolves.toBe(1);
    await expect(page.locator("h2#harga").textContent()).resolves.toBe("Harga iPhone X");
    await page.getByLabel("Harga Battery (Rp)").fill("85.000");
    await page.getByRole("button", { name: "Simpan harga Battery" }).click();
    await page.getByTestId("flash").filter({ hasText: "Harga Battery untuk iPhone X: Rp85.000." }).waitFor();
    await expect(page.getByLabel("Harga Battery (Rp)").inputValue()).resolves.toBe("85000");

    const home = await openPhonePage(suite.browser);
    await home.goto(`${suite.app.url}/`);
    const row = home.getByTestId("catalog").locator("tr", { has: home.locator('th:text-is("iPhone X")') });
    await expect(row.textContent()).resolves.toBe("iPhone XRp85.000Rp790.000–Rp70.000Rp560.000");

    const chat = await openPhonePage(suite.browser);
    await chat.goto(`${suite.app.url}/playground/chat`);
    await chat.getByRole("button", { name: "MULAI" }).click();
    await chat.getByLabel("Tulis pesan").fill("/catalog");
    await chat.getByRole("button", { name: "Kirim" }).click();
    const answer = chat.getByText(/Katalog servis Jiot Gadget Solution/);
    await answer.first().waitFor({ timeout: 20_000 });
    await chat.getByText(/Rp85\.000/).first().waitFor({ timeout: 20_000 });
  });

  it("a capacity below the places held is refused with the reason; settings change the home page", async () => {
    const page = await openDesktopPage(suite.browser);
    await page.goto(`${suite.app.url}/admin/login?next=/admin/schedule`);
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

    const home = await openPhonePage(suite.browser);
    await home.goto(`${suite.app.url}/`);
    await expect(home.locator("h1").textContent()).resolves.toBe("Jiot Gadget Bandung");
    await expect(home.locator("section", { has: home.locator("h2#jam") }).textContent()).resolves.toContain("20.00 - 21.00 WIB");
  });

  it("a price form works without JavaScript (save and remove), and the same form from another site changes nothing", async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.app.url}/admin/login?next=/admin/catalog`);
    await page.getByLabel("Nama pengguna").fill(TEST_ADMIN.username);
    await page.getByLabel("Kata sandi").fill(TEST_ADMIN.password);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(/\/admin\/catalog/);
    const catalog = `${suite.app.url}/admin/catalog?device=1`;
    await page.goto(catalog);
    await expect(page.locator("h2#harga").textContent()).resolves.toBe("Harga iPhone 5");
    const price = page.getByLabel("Harga Back Camera (Rp)");
    await expect(price.inputValue()).resolves.toBe("200000");

    // The fields the row's form posts (the server action's own hidden fields included), sent with the admin's cookie but another site's Origin.
    const row = page.locator("form", { has: page.getByRole("button", { name: "Simpan harga Back Camera" }) });
    const fields: Record<string, string> = { priceIdr: "1", active: "on" };
    for (const input of await row.locator("input[type=hidden]").all()) fields[(await input.getAttribute("name"))!] = (await input.getAttribute("value")) ?? "";
    const refused = await page.request.post(catalog, { multipart: fields, headers: { origin: "https://evil.example" } });
    expect(refused.status()).toBeGreaterThanOrEqual(400);
    await page.goto(catalog);
    await expect(price.inputValue()).resolves.toBe("200000");

    await price.fill("99.000");
    await page.getByRole("button", { name: "Simpan harga Back Camera" }).click();
    await page.getByTestId("flash").filter({ hasText: "Harga Back Camera untuk iPhone 5: Rp99.000." }).waitFor();
    await expect(price.inputValue()).resolves.toBe("99000");
    // A row's second button (Hapus) acts too; React returns its answer only to the form's own action, so here the page shows the change itself.
    await page.getByRole("button", { name: "Hapus harga Back Camera" }).click();
    await page.locator('input[aria-label="Harga Back Camera (Rp)"]:not([value])').waitFor();
    await context.close();
  });
});
