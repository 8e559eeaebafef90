// Issue 12: every server action of the order page checks the session itself; without a live one nothing changes.
import { eq } from "drizzle-orm";
import { addNote, cancelOrder, changeTechnician, moveRepairStatus, recordCash, reschedule } from "@/app/admin/(dashboard)/orders/[id]/actions";
import { admins, slots } from "@/db/schema";
import { signIn, signOut } from "@/lib/admin/auth";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import type { AdminActionState, EditResult } from "@/lib/admin/edit-result";
import { setStaffDisabled } from "@/lib/admin/staff";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { overrideEnv } from "@/lib/env";
import { actionContext, formOf } from "@/tests/support/action-session";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { dropAfterResponse, restoreAfterResponse } from "@/tests/support/after-response";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const suite = registerSuiteDatabase();
const db = () => suite.db;
const STAFF = { username: "dewi", password: "kata-sandi-staf-2026" };
const SESSION_ENDED: EditResult = { status: "invalid", errors: { _form: "Sesi admin berakhir. Silakan masuk lagi." } };
const IDLE: AdminActionState = { status: "idle" };

async function tokenOf(credentials: { username: string; password: string }): Promise<string> {
  const result = await signIn(db(), { ...credentials, ip: null, userAgent: "jest" });
  if (result.status !== "ok") throw new Error(`sign-in failed: ${result.status}`);
  return result.token;
}

const form = formOf;

type OrderAction = (id: string, state: AdminActionState, form: FormData) => Promise<EditResult>;

/** Two technicians working every day; the second one's id, whom no booking is given first. */
async function technicians(): Promise<number> {
  const rows = await db()
    .insert(admins)
    .values(["teknisi.andi", "teknisi.bayu"].map((username) => ({ username, passwordHash: "x", role: "staff" as const, technician: true })))
    .onConflictDoUpdate({ target: admins.username, set: { technician: true } })
    .returning({ id: admins.id });
  return rows[1]!.id;
}

/** Each action with a form it would carry out for a live session (the check below can fail). */
async function actions(): Promise<[string, OrderAction, FormData][]> {
  const [, slot] = await db().select().from(slots).orderBy(slots.startTime);
  return [
    ["moveRepairStatus", moveRepairStatus, form({ status: "received" })],
    ["reschedule", reschedule, form({ serviceDate: addDays(todayInJakarta(), 5), slotId: String(slot!.id) })],
    ["cancelOrder", cancelOrder, form({ reason: "Pelanggan minta batal" })],
    ["recordCash", recordCash, form({})],
    ["addNote", addNote, form({ body: "Catatan dari penyerang" })],
    ["changeTechnician", changeTechnician, form({ technicianId: String(await technicians()) })],
  ];
}

const SESSIONS: [string, () => Promise<string | undefined>][] = [
  ["no session at all", async () => undefined],
  ["a forged token", async () => "x".repeat(43)],
  ["a session signed out since (revoked)", async () => {
    const token = await tokenOf(TEST_ADMIN);
    await signOut(db(), token);
    return token;
  }],
  ["the session of staff disabled since", async () => {
    const token = await tokenOf(STAFF);
    const [row] = await db().select({ id: admins.id }).from(admins).where(eq(admins.username, STAFF.username));
    await setStaffDisabled(db(), { id: row!.id, disabled: true }, { username: TEST_ADMIN.username });
    return token;
  }],
];

beforeEach(async () => {
  overrideEnv({ APP_URL: "https://jiot.example.com" });
  await createOrResetAdmin(db(), TEST_ADMIN); // the first admin is the owner
  await createOrResetAdmin(db(), STAFF);
});

describe("the order page's actions without a live session are refused and change nothing", () => {
  it.each(SESSIONS)("%s", async (_name, session) => {
    const order = await bookOrder(db());
    actionContext.token = await session();
    const calls = await actions();
    const before = await snapshotTables(db());
    for (const [name, action, data] of calls) {
      expect([name, await action(order.id, IDLE, data)]).toEqual([name, SESSION_ENDED]);
    }
    expect(await snapshotTables(db())).toEqual(before);
  });
});

describe("the same actions with a live session (the check above can fail)", () => {
  beforeEach(() => dropAfterResponse()); // no Telegram here: the customer's messages stay queued
  afterEach(() => restoreAfterResponse());

  it("each one changes the order", async () => {
    actionContext.token = await tokenOf(TEST_ADMIN);
    for (const [index, [name, action, data]] of (await actions()).entries()) {
      const order = await bookOrder(db(), { chatId: 5550100 + index, serviceDate: addDays(todayInJakarta(), 2 + index) });
      const before = await snapshotTables(db());
      expect([name, await action(order.id, IDLE, data)]).toEqual([name, expect.objectContaining({ status: "ok" })]);
      expect(await snapshotTables(db())).not.toEqual(before);
    }
  });
});
