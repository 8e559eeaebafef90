import path from "node:path";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { seedDemoBranch } from "@/lib/playground/demo-branch";
import { openDesktopPage, openPhonePage, pageWidth, signInToAdmin } from "@/tests/support/browser";
import { registerAppSuite } from "@/tests/support/app-suite";

const ADMIN = { username: "sari", password: "kata-sandi-toko-2026" };
const STAFF = { username: "dewi", password: "kata-sandi-staf-2026" };
const SCREENSHOTS = path.join(process.cwd(), "public", "screenshots");

const suite = registerAppSuite({
  browser: true,
  prepare: async (db) => {
    await createOrResetAdmin(db, ADMIN); // the first admin is the owner
    await createOrResetAdmin(db, STAFF);
    await seedDemoBranch(db);
  },
});

describe("the branches page in a real browser", () => {
  // The desktop run puts the staff member in Depok, the phone run takes them out again.
  it.each([
    ["desktop", openDesktopPage, 1280, "admin-branches.png", `Masukkan ${STAFF.username} ke Cabang Depok`, `${STAFF.username} sekarang bekerja di Cabang Depok.`],
    ["phone", openPhonePage, 390, "admin-branches-phone.png", `Keluarkan ${STAFF.username} dari Cabang Depok`, `${STAFF.username} tidak lagi di Cabang Depok.`],
  ] as const)("%s: both branches with their staff, staff moved, a new branch added through the form, no sideways scrolling", async (name, open, width, screenshot, button, told) => {
    const page = await open(suite.browser);
    await signInToAdmin(page, suite.app.url, ADMIN);
    await page.getByRole("link", { name: "Cabang" }).first().click();
    await page.waitForURL(`${suite.app.url}/admin/branches`);
    await page.getByRole("heading", { name: /Cabang Depok/ }).waitFor();
    await page.getByRole("button", { name: button }).click();
    await page.getByText(told).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(SCREENSHOTS, screenshot), fullPage: name === "phone" });

    const form = page.getByRole("form", { name: "Cabang baru" });
    await form.getByLabel("Nama").fill(`Cabang Bekasi ${name}`);
    await form.getByLabel("Alamat").fill("Jl. Ahmad Yani 1, Bekasi");
    await form.getByRole("button", { name: "Tambah cabang" }).click();
    await page.getByText(`Cabang Cabang Bekasi ${name} ditambahkan.`).waitFor();
  });
});
