// Owner vs staff: every owner-only route and server action, called as staff, without a session or with a signed-out one, is refused and changes nothing.
import { eq } from "drizzle-orm";
import * as catalog from "@/app/admin/(dashboard)/catalog/actions";
import { refund } from "@/app/admin/(dashboard)/orders/[id]/actions";
import * as schedule from "@/app/admin/(dashboard)/schedule/actions";
import * as stock from "@/app/admin/(dashboard)/stock/actions";
import { addStaff, resetPassword, saveTechnician, toggleStaff } from "@/app/admin/(dashboard)/staff/actions";
import { assignStaffAction, saveBranchAction } from "@/app/admin/(dashboard)/branches/actions";
import { removeWebhookAction, setWebhookAction } from "@/app/admin/(dashboard)/webhooks/actions";
import { GET as rmWebhook } from "@/app/api/rmWebhook/route";
import { GET as setWebhook } from "@/app/api/setWebhook/route";
import { admins, auditLog, closedDates, orders, partStock, payments, slots } from "@/db/schema";
import { adminOfSessionToken, signIn } from "@/lib/admin/auth";
import { sessionCookieName } from "@/lib/admin/cookie";
import type { AdminActionState, EditResult } from "@/lib/admin/edit-result";
import { OWNER_ONLY_MESSAGE } from "@/lib/admin/roles";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { overrideEnv } from "@/lib/env";
import { setAfterResponseRunner } from "@/lib/http/after-response";
import { adminRequest, TEST_ADMIN } from "@/tests/support/admin-session";
import { actionContext, formOf as form, revokedToken, signInOwnerAndStaff, STAFF } from "@/tests/support/action-session";
import { restoreAfterResponse } from "@/tests/support/after-response";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const APP = "https://jiot.example.com";
const suite = registerSuiteDatabase();
let ownerToken: string;
let staffToken: string;

beforeEach(async () => {
  overrideEnv({ APP_URL: APP });
  ({ owner: ownerToken, staff: staffToken } = await signInOwnerAndStaff(suite.db));
});

const cookieOf = (token: string) => `${sessionCookieName()}=${token}`;
const IDLE: AdminActionState = { status: "idle" };
const OWNER_ONLY = { status: "invalid", errors: { _form: OWNER_ONLY_MESSAGE } };
const SESSION_ENDED = { status: "invalid", errors: { _form: "Sesi admin berakhir. Silakan masuk lagi." } };

describe("owner-only routes called by staff: 403, nothing changed", () => {
  const ROUTES: [string, () => Promise<Response>][] = [
    ["GET /api/setWebhook", () => setWebhook(adminRequest(`${APP}/api/setWebhook`, { cookie: cookieOf(staffToken), method: "GET" }))],
    ["GET /api/rmWebhook", () => rmWebhook(adminRequest(`${APP}/api/rmWebhook`, { cookie: cookieOf(staffToken), method: "GET" }))],
  ];

  it.each(ROUTES)("%s", async (_name, call) => {
    const before = await snapshotTables(suite.db);
    const response = await call();
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "owner only" });
    expect(await snapshotTables(suite.db)).toEqual(before);
  });
});

const DAY = addDays(todayInJakarta(), 3);

/** What the owner's forms act on: a paid order booked on DAY, a closed date, the first slot, a counted part. */
async function scene() {
  const order = await bookOrder(suite.db, { chatId: 1, serviceDate: DAY, paymentMethod: "cash" });
  await suite.db.insert(payments).values({ orderId: order.id, attempt: 1, midtransOrderId: `${order.bookingCode}-1`, kind: "cash", paymentType: "cash", transactionStatus: "settlement", grossAmount: 70_000 });
  await suite.db.update(orders).set({ paymentStatus: "paid", holdExpiresAt: null }).where(eq(orders.id, order.id));
  await suite.db.insert(closedDates).values({ date: addDays(DAY, 10), reason: "Libur" });
  await suite.db.insert(partStock).values({ deviceId: 10, partId: 1, onHand: 3, lowAt: 1 });
  const [slot] = await suite.db.select().from(slots).orderBy(slots.startTime);
  return { order, slot: slot! };
}

type Scene = Awaited<ReturnType<typeof scene>>;
const SETTINGS = { shopName: "Toko Palsu", bookingHorizonDays: "30", leadTimeMinutes: "60", holdHours: "24" };

/** Every owner-only form action with a form that, from the owner, changes something. */
const OWNER_ACTIONS: [string, (s: Scene) => Promise<EditResult>][] = [
  ["catalog: add a device", () => catalog.saveDevice(IDLE, form({ name: "HP Penyusup", sort: "1", active: "on" }))],
  ["catalog: remove a device", () => catalog.removeDevice(IDLE, form({ id: "10" }))],
  ["catalog: add a part", () => catalog.savePart(IDLE, form({ name: "Layanan Penyusup", sort: "1", active: "on" }))],
  ["catalog: remove a part", () => catalog.removePart(IDLE, form({ id: "1" }))],
  ["catalog: change a price", () => catalog.saveDevicePrice(IDLE, form({ deviceId: "10", partId: "1", priceIdr: "1", active: "on" }))],
  ["catalog: remove a price", () => catalog.removeDevicePrice(IDLE, form({ deviceId: "10", partId: "2" }))],
  ["schedule: add a slot", () => schedule.saveSlotAction(IDLE, form({ label: "22.00 - 23.00 WIB", startTime: "22:00", endTime: "23:00", capacity: "1", active: "on" }))],
  ["schedule: remove a slot", ({ slot }) => schedule.removeSlotAction(IDLE, form({ id: String(slot.id) }))],
  ["schedule: hours per weekday", ({ slot }) => schedule.saveWeekAction(IDLE, form({ [`cap-${slot.id}-6`]: "0" }))],
  ["schedule: settings", () => schedule.saveSettingsAction(IDLE, form(SETTINGS))],
  ["schedule: close a date", () => schedule.closeDateAction(IDLE, form({ date: addDays(DAY, 20), reason: "x" }))],
  ["schedule: reopen a date", () => schedule.reopenDateAction(IDLE, form({ date: addDays(DAY, 10) }))],
  ["schedule: move an order off a closing date", ({ order }) => schedule.moveClosingOrder(IDLE, form({ date: DAY, orderId: order.id, toDate: addDays(DAY, 1), toSlotId: String(order.slotId) }))],
  ["schedule: cancel an order of a closing date", ({ order }) => schedule.cancelClosingOrder(IDLE, form({ date: DAY, orderId: order.id }))],
  ["schedule: close a booked date, moving all", () => schedule.closeDateMovingAll(IDLE, form({ date: DAY, toDate: addDays(DAY, 1), reason: "x" }))],
  ["schedule: close a booked date, cancelling all", () => schedule.closeDateCancellingAll(IDLE, form({ date: DAY, reason: "x" }))],
  ["staff: technician box", async () => saveTechnician(IDLE, form({ id: String(await idOf(STAFF.username)), technician: "on", weekday: ["1", "2"] }))],
  ["stock: count the shelf", () => stock.countStock(IDLE, form({ deviceId: "10", partId: "1", onHand: "9", reason: "hitung ulang" }))],
  ["stock: low level and back-order", () => stock.saveStockSetting(IDLE, form({ deviceId: "10", partId: "1", lowAt: "0", backorderDays: "2" }))],
  ["stock: stop tracking a part", () => stock.untrackStock(IDLE, form({ deviceId: "10", partId: "1" }))],
  ["order: refund", ({ order }) => refund(order.id, IDLE, form({ via: "manual", amountIdr: "1000", reason: "x", refundKey: "rf-attack-key-1" }))],
  ["branches: add a branch", () => saveBranchAction(IDLE, form({ name: "Cabang Penyusup", address: "Jl. Palsu", active: "on" }))],
  ["branches: change a branch", () => saveBranchAction(IDLE, form({ id: "1", name: "Nama Palsu", active: "on" }))],
  ["branches: assign staff", async () => assignStaffAction(IDLE, form({ adminId: String(await idOf(STAFF.username)), branchId: "1", assigned: "0" }))],
];

describe("owner-only server actions: refused and nothing changed unless the owner is signed in", () => {
  const CALLERS: [string, () => Promise<string | undefined>, object][] = [
    ["without a session", async () => undefined, SESSION_ENDED],
    ["with a signed-out session", () => revokedToken(suite.db), SESSION_ENDED],
    ["with a forged token", async () => "x".repeat(43), SESSION_ENDED],
    ["as staff", async () => staffToken, OWNER_ONLY],
  ];
  const CASES = OWNER_ACTIONS.flatMap(([name, call]) => CALLERS.map(([who, token, answer]) => [name, who, call, token, answer] as const));

  it.each(CASES)("%s, %s", async (_name, _who, call, token, answer) => {
    const setting = await scene();
    actionContext.token = await token();
    const before = await snapshotTables(suite.db);
    const later: unknown[] = [];
    setAfterResponseRunner((work) => later.push(work));
    try {
      expect(await call(setting)).toEqual(answer);
    } finally {
      restoreAfterResponse();
    }
    expect(await snapshotTables(suite.db)).toEqual(before);
    expect(later).toEqual([]); // nor any work after the answer
  });

  // The refusals above can fail: the very same calls from the owner change something.
  it.each(OWNER_ACTIONS)("%s, as the owner, goes through", async (_name, call) => {
    const setting = await scene();
    actionContext.token = ownerToken;
    const before = await snapshotTables(suite.db, { except: ["admin_sessions"] });
    expect(await call(setting)).toMatchObject({ status: "ok" });
    expect(await snapshotTables(suite.db, { except: ["admin_sessions"] })).not.toEqual(before);
  });
});

describe("owner-only server actions called by staff: refused, nothing changed", () => {
  const ACTIONS: [string, () => Promise<unknown>][] = [
    ["set the webhook", () => setWebhookAction()],
    ["remove the webhook", () => removeWebhookAction()],
    ["add staff", () => addStaff(IDLE, form({ username: "intruder", password: "kata-sandi-panjang" }))],
    ["disable staff", async () => toggleStaff(IDLE, form({ id: String(await idOf(STAFF.username)), disabled: "1" }))],
    ["reset a password", async () => resetPassword(IDLE, form({ id: String(await idOf(STAFF.username)), password: "kata-sandi-baru-123" }))],
  ];

  it.each(ACTIONS)("%s", async (_name, call) => {
    actionContext.token = staffToken;
    const before = await snapshotTables(suite.db);
    const state = await call();
    expect(state).toEqual(OWNER_ONLY);
    expect(await snapshotTables(suite.db)).toEqual(before);
  });

  it("without any session the staff actions are refused too", async () => {
    const state = await addStaff(IDLE, form({ username: "intruder", password: "kata-sandi-panjang" }));
    expect(state).toEqual(SESSION_ENDED);
  });
});

async function idOf(username: string): Promise<number> {
  const [row] = await suite.db.select({ id: admins.id }).from(admins).where(eq(admins.username, username));
  return row!.id;
}

describe("the owner manages staff", () => {
  beforeEach(() => {
    actionContext.token = ownerToken;
  });

  it("adds a member of staff, audited under the owner's name; the new account signs in as staff", async () => {
    const state = await addStaff(IDLE, form({ username: "Rina", password: "kata-sandi-rina-1" }));
    expect(state).toMatchObject({ status: "ok" });
    const [rina] = await suite.db.select().from(admins).where(eq(admins.username, "rina"));
    expect(rina).toMatchObject({ role: "staff", disabled: false });
    const [audit] = await suite.db.select().from(auditLog).where(eq(auditLog.action, "admin.created")).then((rows) => rows.filter((r) => r.actor === TEST_ADMIN.username));
    expect(audit).toMatchObject({ entityId: String(rina!.id) });
    expect(JSON.stringify(audit)).not.toContain("kata-sandi-rina-1");
    const signedIn = await signIn(suite.db, { username: "rina", password: "kata-sandi-rina-1", ip: null, userAgent: "jest" });
    expect(signedIn).toMatchObject({ status: "ok", admin: { role: "staff" } });
  });

  it("two owners' taps adding the same name at once make one account", async () => {
    const results = await Promise.all([1, 2, 3].map(() => addStaff(IDLE, form({ username: "dewi", password: "kata-sandi-dewi-1" }))));
    expect(results.filter((r) => r.status === "ok")).toHaveLength(1);
    expect(await suite.db.select().from(admins).where(eq(admins.username, "dewi"))).toHaveLength(1);
  });

  it("refuses a short password and a taken name, with the reason", async () => {
    expect(await addStaff(IDLE, form({ username: "rina", password: "pendek" }))).toEqual({ status: "invalid", errors: { password: "Kata sandi minimal 10 karakter." } });
    expect(await addStaff(IDLE, form({ username: STAFF.username, password: "kata-sandi-panjang" }))).toMatchObject({ status: "invalid", errors: { username: expect.stringContaining("sudah dipakai") } });
  });

  it("disabling a member of staff ends their session at once; enabling lets them sign in again", async () => {
    const id = await idOf(STAFF.username);
    expect(await adminOfSessionToken(suite.db, staffToken)).toBeDefined();
    expect(await toggleStaff(IDLE, form({ id: String(id), disabled: "1" }))).toMatchObject({ status: "ok" });
    expect(await adminOfSessionToken(suite.db, staffToken)).toBeUndefined();
    expect((await signIn(suite.db, { ...STAFF, ip: null, userAgent: "jest" })).status).toBe("invalid");
    expect(await toggleStaff(IDLE, form({ id: String(id), disabled: "0" }))).toMatchObject({ status: "ok" });
    expect((await signIn(suite.db, { ...STAFF, ip: null, userAgent: "jest" })).status).toBe("ok");
  });

  it("the owner's own account cannot be disabled or its password reset from the page", async () => {
    const ownerId = await idOf(TEST_ADMIN.username);
    expect(await toggleStaff(IDLE, form({ id: String(ownerId), disabled: "1" }))).toMatchObject({ status: "invalid" });
    expect(await resetPassword(IDLE, form({ id: String(ownerId), password: "kata-sandi-baru-123" }))).toMatchObject({ status: "invalid" });
    expect(await adminOfSessionToken(suite.db, ownerToken)).toBeDefined();
  });

  it("a new password for staff signs them out everywhere; the new one works", async () => {
    const id = await idOf(STAFF.username);
    expect(await resetPassword(IDLE, form({ id: String(id), password: "kata-sandi-baru-123" }))).toMatchObject({ status: "ok" });
    expect(await adminOfSessionToken(suite.db, staffToken)).toBeUndefined();
    expect((await signIn(suite.db, { username: STAFF.username, password: "kata-sandi-baru-123", ip: null, userAgent: "jest" })).status).toBe("ok");
  });
});
