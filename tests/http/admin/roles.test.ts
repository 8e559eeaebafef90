// Owner vs staff: every owner-only route and action, called as staff, is refused and changes nothing.
import { eq } from "drizzle-orm";
import { POST as catalogEdit } from "@/app/admin/(dashboard)/catalog/edit/route";
import { POST as refundRoute } from "@/app/admin/(dashboard)/orders/[id]/refund/route";
import { POST as scheduleEdit } from "@/app/admin/(dashboard)/schedule/edit/route";
import { addStaff, resetPassword, toggleStaff, type StaffActionState } from "@/app/admin/(dashboard)/staff/actions";
import { removeWebhookAction, setWebhookAction } from "@/app/admin/(dashboard)/webhooks/actions";
import { GET as rmWebhook } from "@/app/api/rmWebhook/route";
import { GET as setWebhook } from "@/app/api/setWebhook/route";
import { admins, auditLog } from "@/db/schema";
import { adminOfSessionToken, signIn } from "@/lib/admin/auth";
import { sessionCookieName } from "@/lib/admin/cookie";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { overrideEnv } from "@/lib/env";
import { adminRequest, TEST_ADMIN } from "@/tests/support/admin-session";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/** Server actions read the session from next/headers: here, the token of whoever the test says is signed in. */
let sessionToken: string | undefined;
jest.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "jest" }),
  cookies: async () => ({ get: (name: string) => (sessionToken && name === sessionCookieName() ? { name, value: sessionToken } : undefined) }),
}));
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const APP = "https://jiot.example.com";
const STAFF = { username: "budi", password: "kata-sandi-staf-2026" };
const suite = registerSuiteDatabase();
let ownerToken: string;
let staffToken: string;

async function tokenOf(credentials: { username: string; password: string }): Promise<string> {
  const result = await signIn(suite.db, { ...credentials, ip: null, userAgent: "jest" });
  if (result.status !== "ok") throw new Error(`sign-in failed: ${result.status}`);
  return result.token;
}

beforeEach(async () => {
  overrideEnv({ APP_URL: APP });
  await createOrResetAdmin(suite.db, TEST_ADMIN); // the first admin is the owner
  await createOrResetAdmin(suite.db, STAFF);
  ownerToken = await tokenOf(TEST_ADMIN);
  staffToken = await tokenOf(STAFF);
  sessionToken = undefined;
});

const cookieOf = (token: string) => `${sessionCookieName()}=${token}`;
const formBody = (fields: Record<string, string>) => new URLSearchParams(fields);
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const IDLE: StaffActionState = { status: "idle" };
const OWNER_ONLY = { status: "invalid", errors: { _form: "Hanya pemilik toko yang dapat melakukan ini." } };

describe("owner-only routes called by staff: 403, nothing changed", () => {
  const ROUTES: [string, () => Promise<Response>][] = [
    ["POST /admin/catalog/edit (a price)", () => catalogEdit(adminRequest(`${APP}/admin/catalog/edit`, { cookie: cookieOf(staffToken), body: formBody({ op: "save-price", deviceId: "10", partId: "1", priceIdr: "1", active: "on" }) }))],
    ["POST /admin/schedule/edit (settings)", () => scheduleEdit(adminRequest(`${APP}/admin/schedule/edit`, { cookie: cookieOf(staffToken), body: formBody({ op: "save-settings", horizonDays: "1", leadMinutes: "0", holdHours: "1" }) }))],
    ["POST /admin/schedule/edit (close a date)", () => scheduleEdit(adminRequest(`${APP}/admin/schedule/edit`, { cookie: cookieOf(staffToken), body: formBody({ op: "close-date", date: "2030-01-01", reason: "x" }) }))],
    ["POST /admin/schedule/edit (hours per weekday)", () => scheduleEdit(adminRequest(`${APP}/admin/schedule/edit`, { cookie: cookieOf(staffToken), body: formBody({ op: "save-week", "cap-1-6": "0" }) }))],
    ["POST /admin/schedule/edit (close a booked date, cancelling all)", () => scheduleEdit(adminRequest(`${APP}/admin/schedule/edit`, { cookie: cookieOf(staffToken), body: formBody({ op: "close-date-cancel-all", date: "2030-01-01", reason: "x" }) }))],
    ["POST /admin/schedule/edit (close a booked date, moving all)", () => scheduleEdit(adminRequest(`${APP}/admin/schedule/edit`, { cookie: cookieOf(staffToken), body: formBody({ op: "close-date-move-all", date: "2030-01-01", toDate: "2030-01-02", reason: "x" }) }))],
    ["POST /admin/orders/{id}/refund", () => refundRoute(adminRequest(`${APP}/admin/orders/00000000-0000-4000-8000-000000000000/refund`, { cookie: cookieOf(staffToken), body: formBody({ via: "manual", amountIdr: "1000", reason: "x" }) }), { params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000" }) })],
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

  it("the same price change by the owner goes through (the check above can fail)", async () => {
    const response = await catalogEdit(adminRequest(`${APP}/admin/catalog/edit`, { cookie: cookieOf(ownerToken), body: formBody({ op: "save-price", deviceId: "10", partId: "1", priceIdr: "85.000", active: "on" }) }));
    expect(response.status).toBe(303);
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
    sessionToken = staffToken;
    const before = await snapshotTables(suite.db);
    const state = await call();
    expect(state).toMatchObject(_name.includes("webhook") ? { status: "invalid", errors: ["Hanya pemilik toko yang dapat melakukan ini."] } : OWNER_ONLY);
    expect(await snapshotTables(suite.db)).toEqual(before);
  });

  it("without any session the staff actions are refused too", async () => {
    const state = await addStaff(IDLE, form({ username: "intruder", password: "kata-sandi-panjang" }));
    expect(state).toEqual({ status: "invalid", errors: { _form: "Sesi admin berakhir. Silakan masuk lagi." } });
  });
});

async function idOf(username: string): Promise<number> {
  const [row] = await suite.db.select({ id: admins.id }).from(admins).where(eq(admins.username, username));
  return row!.id;
}

describe("the owner manages staff", () => {
  beforeEach(() => {
    sessionToken = ownerToken;
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
