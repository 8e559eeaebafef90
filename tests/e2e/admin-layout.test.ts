import path from "node:path";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { auditLog, orders, type Order } from "@/db/schema";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { addDays, todayInJakarta, wibInstant } from "@/lib/booking/calendar";
import { openDesktopPage, openPhonePage, pageWidth, policyViolations, signInToAdmin } from "@/tests/support/browser";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerAppSuite } from "@/tests/support/app-suite";

// Issue 17: what a shop owner tripped over in the admin, on a phone (390 px) and a desktop (1280 px).
const ADMIN = { username: "sari", password: "kata-sandi-toko-2026" };
/** Signs in only in the login test, so its wrong tries do not slow the others down. */
const LOGIN_ADMIN = { username: "rina", password: "sandi-rina-yang-panjang" };
const SCREENSHOTS = path.join(process.cwd(), "public", "screenshots");
const order: Record<"paid" | "early" | "today" | "cancel", Order> = {} as never;

/** A Midtrans notification as an older version stored it in the audit log: whole, signature included. */
const OLD_NOTIFICATION = {
  order_id: "x-1",
  status_code: "200",
  gross_amount: "70000.00",
  signature_key: "d3adb33f".repeat(16),
  payment_type: "bank_transfer",
  transaction_status: "settlement",
  va_numbers: [{ bank: "bca", va_number: "12345100000099" }],
};

const suite = registerAppSuite({
  browser: true,
  prepare: async (db) => {
    await createOrResetAdmin(db, ADMIN);
    await createOrResetAdmin(db, LOGIN_ADMIN);
    const today = todayInJakarta();
    // Booked at midnight WIB, so today's slots are bookable whatever the hour the suite runs at.
    const book = async (chatId: number, serviceDate: string, changes: Partial<Order>) => {
      const booked = await bookOrder(db, { chatId, serviceDate, slotIndex: chatId % 4, bookedAt: wibInstant(today, "00:00") });
      const [updated] = await db.update(orders).set({ customerName: `Pelanggan ${chatId}`, ...changes }).where(eq(orders.id, booked.id)).returning();
      return updated!;
    };
    order.paid = await book(8001, today, { paymentStatus: "paid", paidAt: new Date() });
    order.early = await book(8002, addDays(today, 3), { paymentStatus: "paid", paidAt: new Date() });
    // Paid, so no hold of its (which may end at a slot already begun) runs out during the run.
    order.today = await book(8003, today, { paymentStatus: "paid", paidAt: new Date() });
    order.cancel = await book(8004, addDays(today, 1), {});
    await db.insert(auditLog).values([
      {
        actor: "midtrans",
        entity: "order",
        entityId: order.paid.id,
        action: "payment.status_changed",
        before: { paymentStatus: "pending", transactionStatus: "pending" },
        after: { verdict: "applied", source: "notification", paymentStatus: "paid", transactionStatus: "settlement", notification: OLD_NOTIFICATION },
      },
      { actor: "sari", entity: "order", entityId: order.paid.id, action: "order.repair_status", before: { repairStatus: "booked" }, after: { repairStatus: "received" } },
    ]);
    await db.update(orders).set({ repairStatus: "received" }).where(eq(orders.id, order.paid.id));
  },
});

const signIn = (page: Page, admin = ADMIN) => signInToAdmin(page, suite.app.url, admin);
const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);
const backgroundOf = (page: Page, name: string) =>
  page.getByRole("button", { name, exact: true }).evaluate((button) => getComputedStyle(button).backgroundColor);
const customerMessages = (chatId: number) => suite.tg.callsOf("sendMessage").filter((c) => c.params.chat_id === chatId);

const PAGES = ["/admin", "/admin/orders", "/admin/orders?payment=partially_refunded", "ORDER", "/admin/payments", "/admin/catalog", "/admin/schedule"];

describe.each([
  ["a phone", openPhonePage, 390],
  ["a desktop", openDesktopPage, 1280],
])("the admin on %s", (_name, open, width) => {
  it(`no page is wider than the screen (${width} px)`, async () => {
    const page = await open(suite.browser);
    await signIn(page);
    const widths: Record<string, number> = {};
    for (const path of PAGES) {
      await page.goto(`${suite.app.url}${path === "ORDER" ? `/admin/orders/${order.paid.id}` : path}`);
      widths[path] = await pageWidth(page);
    }
    expect(Object.entries(widths).filter(([, w]) => w > width)).toEqual([]);
    // The payment filter (long status names) stays inside its card.
    await page.goto(`${suite.app.url}/admin/orders`);
    const [select, card] = await Promise.all([page.getByLabel("Pembayaran").boundingBox(), page.getByRole("search").boundingBox()]);
    expect(select!.x + select!.width).toBeLessThanOrEqual(card!.x + card!.width);
    if (width === 390) await page.screenshot({ path: path.join(SCREENSHOTS, "admin-orders-phone.png"), fullPage: true });
    await page.context().close();
  });

  it("an order's page is as tall as what it shows, and its history reads as sentences, the raw data folded away", async () => {
    const page = await open(suite.browser);
    await signIn(page);
    await page.goto(`${suite.app.url}/admin/orders/${order.paid.id}`);
    const history = page.getByTestId("order-history");
    const lines = await history.locator("li").evaluateAll((items) => items.map((li) => (li as HTMLElement).innerText.split("\n")[0]));
    expect(lines).toEqual([
      expect.stringMatching(/^\d\d\/\d\d \d\d:\d\d — Pelanggan \(Telegram\): Booking dibuat: Battery – iPhone X, /),
      expect.stringMatching(/^\d\d\/\d\d \d\d:\d\d — Pembayaran diterima \(BCA VA\)$/),
      expect.stringMatching(/^\d\d\/\d\d \d\d:\d\d — sari: status → Perangkat diterima$/),
    ]);
    // No JSON on the page until a "Detail" is opened, and never Midtrans' signature.
    expect(await page.locator("main, body").first().innerText()).not.toMatch(/[{}]|"paymentStatus"/);
    expect(await page.content()).not.toContain("signature_key");
    const detail = history.locator("details").nth(1);
    await detail.locator("summary").click();
    expect(await detail.locator("pre").innerText()).toContain('"va_number": "12345100000099"');
    if (width === 390) {
      expect(await pageHeight(page)).toBeLessThan(4000);
      await page.screenshot({ path: path.join(SCREENSHOTS, "admin-order-detail-phone.png"), fullPage: true });
    }
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
    await page.context().close();
  });
});

describe("the admin's controls", () => {
  it("'Batalkan pesanan' is red, unlike ordinary buttons, and cancels only after a second 'yes'", async () => {
    const page = await openPhonePage(suite.browser);
    await signIn(page);
    await page.goto(`${suite.app.url}/admin/orders/${order.cancel.id}`);
    const danger = await backgroundOf(page, "Batalkan pesanan");
    expect(danger).not.toBe(await backgroundOf(page, "Jadwalkan ulang"));
    expect(danger).toBe("rgb(185, 28, 28)");

    await page.getByRole("button", { name: "Batalkan pesanan", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.innerText()).resolves.toContain(`Batalkan pesanan ${order.cancel.bookingCode}?`);
    await page.getByRole("button", { name: "Tidak jadi" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.reload();
    await expect(page.locator("h1").innerText()).resolves.toContain("Terjadwal");

    await page.getByRole("button", { name: "Batalkan pesanan", exact: true }).click();
    expect(await backgroundOf(page, "Ya, batalkan pesanan")).toBe(danger);
    await page.getByRole("button", { name: "Ya, batalkan pesanan" }).click();
    // The page re-renders with the order cancelled (its cancel form gone with it).
    await page.locator("h1", { hasText: "Dibatalkan" }).waitFor();
    await page.reload();
    await expect(page.locator("h1").innerText()).resolves.toContain("Dibatalkan");
    await page.context().close();
  });

  it("a move that skips steps or comes before the service date waits for a confirmation; the customer hears nothing before it", async () => {
    const page = await openDesktopPage(suite.browser);
    await signIn(page);
    await page.goto(`${suite.app.url}/admin/orders/${order.early.id}`);
    await page.getByRole("button", { name: "Siap diambil", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    const question = await dialog.innerText();
    expect(question).toContain('Langkah "Perangkat diterima" dan "Sedang dikerjakan" terlewati.');
    expect(question).toMatch(/Jadwal servisnya baru \d\d\/\d\d\/\d{4}\./);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(customerMessages(order.early.chatId!)).toHaveLength(0);
    await page.getByRole("button", { name: "Ya, ubah ke Siap diambil" }).click();
    await page.getByRole("status").filter({ hasText: "Siap diambil" }).waitFor();
    await suite.tg.waitFor(() => customerMessages(order.early.chatId!).length === 1, 20_000);

    // The plain next step on the service day goes at once.
    await page.goto(`${suite.app.url}/admin/orders/${order.today.id}`);
    await page.getByRole("button", { name: "Perangkat diterima", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Perangkat diterima" }).waitFor();
    expect(await page.getByRole("alertdialog").count()).toBe(0);
    await page.context().close();
  });

  it("a wrong password keeps the username, says so, and puts the cursor in the password; each try shows", async () => {
    const page = await openPhonePage(suite.browser);
    await page.goto(`${suite.app.url}/admin/login`);
    await page.getByLabel("Nama pengguna").fill(LOGIN_ADMIN.username);
    await page.getByLabel("Kata sandi").fill("bukan-sandinya");
    await page.getByRole("button", { name: "Masuk" }).click();
    const alert = page.getByRole("alert");
    await alert.filter({ hasText: "Nama pengguna atau kata sandi salah" }).waitFor();
    await expect(page.getByLabel("Nama pengguna").inputValue()).resolves.toBe(LOGIN_ADMIN.username);
    await expect(page.getByLabel("Kata sandi").inputValue()).resolves.toBe("");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("password");

    // The second try is typed straight into the focused password field and answered with a new alert.
    await page.keyboard.type("lagi-salah");
    await page.keyboard.press("Enter");
    await page.locator('[role="alert"][data-attempt="2"]').waitFor();
    await expect(page.getByLabel("Nama pengguna").inputValue()).resolves.toBe(LOGIN_ADMIN.username);
    await page.getByLabel("Kata sandi").fill(LOGIN_ADMIN.password);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(`${suite.app.url}/admin`);
    await page.context().close();
  });

  it("the revenue chart fills its panel on a desktop", async () => {
    const page = await openDesktopPage(suite.browser);
    await signIn(page);
    const chart = page.getByTestId("revenue-chart");
    const [box, panel] = await Promise.all([
      chart.boundingBox(),
      chart.evaluate((el) => {
        const section = el.closest("section")!;
        const style = getComputedStyle(section);
        return section.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      }),
    ]);
    expect(panel).toBeGreaterThan(900);
    expect(box!.width).toBeGreaterThanOrEqual(panel - 1);
    await page.context().close();
  });
});

describe("the pages under their content security policy", () => {
  it("the browser refused nothing they needed", () => {
    expect(policyViolations).toEqual([]);
  });
});
