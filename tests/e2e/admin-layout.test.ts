import path from "node:path";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { saveStaffChats } from "@/db/queries/staff-chats";
import { auditLog, orders, type Order } from "@/db/schema";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { recordCashPayment } from "@/lib/admin/order-actions";
import { addDays, todayInJakarta, wibInstant } from "@/lib/booking/calendar";
import { openDesktopPage, openPhonePage, pageWidth, policyViolations, signInToAdmin } from "@/tests/support/browser";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerAppSuite } from "@/tests/support/app-suite";

// Issue 17: what a shop owner tripped over in the admin, on a phone (390 px) and a desktop (1280 px).
const ADMIN = { username: "sari", password: "kata-sandi-toko-2026" };
/** Signs in only in the login test, so its wrong tries do not slow the others down. */
const LOGIN_ADMIN = { username: "rina", password: "sandi-rina-yang-panjang" };
/** A staff account and a linked staff chat, for the staff page's destructive buttons. */
const STAFF = { username: "dewi", password: "sandi-dewi-yang-panjang" };
const STAFF_CHAT = -1004242;
const SCREENSHOTS = path.join(process.cwd(), "public", "screenshots");
type Role = "paid" | "early" | "today" | "cancel" | "earlyWide" | "todayWide" | "cancelWide" | "cashPaid";
const order: Record<Role, Order> = {} as never;
/** The orders each width's copy of a test works on (each test changes its order). */
const AT: Record<number, { early: Role; today: Role; cancel: Role }> = {
  390: { early: "early", today: "today", cancel: "cancel" },
  1280: { early: "earlyWide", today: "todayWide", cancel: "cancelWide" },
};

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
    await createOrResetAdmin(db, STAFF);
    await saveStaffChats(db, [STAFF_CHAT]);
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
    order.earlyWide = await book(8007, addDays(today, 3), { paymentStatus: "paid", paidAt: new Date() });
    order.todayWide = await book(8010, today, { paymentStatus: "paid", paidAt: new Date() });
    order.cancelWide = await book(8005, addDays(today, 1), {});
    order.cashPaid = await book(8012, addDays(today, 2), {});
    await recordCashPayment(db, { orderId: order.cashPaid.id, by: { username: ADMIN.username, ip: null } });
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
/** The shop's "bad" red (--bad): the danger buttons' background, the removal buttons' text. */
const BAD_RED = "rgb(185, 28, 28)";
/** Parts of the open confirmation that reach past the screen's right edge. */
const dialogOverflow = (page: Page) =>
  page.getByRole("alertdialog").evaluate((dialog) => {
    const right = document.documentElement.clientWidth;
    return [dialog, ...dialog.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > right + 1).map((el) => el.outerHTML.slice(0, 80));
  });
/** Elements whose content is wider than their own box (form fields aside: long values scroll inside them by design). */
const overflowingBoxes = (page: Page) =>
  page.locator("body").evaluate((body) =>
    [...body.querySelectorAll("*")]
      .filter((el) => !["INPUT", "SELECT", "TEXTAREA", "OPTION"].includes(el.tagName) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
  );

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
  });
});

describe.each([
  ["a phone", openPhonePage, 390],
  ["a desktop", openDesktopPage, 1280],
])("the admin's controls on %s", (_name, open, width) => {
  const at = AT[width]!;

  it("'Batalkan pesanan' is red, unlike ordinary buttons, and cancels only after a second 'yes'", async () => {
    const cancel = order[at.cancel];
    const page = await open(suite.browser);
    await signIn(page);
    await page.goto(`${suite.app.url}/admin/orders/${cancel.id}`);
    const danger = await backgroundOf(page, "Batalkan pesanan");
    expect(danger).not.toBe(await backgroundOf(page, "Jadwalkan ulang"));
    expect(danger).toBe(BAD_RED);

    await page.getByRole("button", { name: "Batalkan pesanan", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.innerText()).resolves.toContain(`Batalkan pesanan ${cancel.bookingCode}?`);
    expect(await dialogOverflow(page)).toEqual([]);
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
  });

  it("a move that skips steps or comes before the service date waits for a confirmation; the customer hears nothing before it", async () => {
    const [early, today] = [order[at.early], order[at.today]];
    const page = await open(suite.browser);
    await signIn(page);
    await page.goto(`${suite.app.url}/admin/orders/${early.id}`);
    await page.getByRole("button", { name: "Siap diambil", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    const question = await dialog.innerText();
    expect(question).toContain('Langkah "Perangkat diterima" dan "Sedang dikerjakan" terlewati.');
    expect(question).toMatch(/Jadwal servisnya baru \d\d\/\d\d\/\d{4}\./);
    expect(await dialogOverflow(page)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(customerMessages(early.chatId!)).toHaveLength(0);
    await page.getByRole("button", { name: "Ya, ubah ke Siap diambil" }).click();
    await page.getByRole("status").filter({ hasText: "Siap diambil" }).waitFor();
    await suite.tg.waitFor(() => customerMessages(early.chatId!).length === 1, 20_000);

    // The plain next step on the service day goes at once.
    await page.goto(`${suite.app.url}/admin/orders/${today.id}`);
    await page.getByRole("button", { name: "Perangkat diterima", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Perangkat diterima" }).waitFor();
    expect(await page.getByRole("alertdialog").count()).toBe(0);
  });

  it("a wrong password keeps the username, says so, and puts the cursor in the password; each try shows", async () => {
    const page = await open(suite.browser);
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
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
  });
});

describe("the admin's other controls", () => {
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
  });
});

describe("the order lists on a phone (390 px)", () => {
  it.each(["/admin/orders", "/admin"])("%s shows the orders as cards: no column headings, one block per order, nothing wider than its box", async (url) => {
    const page = await openPhonePage(suite.browser);
    await signIn(page);
    await page.goto(`${suite.app.url}${url}`);
    const table = page.locator("table").first();
    expect(await table.locator("thead").isVisible()).toBe(false);
    const layout = await table.evaluate((t) => {
      const wrap = t.parentElement!;
      const rows = [...t.querySelectorAll("tbody tr")];
      return {
        rows: rows.length,
        display: [...new Set(rows.map((row) => getComputedStyle(row).display))],
        labelled: rows.every((row) => [...row.querySelectorAll("td")].every((td) => getComputedStyle(td, "::before").content !== "none")),
        tableFitsItsBox: t.scrollWidth <= wrap.clientWidth,
      };
    });
    expect(layout).toEqual({ rows: layout.rows, display: ["block"], labelled: true, tableFitsItsBox: true });
    expect(layout.rows).toBeGreaterThan(0);
    expect(await overflowingBoxes(page)).toEqual([]);
  });
});

/** Each destructive button outside the order page's cancel: where it is, its name, and what its question says. */
const DESTRUCTIVE: { what: string; url: () => string; button: () => string; question: () => RegExp }[] = [
  {
    what: "schedule: cancel one order of a date being closed",
    url: () => `/admin/schedule?closing=${order.earlyWide.serviceDate}&reason=Libur`,
    button: () => `Batalkan ${order.earlyWide.bookingCode}`,
    question: () => new RegExp(`^Batalkan pesanan ${order.earlyWide.bookingCode}\\?`),
  },
  {
    what: "schedule: cancel every order of the date and close it",
    url: () => `/admin/schedule?closing=${order.earlyWide.serviceDate}&reason=Libur`,
    button: () => "Batalkan semua & tutup",
    question: () => /^Batalkan \d+ pesanan pada .+ dan tutup tanggalnya\?/,
  },
  { what: "catalog: remove a device", url: () => "/admin/catalog", button: () => "Hapus iPhone X", question: () => /^Hapus iPhone X\?/ },
  { what: "staff: deactivate an account", url: () => "/admin/staff", button: () => `Nonaktifkan ${STAFF.username}`, question: () => new RegExp(`^Nonaktifkan ${STAFF.username}\\?`) },
  { what: "staff: stop sending to a chat", url: () => "/admin/staff", button: () => `Berhenti kirim ke chat ${STAFF_CHAT}`, question: () => /^Berhenti kirim pemberitahuan ke chat/ },
  { what: "webhooks: remove the webhook", url: () => "/admin/webhooks", button: () => "Hapus webhook", question: () => /^Hapus webhook\?/ },
  {
    what: "refund: mark money as given back by hand",
    url: () => `/admin/orders/${order.cashPaid.id}`,
    button: () => "Tandai sudah dikembalikan manual",
    question: () => new RegExp(`^Tandai pesanan ${order.cashPaid.bookingCode} sudah dikembalikan manual`),
  },
];

describe("destructive buttons look destructive and ask first; 'Tidak jadi' changes nothing", () => {
  it.each(DESTRUCTIVE)("$what", async ({ url, button, question }) => {
    const page = await openPhonePage(suite.browser);
    await signIn(page);
    await page.goto(`${suite.app.url}${url()}`);
    const before = await page.locator("body").innerText();
    const calls = suite.tg.calls.length;
    const target = page.getByRole("button", { name: button(), exact: true });
    const look = await target.evaluate((el) => ({ color: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor }));
    expect([look.color, look.background]).toContain(BAD_RED);

    await target.click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.locator("p").innerText()).resolves.toMatch(question());
    await expect(dialog.getByRole("button").first().evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(BAD_RED);
    expect(await dialogOverflow(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Tidak jadi" }).click();
    await dialog.waitFor({ state: "detached" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(page.url()).toBe(`${suite.app.url}${url()}`);
    await page.reload();
    expect(await page.locator("body").innerText()).toBe(before);
    // Nothing sent or changed at Telegram (reading the webhook's state is how its page shows).
    expect(suite.tg.calls.slice(calls).map((c) => c.method).filter((method) => !method.startsWith("get"))).toEqual([]);
  });
});

describe("a destructive button's 'yes' still does what the button did", () => {
  const cases = [
    {
      what: "schedule: one order of a closing date cancelled (a plain form: the 'yes' carries the op)",
      url: () => `/admin/schedule?closing=${order.earlyWide.serviceDate}&reason=Libur`,
      button: () => `Batalkan ${order.earlyWide.bookingCode}`,
      yes: () => `Ya, batalkan ${order.earlyWide.bookingCode}`,
      done: async (page: Page) => {
        await page.getByRole("button", { name: `Batalkan ${order.earlyWide.bookingCode}`, exact: true }).waitFor({ state: "detached" });
        await suite.tg.waitFor(() => customerMessages(order.earlyWide.chatId!).some((c) => String(c.params.text).includes("dibatalkan")), 20_000);
      },
    },
    {
      what: "staff: a chat no longer sent to (a server action)",
      url: () => "/admin/staff",
      button: () => `Berhenti kirim ke chat ${STAFF_CHAT}`,
      yes: () => "Ya, berhenti kirim",
      done: (page: Page) => page.getByRole("button", { name: `Berhenti kirim ke chat ${STAFF_CHAT}`, exact: true }).waitFor({ state: "detached" }),
    },
    {
      what: "webhooks: the webhook removed at Telegram",
      url: () => "/admin/webhooks",
      button: () => "Hapus webhook",
      yes: () => "Ya, hapus webhook",
      done: () => suite.tg.waitFor((calls) => calls.some((c) => c.method === "deleteWebhook"), 20_000),
    },
  ];

  it.each(cases)("$what", async ({ url, button, yes, done }) => {
    const page = await openDesktopPage(suite.browser);
    await signIn(page);
    await page.goto(`${suite.app.url}${url()}`);
    await page.getByRole("button", { name: button(), exact: true }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: yes(), exact: true }).click();
    await done(page);
  });
});

describe("the pages under their content security policy", () => {
  it("the browser refused nothing they needed", () => {
    expect(policyViolations).toEqual([]);
  });
});
