// Issue 16, branches: Hari ini of every branch, and the schedule and stock pages' branch choice (?cabang=), in a real browser.
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { addAdminToBranch, removeAdminFromBranch } from "@/db/queries/branches";
import { branches, FIRST_BRANCH_ID, orders, slots, type Order } from "@/db/schema";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { createBooking } from "@/lib/booking/create-booking";
import { DEMO_BRANCH, seedDemoBranch } from "@/lib/playground/demo-branch";
import { registerAppSuite } from "@/tests/support/app-suite";
import { openDesktopPage, signInToAdmin } from "@/tests/support/browser";
import { customerBooking } from "@/tests/support/payment-fixtures";

const ADMIN = { username: "sari", password: "kata-sandi-toko-2026" };
const STAFF = { username: "dewi", password: "kata-sandi-staf-2026" };
const SCREENSHOTS = path.join(process.cwd(), "public", "screenshots");
let depokId = 0;

/** Today's customers: [at Depok, the branch's slot index, name, what has happened to the order]. */
const TODAY: [boolean, number, string, Partial<Order>][] = [
  [false, 0, "Budi Santoso", { paymentStatus: "paid", repairStatus: "in_progress", paidAt: new Date() }],
  [false, 1, "Siti Aminah", {}],
  [true, 0, "Rizky Pratama", { paymentStatus: "paid", repairStatus: "received", paidAt: new Date() }],
  [true, 1, "Dewi Lestari", {}],
];

const suite = registerAppSuite({
  browser: true,
  prepare: async (db) => {
    await createOrResetAdmin(db, ADMIN); // the first admin is the owner
    const staff = await createOrResetAdmin(db, STAFF);
    await seedDemoBranch(db);
    const [depok] = await db.select().from(branches).where(eq(branches.name, DEMO_BRANCH.name));
    depokId = depok!.id;
    // Dewi works at Depok only.
    await addAdminToBranch(db, { adminId: staff.id, branchId: depokId });
    await removeAdminFromBranch(db, { adminId: staff.id, branchId: FIRST_BRANCH_ID });
    // Two customers of today at each branch (booked for a coming day, then moved to today).
    for (const [i, [atDepok, slotIndex, customerName, changes]] of TODAY.entries()) {
      const branchSlots = await db.select().from(slots).where(eq(slots.branchId, atDepok ? depokId : FIRST_BRANCH_ID)).orderBy(asc(slots.startTime));
      const booked = await createBooking(db, { ...customerBooking({ chatId: 8300 + i, slotId: branchSlots[slotIndex]!.id, serviceDate: addDays(todayInJakarta(), 2) }), customerName });
      if (!booked.ok) throw new Error(booked.reason);
      await db.update(orders).set({ serviceDate: todayInJakarta(), ...changes }).where(eq(orders.id, booked.order.id));
    }
  },
});

describe("Hari ini with two branches (desktop)", () => {
  it("the owner sees every branch's day by default: 'Semua cabang' chosen, each slot named by its branch", async () => {
    const page = await openDesktopPage(suite.browser);
    await signInToAdmin(page, suite.app.url, ADMIN);
    await page.goto(`${suite.app.url}/admin`);
    await page.getByRole("heading", { name: /^Hari ini, / }).waitFor();
    await expect(page.getByRole("form", { name: "Pilih cabang" }).getByLabel("Cabang").locator("option:checked").textContent()).resolves.toBe("Semua cabang");
    const headings = await page.locator("section h2").allTextContents();
    expect(headings.filter((h) => h.startsWith(`${DEMO_BRANCH.name} · `))).toEqual([
      `${DEMO_BRANCH.name} · 10.00 - 13.00 WIB (1 dari 1 terisi)`,
      `${DEMO_BRANCH.name} · 14.00 - 17.00 WIB (1 dari 1 terisi)`,
    ]);
    await page.getByText("Dewi Lestari").waitFor();
    await page.getByText("pendapatan hari ini (semua cabang)").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "admin-today-branches.png"), fullPage: true });
  });
});

describe("the per-branch admin pages in a real browser (desktop)", () => {
  it("the owner picks Depok on the schedule, adds a slot there, and receives goods on Depok's shelf", async () => {
    const page = await openDesktopPage(suite.browser);
    await signInToAdmin(page, suite.app.url, ADMIN);
    await page.goto(`${suite.app.url}/admin/schedule`);
    await page.getByLabel("Label 09.00 - 11.00 WIB").waitFor();
    const picker = page.getByRole("form", { name: "Pilih cabang" });
    await picker.getByLabel("Cabang").selectOption({ label: DEMO_BRANCH.name });
    await picker.getByRole("button", { name: "Tampilkan" }).click();
    await page.waitForURL(`${suite.app.url}/admin/schedule?cabang=${depokId}`);
    await page.getByLabel("Label 10.00 - 13.00 WIB").waitFor();
    await expect(page.getByLabel("Label 09.00 - 11.00 WIB").count()).resolves.toBe(0);

    await page.getByLabel("Label jam baru").fill("18.00 - 20.00 WIB");
    await page.getByLabel("Jam mulai jam baru").fill("18:00");
    await page.getByLabel("Jam selesai jam baru").fill("20:00");
    await page.getByRole("button", { name: "Tambah jam servis" }).click();
    await page.getByTestId("flash").filter({ hasText: 'Jam servis "18.00 - 20.00 WIB" ditambahkan.' }).waitFor();
    await page.getByLabel("Label 18.00 - 20.00 WIB").waitFor();

    await page.goto(`${suite.app.url}/admin/stock?cabang=${depokId}`);
    await page.getByLabel("Jumlah diterima", { exact: true }).fill("4");
    await page.getByRole("button", { name: "Terima barang part baru" }).click();
    await page.getByTestId("flash").filter({ hasText: /^4 unit .* diterima; di rak sekarang 4\.$/ }).waitFor();
    await page.goto(`${suite.app.url}/admin/stock`);
    await page.getByText("Belum ada stok yang dicatat.").waitFor();
  });

  it("the owner sets Depok's own price of an iPhone X battery on the catalog page, then charges the shared price again", async () => {
    const page = await openDesktopPage(suite.browser);
    await signInToAdmin(page, suite.app.url, ADMIN);
    await page.goto(`${suite.app.url}/admin/catalog?device=10&cabang=${depokId}`);
    await page.getByRole("heading", { name: `Harga iPhone X di ${DEMO_BRANCH.name}` }).waitFor();
    const own = page.getByLabel(`Harga Battery di ${DEMO_BRANCH.name} (Rp)`);
    await own.fill("60.000");
    await page.getByRole("button", { name: `Simpan harga Battery di ${DEMO_BRANCH.name}` }).click();
    await page.getByTestId("flash").filter({ hasText: `Harga Battery iPhone X di ${DEMO_BRANCH.name}: Rp60.000 (harga umum Rp70.000).` }).waitFor();
    await page.screenshot({ path: "/tmp/branch-admin-catalog.png", fullPage: true });
    await page.getByRole("button", { name: `Pakai harga umum untuk Battery di ${DEMO_BRANCH.name}` }).click();
    await page.getByTestId("flash").filter({ hasText: `${DEMO_BRANCH.name} memakai harga umum lagi untuk Battery iPhone X: Rp70.000.` }).waitFor();
    await expect(own.inputValue()).resolves.toBe("");
  });

  it("staff of Depok only open the stock page (no redirect) and see Depok's shelf, named, without a choice", async () => {
    const page = await openDesktopPage(suite.browser);
    await page.goto(`${suite.app.url}/admin/login?next=/admin/stock`);
    await page.getByLabel("Nama pengguna").fill(STAFF.username);
    await page.getByLabel("Kata sandi").fill(STAFF.password);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(`${suite.app.url}/admin/stock`);
    await page.getByText(`Cabang ${DEMO_BRANCH.name}`).waitFor();
    await expect(page.getByRole("form", { name: "Pilih cabang" }).count()).resolves.toBe(0);
    await page.getByText(/Di rak 4/).waitFor();

    // Their access matrix (one branch's is in admin-access.test.ts): the schedule is the owner's, payments are every branch's,
    // Hari ini is their branch's day (named, without the shop's money).
    await page.goto(`${suite.app.url}/admin/schedule`);
    await page.getByText("Halaman ini hanya untuk pemilik toko.").waitFor();
    expect(page.url()).toBe(`${suite.app.url}/admin/schedule`);
    await page.goto(`${suite.app.url}/admin?cabang=${FIRST_BRANCH_ID}`);
    await page.getByRole("heading", { name: /^Hari ini, / }).waitFor();
    await page.getByText(`Cabang ${DEMO_BRANCH.name}`).waitFor();
    await expect(page.getByText("pendapatan hari ini").count()).resolves.toBe(0);
    await page.goto(`${suite.app.url}/admin/payments`);
    await page.waitForURL(`${suite.app.url}/admin/orders`);
  });
});
