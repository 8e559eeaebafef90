// The printable job sheet and receipt (issue 14), printed to PDF by Chromium and read back as text.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext } from "playwright-core";
import { saveShopSettings } from "@/db/queries/settings";
import { orders, type Order } from "@/db/schema";
import { signIn } from "@/lib/admin/auth";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { addOrderNote } from "@/lib/admin/order-notes";
import { launchBrowser } from "@/tests/support/browser";
import { createFreshDatabase, openFreshDatabase, startNextApp, type FreshDatabase, type RunningApp } from "@/tests/support/next-app";
import { bookOrder } from "@/tests/support/payment-fixtures";

const run = promisify(execFile);
const SESSION_SECRET = "rahasia-sesi-admin-untuk-uji-cetak-0123456789";
const ADMIN = { username: "sari", password: "kata-sandi-toko-2026" };
const NOTE = "Catatan internal: jangan dicetak";
let database: FreshDatabase;
let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let paid: Order;
let unpaid: Order;

beforeAll(async () => {
  process.env.SESSION_SECRET = SESSION_SECRET;
  (await import("@/lib/env")).resetEnv();
  database = await createFreshDatabase();
  const handle = await openFreshDatabase(database);
  await saveShopSettings(handle.db, { shopName: "Jiot Gadget Solution", address: "Jl. Kaliurang Km 5 No. 12, Yogyakarta", phone: "+6281234567890" });
  await createOrResetAdmin(handle.db, ADMIN);
  const first = await bookOrder(handle.db, { chatId: 8801 });
  const [updated] = await handle.db
    .update(orders)
    .set({ customerName: "Wulandari", paymentStatus: "paid", paidAt: new Date("2026-12-05T03:15:00Z") })
    .where(eq(orders.id, first.id))
    .returning();
  paid = updated!;
  unpaid = await bookOrder(handle.db, { chatId: 8802, slotIndex: 1 });
  await addOrderNote(handle.db, { orderId: paid.id, body: NOTE, by: { username: "sari", ip: null } });
  const signedIn = await signIn(handle.db, { ...ADMIN, ip: null, userAgent: "jest" });
  if (signedIn.status !== "ok") throw new Error("sign-in failed");
  await handle.close();
  app = await startNextApp({ env: { ...database.env, SESSION_SECRET } });
  browser = await launchBrowser();
  context = await browser.newContext();
  await context.addCookies([{ name: "jiot_admin", value: signedIn.token, url: app.url }]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  delete process.env.SESSION_SECRET;
});

/** Prints the page to PDF as the browser's print dialog would, and returns the PDF's text, page by page. */
async function printedText(pagePath: string, format: { format: "A5" } | { width: string; height: string }): Promise<string[]> {
  const page = await context.newPage();
  await page.goto(`${app.url}${pagePath}`);
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ ...format, printBackground: true, preferCSSPageSize: false });
  await page.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jiot-pdf-")), "print.pdf");
  fs.writeFileSync(file, pdf);
  const { stdout } = await run(process.execPath, [path.join(__dirname, "..", "support", "pdf-text.mjs"), file]);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return JSON.parse(stdout) as string[];
}

describe("the printed job sheet and receipt", () => {
  it("the job sheet on A5: one page with the shop, the booking's facts and the signature lines, no internal note nor buttons", async () => {
    const pages = await printedText(`/admin/orders/${paid.id}/job-sheet`, { format: "A5" });
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    for (const fact of [
      "Jiot Gadget Solution",
      "Jl. Kaliurang Km 5 No. 12, Yogyakarta",
      "+62 812-3456-7890",
      "TANDA TERIMA SERVIS",
      paid.bookingCode,
      "Wulandari",
      "iPhone X",
      "Battery",
      "Rp70.000",
      "Lunas",
      "05/12/2026 10:15 WIB",
      "Pelanggan",
      "Petugas toko",
    ]) {
      expect(text).toContain(fact);
    }
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain("Cetak");
    expect(text).not.toContain("Kembali ke pesanan");
  });

  it("the receipt fits an 80 mm thermal roll once paid", async () => {
    const [text] = await printedText(`/admin/orders/${paid.id}/receipt?paper=80mm`, { width: "80mm", height: "200mm" });
    expect(text).toContain("KWITANSI");
    expect(text).toContain(paid.bookingCode);
    expect(text).toContain("Rp70.000");
  });

  it("an unpaid order has no receipt yet, and says so", async () => {
    const [text] = await printedText(`/admin/orders/${unpaid.id}/receipt`, { format: "A5" });
    expect(text).toContain("Kwitansi tersedia setelah pesanan lunas.");
    expect(text).not.toContain("Rp70.000");
  });

  it("without a session the job sheet goes to the login", async () => {
    const response = await fetch(`${app.url}/admin/orders/${paid.id}/job-sheet`, { redirect: "manual", headers: { accept: "text/html" } });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/admin/login");
  });
});
