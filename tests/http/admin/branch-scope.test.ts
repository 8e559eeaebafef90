// Issue 16, branches: staff see and act on their branches' orders only; the check is where the order is read.
import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import OrderDetailPage from "@/app/admin/(dashboard)/orders/[id]/page";
import WaitlistPage from "@/app/admin/(dashboard)/waitlist/page";
import AuditPage from "@/app/admin/(dashboard)/audit/page";
import CustomerPage from "@/app/admin/(dashboard)/customers/[chatId]/page";
import PaymentsPage from "@/app/admin/(dashboard)/payments/page";
import NewOrderPage from "@/app/admin/(dashboard)/orders/new/page";
import JobSheetPage from "@/app/admin/orders/[id]/job-sheet/page";
import { createCounterOrderAction } from "@/app/admin/(dashboard)/orders/new/actions";
import { receiveStock } from "@/app/admin/(dashboard)/stock/actions";
import { GET as faultPhoto } from "@/app/admin/(dashboard)/orders/[id]/photos/[n]/route";
import { addNote, cancelOrder, moveRepairStatus, recordCash, reschedule } from "@/app/admin/(dashboard)/orders/[id]/actions";
import { GET as exportOrders } from "@/app/admin/orders/export/route";
import { listAdminOrders } from "@/db/queries/admin-orders";
import { addAdminToBranch, removeAdminFromBranch } from "@/db/queries/branches";
import { admins, FIRST_BRANCH_ID, waitlist, type Order } from "@/db/schema";
import { signIn } from "@/lib/admin/auth";
import { sessionCookieName } from "@/lib/admin/cookie";
import { OTHER_BRANCH, visibleBranchIds } from "@/lib/admin/branch-scope";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { createBooking } from "@/lib/booking/create-booking";
import { overrideEnv } from "@/lib/env";
import { actionContext, formOf, STAFF } from "@/tests/support/action-session";
import { adminRequest, TEST_ADMIN } from "@/tests/support/admin-session";
import { dropAfterResponse, restoreAfterResponse } from "@/tests/support/after-response";
import { addDepokBranch } from "@/tests/support/branch-fixtures";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { bookOrder, customerBooking } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const suite = registerSuiteDatabase();
const db = () => suite.db;
const IDLE: AdminActionState = { status: "idle" };
const NOT_FOUND = { status: "invalid", errors: { _form: "Pesanan tidak ditemukan." } };

async function tokenOf(credentials: { username: string; password: string }): Promise<string> {
  const result = await signIn(db(), { ...credentials, ip: null, userAgent: "jest" });
  if (result.status !== "ok") throw new Error(result.status);
  return result.token;
}

/** The owner, a Depok branch, staff moved from the first branch to Depok, and one order at each branch. */
async function twoBranches(): Promise<{ kemang: Order; depokOrder: Order; staffId: number }> {
  await createOrResetAdmin(db(), TEST_ADMIN);
  await createOrResetAdmin(db(), STAFF);
  const depok = await addDepokBranch(db());
  const [staff] = await db().select().from(admins).where(eq(admins.username, STAFF.username));
  await addAdminToBranch(db(), { adminId: staff!.id, branchId: depok.branchId });
  await removeAdminFromBranch(db(), { adminId: staff!.id, branchId: FIRST_BRANCH_ID });
  const kemang = await bookOrder(db());
  const booked = await createBooking(db(), customerBooking({ chatId: 5582001, slotId: depok.slotId, serviceDate: addDays(todayInJakarta(), 2) }));
  if (!booked.ok) throw new Error(booked.reason);
  return { kemang, depokOrder: booked.order, staffId: staff!.id };
}

const renderOrder = async (id: string) => renderToString(await OrderDetailPage({ params: Promise.resolve({ id }) }));

beforeEach(() => {
  overrideEnv({ APP_URL: "https://jiot.example.com" });
  dropAfterResponse();
});
afterEach(() => restoreAfterResponse());

describe("staff of one branch and an order of another", () => {
  it("the order page answers 'not found' for the other branch's order, whatever its id", async () => {
    const { kemang, depokOrder } = await twoBranches();
    actionContext.token = await tokenOf(STAFF);
    await expect(renderOrder(kemang.id)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    expect(await renderOrder(depokOrder.id)).toContain(depokOrder.bookingCode);
    actionContext.token = await tokenOf(TEST_ADMIN);
    expect(await renderOrder(kemang.id)).toContain(kemang.bookingCode);
  });

  it("every action on the other branch's order is refused as not found and changes nothing; on their own it works", async () => {
    const { kemang, depokOrder } = await twoBranches();
    actionContext.token = await tokenOf(STAFF);
    const attempts: [string, (id: string, s: AdminActionState, f: FormData) => Promise<unknown>, FormData][] = [
      ["moveRepairStatus", moveRepairStatus, formOf({ status: "received" })],
      ["reschedule", reschedule, formOf({ serviceDate: addDays(todayInJakarta(), 5), slotId: String(kemang.slotId) })],
      ["cancelOrder", cancelOrder, formOf({ reason: "serangan" })],
      ["recordCash", recordCash, formOf({})],
      ["addNote", addNote, formOf({ body: "Catatan dari cabang lain" })],
    ];
    const before = await snapshotTables(db());
    for (const [name, action, form] of attempts) expect([name, await action(kemang.id, IDLE, form)]).toEqual([name, NOT_FOUND]);
    expect(await snapshotTables(db())).toEqual(before);
    expect(await moveRepairStatus(depokOrder.id, IDLE, formOf({ status: "received" }))).toMatchObject({ status: "ok" });
  });

  it("the order list and its CSV export hold only their branch's orders; the owner's hold all", async () => {
    const { kemang, depokOrder, staffId } = await twoBranches();
    const staffBranches = await visibleBranchIds(db(), { id: staffId, role: "staff" });
    const listed = await listAdminOrders(db(), { filters: { branchIds: staffBranches } });
    expect(listed.rows.map((o) => o.bookingCode)).toEqual([depokOrder.bookingCode]);

    const csv = async (credentials: { username: string; password: string }) => {
      const token = await tokenOf(credentials);
      const response = await exportOrders(adminRequest("https://jiot.example.com/admin/orders/export", { cookie: `${sessionCookieName()}=${token}`, method: "GET" }));
      return response.text();
    };
    const staffCsv = await csv(STAFF);
    expect(staffCsv).toContain(depokOrder.bookingCode);
    expect(staffCsv).not.toContain(kemang.bookingCode);
    expect(await csv(TEST_ADMIN)).toContain(kemang.bookingCode);
  });

  it("the waitlist page shows them their branch's waits only; the owner's shows all", async () => {
    const { depokOrder } = await twoBranches();
    const day = addDays(todayInJakarta(), 4);
    await db().insert(waitlist).values([
      { chatId: 5582101, customerName: "Wati Kemang", serviceDate: day },
      { chatId: 5582102, customerName: "Yudi Depok", serviceDate: day, branchId: depokOrder.branchId },
    ]);
    actionContext.token = await tokenOf(STAFF);
    const staffPage = renderToString(await WaitlistPage());
    expect(staffPage).toContain("Yudi Depok");
    expect(staffPage).not.toContain("Wati Kemang");
    actionContext.token = await tokenOf(TEST_ADMIN);
    expect(renderToString(await WaitlistPage())).toContain("Wati Kemang");
  });

  it("staff in no branch at all see no order", async () => {
    const { staffId } = await twoBranches();
    const [branchId] = (await visibleBranchIds(db(), { id: staffId, role: "staff" })) ?? [];
    await removeAdminFromBranch(db(), { adminId: staffId, branchId: branchId! });
    const none = await visibleBranchIds(db(), { id: staffId, role: "staff" });
    expect((await listAdminOrders(db(), { filters: { branchIds: none } })).rows).toEqual([]);
  });
});

describe("staff of some branches only and the pages over every branch's data", () => {
  const WHOLE_SHOP_PAGES: [string, (order: Order) => Promise<unknown>][] = [
    ["audit", () => AuditPage({ searchParams: Promise.resolve({}) } as never)],
    ["customer history", (order) => CustomerPage({ params: Promise.resolve({ chatId: String(order.chatId) }) })],
    ["payments", () => PaymentsPage()],
    ["new counter order", () => NewOrderPage()],
    ["job sheet", (order) => JobSheetPage({ params: Promise.resolve({ id: order.id }), searchParams: Promise.resolve({}) })],
  ];

  it.each(WHOLE_SHOP_PAGES)("%s: sent to their branches' orders, nothing of the other branch rendered; the owner gets the page", async (_name, page) => {
    const { kemang } = await twoBranches();
    actionContext.token = await tokenOf(STAFF);
    await expect(page(kemang)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;[^;]*;\/admin\/orders;/) });
    actionContext.token = await tokenOf(TEST_ADMIN);
    await expect(page(kemang)).resolves.toBeDefined();
  });

  it("with one branch, staff (who join it when created) get those pages as before", async () => {
    await createOrResetAdmin(db(), TEST_ADMIN);
    await createOrResetAdmin(db(), STAFF);
    const order = await bookOrder(db());
    actionContext.token = await tokenOf(STAFF);
    for (const [, page] of WHOLE_SHOP_PAGES) await expect(page(order)).resolves.toBeDefined();
  });

  it("their counter orders, and stock receipts for the first branch's shelf, are refused and change nothing", async () => {
    await twoBranches();
    actionContext.token = await tokenOf(STAFF);
    const before = await snapshotTables(db(), { except: ["admin_sessions", "audit_log", "rate_limits"] });
    expect(await receiveStock(IDLE, formOf({ deviceId: "10", partId: "1", quantity: "5" }))).toEqual({ status: "invalid", errors: { _form: OTHER_BRANCH } });
    expect(await createCounterOrderAction({ status: "idle" }, formOf({ customerName: "Penyusup", deviceId: "10", partId: "1" }))).toMatchObject({
      status: "invalid",
      errors: { _form: "Hanya pemilik dan staf semua cabang yang boleh melakukan ini." },
    });
    expect(await snapshotTables(db(), { except: ["admin_sessions", "audit_log", "rate_limits"] })).toEqual(before);
  });

  it("a fault photo of the other branch's order answers 404 as for no order at all", async () => {
    const { kemang } = await twoBranches();
    const staffCookie = `${sessionCookieName()}=${await tokenOf(STAFF)}`;
    const photo = (id: string) =>
      faultPhoto(adminRequest(`https://jiot.example.com/admin/orders/${id}/photos/1`, { cookie: staffCookie, method: "GET" }), {
        params: Promise.resolve({ id, n: "1" }),
      });
    const answer = await photo(kemang.id);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ error: "not found" });
  });
});
