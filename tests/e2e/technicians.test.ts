// Technicians (issue 16) in a real browser: the owner's technician box, the order page's "Teknisi" select,
// and "Pekerjaan saya" on a technician's phone.
import path from "node:path";
import { eq } from "drizzle-orm";
import { setTechnicianDuty } from "@/db/queries/technicians";
import { orders } from "@/db/schema";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { EVERY_DAY_MASK } from "@/lib/booking/technicians";
import { registerAppSuite } from "@/tests/support/app-suite";
import { openDesktopPage, openPhonePage, pageWidth, signInToAdmin } from "@/tests/support/browser";
import { bookOrder } from "@/tests/support/payment-fixtures";

const OWNER = { username: "sari", password: "kata-sandi-toko-2026" };
const ANDI = { username: "teknisi.andi", password: "kata-sandi-andi-2026" };
const BAYU = { username: "teknisi.bayu", password: "kata-sandi-bayu-2026" };
const DEWI = { username: "dewi", password: "kata-sandi-dewi-2026" };
const SCREENSHOTS = path.join(process.cwd(), "public", "screenshots");
const today = todayInJakarta();
const tomorrow = addDays(today, 1);
let tomorrowsJob = { id: "", bookingCode: "" };
let sameSlotJob = "";

const suite = registerAppSuite({
  browser: true,
  prepare: async (db) => {
    await createOrResetAdmin(db, OWNER);
    const andi = await createOrResetAdmin(db, ANDI);
    const bayu = await createOrResetAdmin(db, BAYU);
    await createOrResetAdmin(db, DEWI);
    await setTechnicianDuty(db, { id: andi.id, technician: true, workingWeekdays: EVERY_DAY_MASK });
    await setTechnicianDuty(db, { id: bayu.id, technician: true, workingWeekdays: EVERY_DAY_MASK });
    // Andi's day: three jobs today (booked for tomorrow, then moved to today), one of them with a long complaint.
    const jobs = [
      { name: "Budi Santoso", fault: "Layar bergaris hijau setelah jatuh, sentuhan di pojok kanan atas tidak merespons sama sekali" },
      { name: "Siti Aminah", fault: null },
      { name: "Wulandari Kusumaningrum", fault: "Baterai cepat habis" },
    ];
    for (const [i, job] of jobs.entries()) {
      const order = await bookOrder(db, { chatId: 8200 + i, serviceDate: tomorrow, slotIndex: i });
      await db.update(orders).set({ serviceDate: today, technicianId: andi.id, customerName: job.name, faultDescription: job.fault }).where(eq(orders.id, order.id));
    }
    // Bayu's job today: not on Andi's phone.
    const bayus = await bookOrder(db, { chatId: 8210, serviceDate: tomorrow, slotIndex: 3 });
    await db.update(orders).set({ serviceDate: today, technicianId: bayu.id, customerName: "Pelanggan Bayu" }).where(eq(orders.id, bayus.id));
    // Tomorrow's booking, dealt to Andi at booking (lowest id): the order page moves it to Bayu.
    tomorrowsJob = await bookOrder(db, { chatId: 8220, serviceDate: tomorrow });
    // Another booking of tomorrow's first slot, with no technician yet.
    sameSlotJob = (await bookOrder(db, { chatId: 8221, serviceDate: tomorrow })).id;
    await db.update(orders).set({ technicianId: null }).where(eq(orders.id, sameSlotJob));
  },
});

describe("technicians in a real browser", () => {
  it("the owner marks Dewi as a technician working Monday to Friday in the staff page's technician box", async () => {
    const page = await openDesktopPage(suite.browser);
    await signInToAdmin(page, suite.app.url, OWNER);
    await page.goto(`${suite.app.url}/admin/staff`);
    const box = page.getByRole("form", { name: "Teknisi dewi" });
    await box.getByLabel("Teknisi", { exact: true }).check();
    for (const day of ["Sabtu", "Minggu"]) await box.getByLabel(`${day} dewi`).uncheck();
    await box.getByRole("button", { name: "Simpan teknisi dewi" }).click();
    await box.getByText("Hari kerja teknisi dewi disimpan.").waitFor();
    await page.reload();
    const saved = page.getByRole("form", { name: "Teknisi dewi" });
    await expect(saved.getByLabel("Teknisi", { exact: true }).isChecked()).resolves.toBe(true);
    await expect(saved.getByLabel("Senin dewi").isChecked()).resolves.toBe(true);
    await expect(saved.getByLabel("Minggu dewi").isChecked()).resolves.toBe(false);
    await page.locator("section", { has: page.getByRole("heading", { name: "Teknisi" }) }).screenshot({ path: path.join(SCREENSHOTS, "admin-staff-technicians.png") });
  });

  it("staff give tomorrow's order to Bayu with the order page's 'Teknisi' select; another order of that slot then marks Bayu busy, and choosing him is refused", async () => {
    const page = await openDesktopPage(suite.browser);
    await signInToAdmin(page, suite.app.url, OWNER);
    await page.goto(`${suite.app.url}/admin/orders/${tomorrowsJob.id}`);
    const select = page.getByRole("combobox", { name: "Teknisi" });
    await expect(select.inputValue()).resolves.not.toBe("");
    await select.selectOption({ label: "teknisi.bayu" });
    await page.getByRole("button", { name: "Ganti teknisi" }).click();
    await page.getByText("Teknisi pesanan diganti.").waitFor();
    await page.reload();
    await expect(page.locator("dl").innerText()).resolves.toMatch(/Teknisi\s+teknisi\.bayu/);

    await page.goto(`${suite.app.url}/admin/orders/${sameSlotJob}`);
    const busy = `teknisi.bayu — sudah ada job ${tomorrowsJob.bookingCode} di slot ini`;
    await expect(page.getByRole("combobox", { name: "Teknisi" }).locator("option").allTextContents()).resolves.toEqual(expect.arrayContaining(["teknisi.andi", busy]));
    await page.getByRole("combobox", { name: "Teknisi" }).selectOption({ label: busy });
    await page.getByRole("button", { name: "Ganti teknisi" }).click();
    await page.getByText(`teknisi.bayu sudah memegang pesanan ${tomorrowsJob.bookingCode} pada`).waitFor();
    await page.reload();
    await expect(page.locator("dl").innerText()).resolves.toMatch(/Teknisi\s+Belum ditentukan/);
  });

  it("on a 390 px phone Andi finds 'Pekerjaan saya' in the menu: his three jobs of today as cards, no sideways scrolling, each opens its order", async () => {
    const page = await openPhonePage(suite.browser);
    await signInToAdmin(page, suite.app.url, ANDI);
    await page.getByRole("link", { name: "Pekerjaan saya" }).first().click();
    await page.waitForURL(`${suite.app.url}/admin/my-jobs`);
    const cards = page.getByRole("list", { name: "Pekerjaan hari ini" }).getByRole("link");
    await expect(cards.count()).resolves.toBe(3);
    await expect(cards.nth(0).innerText()).resolves.toMatch(/09\.00 - 11\.00 WIB.*Budi Santoso/s);
    await expect(page.getByText("Pelanggan Bayu").count()).resolves.toBe(0);
    const box = await cards.nth(0).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SCREENSHOTS, "admin-my-jobs-phone.png"), fullPage: true });
    await cards.nth(1).click();
    await page.waitForURL(/\/admin\/orders\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: /^Pesanan \d{8}/ }).waitFor();
  });
});
