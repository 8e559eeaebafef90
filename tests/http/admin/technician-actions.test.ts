// Technicians (issue 16): the staff page's technician box (owner only) and the order page's "Teknisi" select.
import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import OrderDetailPage from "@/app/admin/(dashboard)/orders/[id]/page";
import { changeTechnician } from "@/app/admin/(dashboard)/orders/[id]/actions";
import { saveTechnician, toggleStaff } from "@/app/admin/(dashboard)/staff/actions";
import { admins, auditLog, orders } from "@/db/schema";
import { signIn } from "@/lib/admin/auth";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { TECHNICIAN_MAY_NOT_REASSIGN, technicianBusy } from "@/lib/admin/order-technician";
import { OWNER_ONLY_MESSAGE } from "@/lib/admin/roles";
import { addDays, formatDateDmy, todayInJakarta, weekdayName, weekdayOf } from "@/lib/booking/calendar";
import { overrideEnv } from "@/lib/env";
import { actionContext, formOf as form, signInOwnerAndStaff, STAFF } from "@/tests/support/action-session";
import { dropAfterResponse, restoreAfterResponse } from "@/tests/support/after-response";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { getSlotAvailability } from "@/lib/booking/availability";
import { bookOrder, readOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const suite = registerSuiteDatabase();
const db = () => suite.db;
const IDLE: AdminActionState = { status: "idle" };
const ANDI = { username: "teknisi.andi", password: "kata-sandi-andi-2026" };
const BAYU = { username: "teknisi.bayu", password: "kata-sandi-bayu-2026" };
const DAY = addDays(todayInJakarta(), 2);
const WEEKDAY = weekdayOf(DAY);
const OTHER_DAYS = [0, 1, 2, 3, 4, 5, 6].filter((d) => d !== WEEKDAY).map(String);
let ownerToken: string;
let staffToken: string;

async function idOf(username: string): Promise<number> {
  const [row] = await db().select({ id: admins.id }).from(admins).where(eq(admins.username, username));
  return row!.id;
}

async function tokenOf(credentials: { username: string; password: string }): Promise<string> {
  const result = await signIn(db(), { ...credentials, ip: null, userAgent: "jest" });
  if (result.status !== "ok") throw new Error(`sign-in failed: ${result.status}`);
  return result.token;
}

/** Andi works every day, Bayu every day but DAY's weekday; the owner set both through the technician box. */
async function team() {
  await createOrResetAdmin(db(), ANDI);
  await createOrResetAdmin(db(), BAYU);
  actionContext.token = ownerToken;
  expect(await saveTechnician(IDLE, form({ id: String(await idOf(ANDI.username)), technician: "on", weekday: ["0", "1", "2", "3", "4", "5", "6"] }))).toMatchObject({ status: "ok" });
  expect(await saveTechnician(IDLE, form({ id: String(await idOf(BAYU.username)), technician: "on", weekday: OTHER_DAYS }))).toMatchObject({ status: "ok" });
  return { andi: await idOf(ANDI.username), bayu: await idOf(BAYU.username) };
}

beforeEach(async () => {
  overrideEnv({ APP_URL: "https://jiot.example.com" });
  ({ owner: ownerToken, staff: staffToken } = await signInOwnerAndStaff(db()));
  dropAfterResponse();
});
afterEach(() => restoreAfterResponse());

describe("the technician box on the staff page", () => {
  it("the owner marks a technician and their working days, audited under the owner's name", async () => {
    const { andi } = await team();
    expect((await db().select().from(admins).where(eq(admins.id, andi)))[0]).toMatchObject({ technician: true, workingWeekdays: 127 });
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, "admin.technician_duty"));
    expect(audit).toMatchObject({ actor: "sari", entityId: String(andi), before: { technician: false }, after: { technician: true, workingWeekdays: 127 } });
  });

  it("staff, or nobody signed in, may not touch it: refused, nothing changed", async () => {
    await createOrResetAdmin(db(), ANDI);
    const input = form({ id: String(await idOf(ANDI.username)), technician: "on", weekday: "1" });
    for (const [token, answer] of [
      [staffToken, OWNER_ONLY_MESSAGE],
      [undefined, "Sesi admin berakhir. Silakan masuk lagi."],
    ] as const) {
      actionContext.token = token;
      const before = await snapshotTables(db());
      expect(await saveTechnician(IDLE, input)).toEqual({ status: "invalid", errors: { _form: answer } });
      expect(await snapshotTables(db())).toEqual(before);
    }
  });

  it("a technician with no working day, or a day off that leaves a coming job without its technician, is refused", async () => {
    const { andi } = await team();
    expect(await saveTechnician(IDLE, form({ id: String(andi), technician: "on" }))).toEqual({ status: "invalid", errors: { weekdays: "Pilih minimal satu hari kerja." } });
    const order = await bookOrder(db(), { serviceDate: DAY });
    expect(order.technicianId).toBe(andi);
    const answer = await saveTechnician(IDLE, form({ id: String(andi), technician: "on", weekday: OTHER_DAYS }));
    expect(answer).toEqual({ status: "invalid", errors: { _form: `teknisi.andi masih punya pekerjaan pada ${formatDateDmy(DAY)} (1). Pindahkan pekerjaan itu ke teknisi lain dulu.` } });
    expect(await saveTechnician(IDLE, form({ id: String(andi) }))).toMatchObject({ status: "invalid" });
  });
});

describe("disabling a technician", () => {
  it("goes through (it signs them out), says how many coming jobs need another technician, and the places drop with them", async () => {
    const { andi } = await team();
    await bookOrder(db(), { serviceDate: DAY });
    expect((await getSlotAvailability(db(), { serviceDate: DAY })).map((s) => s.capacity)).toEqual([1, 1, 1, 1]);
    const answer = await toggleStaff(IDLE, form({ id: String(andi), disabled: "1" }));
    expect(answer).toEqual({
      status: "ok",
      message: "teknisi.andi dinonaktifkan dan dikeluarkan dari semua perangkat. Ia masih punya 1 pekerjaan mendatang: ganti teknisinya di halaman pesanan.",
    });
    // Bayu is off that weekday: no slot runs on DAY any more.
    expect(await getSlotAvailability(db(), { serviceDate: DAY })).toEqual([]);
  });
});

describe("the order page's 'Teknisi' select (changeTechnician)", () => {
  it("staff give an order to another technician on duty that day, or to nobody; audited with both names", async () => {
    const { andi } = await team();
    await createOrResetAdmin(db(), { username: "teknisi.citra", password: "kata-sandi-citra-26" });
    const citra = await idOf("teknisi.citra");
    await saveTechnician(IDLE, form({ id: String(citra), technician: "on", weekday: String(WEEKDAY) }));
    const order = await bookOrder(db(), { serviceDate: DAY });
    expect(order.technicianId).toBe(andi);
    actionContext.token = staffToken;
    expect(await changeTechnician(order.id, IDLE, form({ technicianId: String(citra) }))).toEqual({ status: "ok", message: "Teknisi pesanan diganti." });
    expect((await readOrder(db(), order.id)).technicianId).toBe(citra);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, "order.technician_changed"));
    expect(audit).toMatchObject({ actor: STAFF.username, before: { technician: "teknisi.andi" }, after: { technician: "teknisi.citra" } });
    expect(await changeTechnician(order.id, IDLE, form({ technicianId: "" }))).toMatchObject({ status: "ok" });
    expect((await readOrder(db(), order.id)).technicianId).toBeNull();
  });

  it("refuses a technician not on duty that day, with the reason, and changes nothing", async () => {
    const { bayu } = await team();
    const order = await bookOrder(db(), { serviceDate: DAY });
    actionContext.token = staffToken;
    const before = await snapshotTables(db());
    const answer = await changeTechnician(order.id, IDLE, form({ technicianId: String(bayu) }));
    expect(answer).toEqual({ status: "invalid", errors: { _form: `teknisi.bayu tidak masuk pada ${weekdayName(WEEKDAY)} ${formatDateDmy(DAY)}. Pilih teknisi yang masuk hari itu.` } });
    // Nor someone who is no technician at all (the owner's id), nor an id that names nobody.
    for (const id of [String(await idOf("sari")), "999999"]) {
      expect(await changeTechnician(order.id, IDLE, form({ technicianId: id }))).toMatchObject({ status: "invalid" });
    }
    expect(await snapshotTables(db())).toEqual(before);
  });

  it("a technician may not hand jobs around (the wrong role), theirs or another's: refused, nothing changed", async () => {
    const { andi } = await team();
    const order = await bookOrder(db(), { serviceDate: DAY });
    expect(order.technicianId).toBe(andi);
    actionContext.token = await tokenOf(ANDI);
    const before = await snapshotTables(db(), { except: ["admin_sessions"] });
    expect(await changeTechnician(order.id, IDLE, form({ technicianId: "" }))).toEqual({ status: "invalid", errors: { _form: TECHNICIAN_MAY_NOT_REASSIGN } });
    expect(await snapshotTables(db(), { except: ["admin_sessions"] })).toEqual(before);
    expect((await db().select().from(orders))[0]!.technicianId).toBe(andi);
  });
});

describe("one technician, one job of a slot (manual double assignment)", () => {
  /** Andi (every day) and, on DAY, the named technicians; the owner set them through the technician box. */
  async function teamOnDay(...usernames: string[]): Promise<Record<string, number>> {
    const { andi } = await team();
    const ids: Record<string, number> = { andi };
    for (const username of usernames) {
      await createOrResetAdmin(db(), { username, password: `kata-sandi-${username}` });
      ids[username] = await idOf(username);
      expect(await saveTechnician(IDLE, form({ id: String(ids[username]), technician: "on", weekday: String(WEEKDAY) }))).toMatchObject({ status: "ok" });
    }
    return ids;
  }

  /** Andi and Citra on DAY: two bookings of its first slot (Andi's, Citra's) and a later one of Andi's; signed in as staff. */
  async function twoJobsInASlot() {
    const { andi, "teknisi.citra": citra } = await teamOnDay("teknisi.citra");
    const first = await bookOrder(db(), { serviceDate: DAY });
    const second = await bookOrder(db(), { serviceDate: DAY, chatId: 5550002 });
    const later = await bookOrder(db(), { serviceDate: DAY, chatId: 5550003, slotIndex: 1 });
    expect([first.technicianId, second.technicianId, later.technicianId]).toEqual([andi, citra, andi]);
    actionContext.token = staffToken;
    return { andi, citra, first, second, later };
  }

  it("refuses a technician who already has a job in the order's slot that day, naming it, and changes nothing; another slot is fine", async () => {
    const { andi, citra, first, second, later } = await twoJobsInASlot();
    const before = await snapshotTables(db(), { except: ["admin_sessions"] });
    expect(await changeTechnician(second.id, IDLE, form({ technicianId: String(andi) }))).toEqual({
      status: "invalid",
      errors: { _form: technicianBusy("teknisi.andi", first.bookingCode, `${first.slotLabel} ${weekdayName(WEEKDAY)} ${formatDateDmy(DAY)}`) },
    });
    expect(await snapshotTables(db(), { except: ["admin_sessions"] })).toEqual(before);
    expect(technicianBusy("teknisi.andi", "X", "Y")).toMatch(/^teknisi\.andi sudah memegang pesanan X pada Y; .*Tidak ada yang diubah\.$/);
    // Citra is free in the later slot; a cancelled job does not keep a technician busy.
    expect(await changeTechnician(later.id, IDLE, form({ technicianId: String(citra) }))).toMatchObject({ status: "ok" });
    await db().update(orders).set({ repairStatus: "cancelled" }).where(eq(orders.id, first.id));
    expect(await changeTechnician(second.id, IDLE, form({ technicianId: String(andi) }))).toMatchObject({ status: "ok" });
  });

  it("the order page marks before saving who already has a job in the order's slot that day, naming it, and who is off that day", async () => {
    const { first, second, later } = await twoJobsInASlot();
    const choices = async (id: string) => {
      const select = /<select name="technicianId".*?<\/select>/.exec(renderToString(await OrderDetailPage({ params: Promise.resolve({ id }) })))![0];
      return [...select.matchAll(/<option value="\d+"[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);
    };
    expect(await choices(second.id)).toEqual([`teknisi.andi — sudah ada job ${first.bookingCode} di slot ini`, "teknisi.bayu — libur hari itu", "teknisi.citra"]);
    // An order's own technician is not busy with it; the later slot has no other job.
    expect(await choices(later.id)).toEqual(["teknisi.andi", "teknisi.bayu — libur hari itu", "teknisi.citra"]);
    await db().update(orders).set({ repairStatus: "cancelled" }).where(eq(orders.id, first.id));
    expect(await choices(second.id)).toEqual(["teknisi.andi", "teknisi.bayu — libur hari itu", "teknisi.citra"]);
  });

  it("two changes at once that would both give one technician a job in the same slot: at most one wins", async () => {
    const { "teknisi.dedi": dedi } = await teamOnDay("teknisi.citra", "teknisi.dedi");
    const first = await bookOrder(db(), { serviceDate: DAY });
    const second = await bookOrder(db(), { serviceDate: DAY, chatId: 5550002 });
    expect(first.technicianId).not.toBe(dedi);
    expect(second.technicianId).not.toBe(dedi);
    actionContext.token = staffToken;
    const answers = await Promise.all([first, second].map((order) => changeTechnician(order.id, IDLE, form({ technicianId: String(dedi) }))));
    expect(answers.map((answer) => answer.status).sort()).toEqual(["invalid", "ok"]);
    const rows = await db().select().from(orders).where(eq(orders.technicianId, dedi!));
    expect(rows).toHaveLength(1);
  });
});
