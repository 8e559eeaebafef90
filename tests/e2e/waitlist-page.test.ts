import path from "node:path";
import { eq } from "drizzle-orm";
import { waitlist } from "@/db/schema";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { addDays, formatDateLong, todayInJakarta } from "@/lib/booking/calendar";
import { openDesktopPage, openPhonePage, pageWidth, signInToAdmin } from "@/tests/support/browser";
import { registerAppSuite } from "@/tests/support/app-suite";
import { waitFor } from "@/tests/support/waitlist-fixtures";

const ADMIN = { username: "sari", password: "kata-sandi-toko-2026" };
const SCREENSHOTS = path.join(process.cwd(), "public", "screenshots");
const tomorrow = addDays(todayInJakarta(), 1);
const nextWeek = addDays(todayInJakarta(), 7);

const suite = registerAppSuite({
  browser: true,
  prepare: async (db) => {
    await createOrResetAdmin(db, ADMIN);
    await waitFor(db, 8101, tomorrow);
    await waitFor(db, 8102, tomorrow);
    await waitFor(db, 8103, nextWeek);
    await db.update(waitlist).set({ customerName: "Budi Santoso", telegramUsername: "budi_s" }).where(eq(waitlist.chatId, 8101));
    await db.update(waitlist).set({ customerName: "Siti Aminah", state: "cancelled" }).where(eq(waitlist.chatId, 8102));
  },
});

describe("the waitlist page in a real browser", () => {
  it.each([
    ["desktop", openDesktopPage, 1280],
    ["phone", openPhonePage, 390],
  ] as const)("%s: each coming day in queue order with who waits and their state, no sideways scrolling", async (name, open, width) => {
    const page = await open(suite.browser);
    await signInToAdmin(page, suite.app.url, ADMIN);
    await page.getByRole("link", { name: "Daftar tunggu" }).first().click();
    await page.waitForURL(`${suite.app.url}/admin/waitlist`);
    const firstDay = page.locator("section", { has: page.getByRole("heading", { name: `${formatDateLong(tomorrow)} (1 menunggu)` }) });
    await firstDay.waitFor();
    const rows = firstDay.locator("tbody tr");
    await expect(rows.count()).resolves.toBe(2);
    // Tomorrow has free places, so the due-work sweep may already have offered one to the first in line.
    await expect(rows.nth(0).innerText()).resolves.toMatch(/1\s+Budi Santoso \(@budi_s\).*(Menunggu|Ditawari tempat \d\d\.\d\d - \d\d\.\d\d WIB s\.d\.)/s);
    await expect(rows.nth(1).innerText()).resolves.toMatch(/2\s+Siti Aminah.*Keluar/s);
    await page.getByRole("heading", { name: `${formatDateLong(nextWeek)} (1 menunggu)` }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
    if (name === "phone") await page.screenshot({ path: path.join(SCREENSHOTS, "admin-waitlist-phone.png"), fullPage: true });
  });
});
