import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { orders, type Order } from "@/db/schema";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { policyViolations, openDesktopPage } from "@/tests/support/browser";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerAppSuite } from "@/tests/support/app-suite";

const booked: Order[] = [];
const ADMIN = { username: "sari", password: "kata-sandi-toko-2026" };
const SCREENSHOTS = path.join(process.cwd(), "public", "screenshots");

const CUSTOMERS: [string, string, Partial<Order>][] = [
  ["Budi Santoso", "budi_s", { paymentStatus: "paid", repairStatus: "received" }],
  ["Siti Aminah", "siti_a", { paymentStatus: "paid", repairStatus: "in_progress" }],
  ["Rizky Pratama", "rizkyp", {}],
  ["Dewi Lestari", "dewi_l", { paymentStatus: "paid", repairStatus: "ready" }],
  ["Agus Wijaya", "aguswj", { paymentStatus: "expired", repairStatus: "cancelled" }],
  ["Putri Maharani", "putrim", { paymentStatus: "paid" }],
];

const suite = registerAppSuite({
  browser: true,
  prepare: async (db) => {
    await createOrResetAdmin(db, ADMIN);
    for (const [i, [name, username, changes]] of CUSTOMERS.entries()) {
      const order = await bookOrder(db, { chatId: 7000 + i, slotIndex: i % 4, serviceDate: addDays(todayInJakarta(), 1 + (i % 2)) });
      // Half of them come today: the schedule shows them by slot.
      const paidAt = changes.paymentStatus === "paid" ? new Date(Date.now() - (i % 3) * 86_400_000) : null;
      const [updated] = await db
        .update(orders)
        .set({ customerName: name, telegramUsername: username, serviceDate: i % 2 === 0 ? todayInJakarta() : order.serviceDate, paidAt, ...changes })
        .where(eq(orders.id, order.id))
        .returning();
      booked.push(updated!);
    }
  },
});

async function logIn(page: Page, password = ADMIN.password) {
  await page.getByLabel("Nama pengguna").fill(ADMIN.username);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

describe("the admin dashboard in a real browser", () => {
  it("a page without a session goes to the login, and back to the page after signing in", async () => {
    const page = await openDesktopPage(suite.browser);
    await page.goto(`${suite.app.url}/admin/orders`);
    expect(new URL(page.url()).pathname).toBe("/admin/login");
    expect((await page.request.get(`${suite.app.url}/admin/orders/export`)).status()).toBe(401);
    await logIn(page);
    await page.waitForURL(`${suite.app.url}/admin/orders`);
    await page.getByRole("heading", { name: "Pesanan" }).waitFor();
    await page.getByRole("link", { name: "Hari ini" }).click();
    await page.waitForURL(`${suite.app.url}/admin`);
    await page.getByRole("heading", { name: /^Hari ini/ }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "admin-today.png"), fullPage: true });
    expect(await page.locator("main, body").first().textContent()).toContain("Budi Santoso");
  });

  it("finds an order by code, moves it to 'Siap diambil', and the customer's message reaches Telegram", async () => {
    const page = await openDesktopPage(suite.browser);
    await page.goto(`${suite.app.url}/admin/login`);
    await logIn(page);
    await page.waitForURL(`${suite.app.url}/admin`);
    await page.getByRole("link", { name: "Pesanan", exact: true }).click();
    await page.waitForURL(`${suite.app.url}/admin/orders`);
    await page.screenshot({ path: path.join(SCREENSHOTS, "admin-orders.png"), fullPage: true });
    const order = booked[1]!;
    await page.getByLabel("Cari").fill(order.bookingCode);
    await page.getByRole("button", { name: "Terapkan" }).click();
    await page.waitForURL(/q=/);
    const rows = page.locator("tbody tr");
    expect(await rows.count()).toBe(1);
    await page.getByRole("link", { name: order.bookingCode }).click();
    await page.waitForURL(`${suite.app.url}/admin/orders/${order.id}`);
    // Its service date is still ahead: the move asks first (tests/e2e/admin-layout.test.ts has the details).
    await page.getByRole("button", { name: "Siap diambil", exact: true }).click();
    await page.getByRole("button", { name: "Ya, ubah ke Siap diambil" }).click();
    await page.getByRole("status").filter({ hasText: "Siap diambil" }).waitFor();
    await suite.tg.waitFor((calls) => calls.some((c) => c.method === "sendMessage" && c.params.chat_id === order.chatId), 20_000);
    const sent = suite.tg.callsOf("sendMessage").find((c) => c.params.chat_id === order.chatId)!;
    expect(String(sent.params.text)).toContain("Status perbaikan: Siap diambil"); // the status page's words (issue 17)
    await page.reload();
    await page.getByTestId("order-history").locator("li", { hasText: `${ADMIN.username}: status → Siap diambil` }).waitFor();
    expect(await page.getByRole("button", { name: "Siap diambil" }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "admin-order-detail.png"), fullPage: true });

    const csv = await page.request.get(`${suite.app.url}/admin/orders/export?payment=paid`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toContain("booking_code,created_wib,service_date");
    expect(lines).toHaveLength(1 + CUSTOMERS.filter(([, , c]) => c.paymentStatus === "paid").length);
  });

  it("an order action works without JavaScript, and the same form posted from a foreign origin changes nothing", async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.app.url}/admin/login`);
    await logIn(page);
    await page.waitForURL(`${suite.app.url}/admin`);
    const [forged, plain] = [booked[2]!, booked[5]!];

    // The same fields the form would post, sent with the admin's cookie but another site's Origin.
    await page.goto(`${suite.app.url}/admin/orders/${forged.id}`);
    const form = page.locator("form", { has: page.getByRole("button", { name: "Perangkat diterima" }) });
    const fields: Record<string, string> = { status: "received" };
    for (const input of await form.locator("input[type=hidden]").all()) fields[(await input.getAttribute("name"))!] = (await input.getAttribute("value")) ?? "";
    const refused = await page.request.post(`${suite.app.url}/admin/orders/${forged.id}`, { multipart: fields, headers: { origin: "https://evil.example" } });
    expect(refused.status()).toBeGreaterThanOrEqual(400);
    await page.goto(`${suite.app.url}/admin/orders/${forged.id}`);
    await expect(page.locator("h1").textContent()).resolves.toContain("Terjadwal");
    // The very same request from the app's own origin goes through: it was the Origin that was refused.
    const accepted = await page.request.post(`${suite.app.url}/admin/orders/${forged.id}`, { multipart: fields, headers: { origin: suite.app.url } });
    expect(accepted.status()).toBe(200);
    await page.goto(`${suite.app.url}/admin/orders/${forged.id}`);
    await expect(page.locator("h1").textContent()).resolves.toContain("Perangkat diterima");

    await page.goto(`${suite.app.url}/admin/orders/${plain.id}`);
    await page.getByRole("button", { name: "Perangkat diterima" }).click();
    await page.waitForLoadState();
    await page.goto(`${suite.app.url}/admin/orders/${plain.id}`);
    await expect(page.locator("h1").textContent()).resolves.toContain("Perangkat diterima");
    await context.close();
  });

  it("signing out ends the session; five wrong passwords slow the next tries down", async () => {
    const page = await openDesktopPage(suite.browser);
    await page.goto(`${suite.app.url}/admin/login`);
    await logIn(page);
    await page.waitForURL(`${suite.app.url}/admin`);
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL(/\/admin\/login/);
    await page.goto(`${suite.app.url}/admin/payments`);
    expect(new URL(page.url()).pathname).toBe("/admin/login");

    for (let left = 4; left >= 0; left--) {
      await logIn(page, `salah-${left}-sandi`);
      await page.getByRole("alert").filter({ hasText: left > 0 ? `Sisa ${left} percobaan` : "Percobaan berikutnya diperlambat" }).waitFor();
    }
    await logIn(page);
    await page.getByRole("alert").filter({ hasText: "Terlalu banyak percobaan" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/login");
  });
});

afterAll(() => {
  expect(fs.existsSync(path.join(SCREENSHOTS, "admin-today.png"))).toBe(true);
});

describe("the pages under their content security policy", () => {
  it("the browser refused nothing they needed (scripts, Snap's frame, the playground)", () => {
    expect(policyViolations).toEqual([]);
  });
});
