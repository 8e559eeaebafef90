// Issue 16, branches: Hari ini (/admin) for staff of some branches shows their branches' day only, without the shop's money.
import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import TodayPage from "@/app/admin/(dashboard)/page";
import { addAdminToBranch, removeAdminFromBranch } from "@/db/queries/branches";
import { setTechnicianDuty } from "@/db/queries/technicians";
import { FIRST_BRANCH_ID, orders, type Order } from "@/db/schema";
import { signIn } from "@/lib/admin/auth";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { createBooking } from "@/lib/booking/create-booking";
import { weekdaysMask } from "@/lib/booking/technicians";
import { overrideEnv } from "@/lib/env";
import { actionContext, STAFF } from "@/tests/support/action-session";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { dropAfterResponse, restoreAfterResponse } from "@/tests/support/after-response";
import { addDepokBranch, DEPOK } from "@/tests/support/branch-fixtures";
import { bookOrder, customerBooking } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const suite = registerSuiteDatabase();
const db = () => suite.db;

async function signInAs(credentials: { username: string; password: string }): Promise<void> {
  const result = await signIn(db(), { ...credentials, ip: null, userAgent: "jest" });
  if (result.status !== "ok") throw new Error(result.status);
  actionContext.token = result.token;
}

/** Booked for a coming open day, then moved to today (whatever weekday the test runs on). */
async function forToday(order: Order): Promise<Order> {
  const [moved] = await db().update(orders).set({ serviceDate: todayInJakarta() }).where(eq(orders.id, order.id)).returning();
  return moved!;
}

/** The owner, a Depok branch, staff at Depok only, and one order of today at each branch. */
async function twoBranchesToday(): Promise<{ kemang: Order; depokOrder: Order; depokId: number; staffId: number }> {
  await createOrResetAdmin(db(), TEST_ADMIN);
  const staff = await createOrResetAdmin(db(), STAFF);
  const depok = await addDepokBranch(db());
  await addAdminToBranch(db(), { adminId: staff.id, branchId: depok.branchId });
  await removeAdminFromBranch(db(), { adminId: staff.id, branchId: FIRST_BRANCH_ID });
  const kemang = await forToday(await bookOrder(db()));
  const booked = await createBooking(db(), customerBooking({ chatId: 5582001, slotId: depok.slotId, serviceDate: addDays(todayInJakarta(), 2) }));
  if (!booked.ok) throw new Error(booked.reason);
  return { kemang, depokOrder: await forToday(booked.order), depokId: depok.branchId, staffId: staff.id };
}

const renderToday = async (query: Record<string, string> = {}) => renderToString(await TodayPage({ searchParams: Promise.resolve(query) }));

beforeEach(() => {
  overrideEnv({ APP_URL: "https://jiot.example.com" });
  dropAfterResponse();
});
afterEach(() => restoreAfterResponse());

describe("Hari ini for staff of some branches only", () => {
  it("shows their branch's orders of today, never the other branch's, even with a crafted ?cabang=; no money, no counter order", async () => {
    const { kemang, depokOrder } = await twoBranchesToday();
    await signInAs(STAFF);
    for (const query of [{} as Record<string, string>, { cabang: String(FIRST_BRANCH_ID) }, { cabang: "semua" }, { cabang: "x" }]) {
      const page = await renderToday(query);
      expect(page).toContain(depokOrder.bookingCode);
      expect(page).not.toContain(kemang.bookingCode);
      expect(page).toContain(`Cabang <strong>${DEPOK.name}</strong>`);
      expect(page).not.toContain("pendapatan");
      expect(page).not.toContain("Grafik pendapatan");
      expect(page).not.toContain('href="/admin/orders/new"');
      expect(page).toMatch(/<strong>1<\/strong><span>jadwal servis hari ini<\/span>/);
    }
  });

  it("staff in no branch at all see no order and are told so", async () => {
    const { kemang, depokOrder, depokId, staffId } = await twoBranchesToday();
    await removeAdminFromBranch(db(), { adminId: staffId, branchId: depokId });
    await signInAs(STAFF);
    const page = await renderToday({ cabang: String(depokId) });
    expect(page).toContain("Anda belum ditempatkan di cabang mana pun");
    expect(page).not.toContain(kemang.bookingCode);
    expect(page).not.toContain(depokOrder.bookingCode);
  });
});

describe("Hari ini for the owner of several branches", () => {
  it("shows every branch by default (slots named by branch) with the whole shop's money, or the branch picked", async () => {
    const { kemang, depokOrder, depokId } = await twoBranchesToday();
    await signInAs(TEST_ADMIN);
    const every = await renderToday();
    expect(every).toContain(kemang.bookingCode);
    expect(every).toContain(depokOrder.bookingCode);
    expect(every).toContain(`${DEPOK.name} · 10.00 - 12.00 WIB`);
    expect(every).toContain("pendapatan hari ini (semua cabang)");
    expect(every).toMatch(/<option value="semua" selected="">Semua cabang<\/option>/);
    const depok = await renderToday({ cabang: String(depokId) });
    expect(depok).toContain(depokOrder.bookingCode);
    expect(depok).not.toContain(kemang.bookingCode);
    expect(depok).toMatch(new RegExp(`<option value="${depokId}" selected="">${DEPOK.name}</option>`));
    expect(depok).toContain("pendapatan 7 hari (semua cabang)");
  });
});

describe("Hari ini with one branch", () => {
  it("staff get the page as before: every order, the money, no branch choice", async () => {
    await createOrResetAdmin(db(), TEST_ADMIN);
    await createOrResetAdmin(db(), STAFF);
    const order = await forToday(await bookOrder(db()));
    await signInAs(STAFF);
    const page = await renderToday();
    expect(page).toContain(order.bookingCode);
    expect(page).toContain("pendapatan hari ini</span>");
    expect(page).toContain('href="/admin/orders/new"');
    expect(page).not.toContain("Pilih cabang");
    expect(page).not.toContain("Semua cabang");
    expect(page).not.toContain("<th>Teknisi</th>");
  });

  it("shows each job's technician once the shop has technicians", async () => {
    await createOrResetAdmin(db(), TEST_ADMIN);
    const andi = await createOrResetAdmin(db(), { username: "teknisi.andi", password: "kata-sandi-andi-2026" });
    await setTechnicianDuty(db(), { id: andi.id, technician: true, workingWeekdays: weekdaysMask([0, 1, 2, 3, 4, 5, 6]) });
    const given = await forToday(await bookOrder(db()));
    const nobody = await forToday(await bookOrder(db(), { chatId: 5550002, slotIndex: 1 }));
    await db().update(orders).set({ technicianId: null }).where(eq(orders.id, nobody.id));
    await signInAs(TEST_ADMIN);
    const page = await renderToday();
    expect(given.technicianId).toBe(andi.id);
    expect(page).toContain("<th>Teknisi</th>");
    expect(page).toContain('<td data-label="Teknisi">teknisi.andi</td>');
    expect(page).toMatch(/<td data-label="Teknisi"><span[^>]*>belum ada<\/span><\/td>/);
  });
});
