// Issue 16, branches: /admin/schedule shows and changes one branch's slots and closed dates (?cabang=);
// every action checks, in the action itself, that the branch it touches is one the admin may handle.
import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import SchedulePage from "@/app/admin/(dashboard)/schedule/page";
import {
  cancelClosingOrder,
  closeDateAction,
  reopenDateAction,
  removeSlotAction,
  saveSlotAction,
  saveWeekAction,
} from "@/app/admin/(dashboard)/schedule/actions";
import { admins, closedDates, FIRST_BRANCH_ID, slots } from "@/db/schema";
import { mayHandleBranches, OTHER_BRANCH } from "@/lib/admin/branch-scope";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { OWNER_ONLY_MESSAGE } from "@/lib/admin/roles";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { createBooking } from "@/lib/booking/create-booking";
import { actionContext, formOf, signInOwnerAndStaffBeforeEach, STAFF } from "@/tests/support/action-session";
import { dropAfterResponse, restoreAfterResponse } from "@/tests/support/after-response";
import { addDepokBranch, deactivateBranch, DEPOK } from "@/tests/support/branch-fixtures";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { bookOrder, customerBooking, readOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const suite = registerSuiteDatabase();
const db = () => suite.db;
const IDLE: AdminActionState = { status: "idle" };
const DAY = addDays(todayInJakarta(), 3);
const DEPOK_SLOT = "10.00 - 12.00 WIB";
const KEMANG_SLOT = "09.00 - 11.00 WIB";
/** A slot's row on the page (its label also shows as the new slot's placeholder). */
const row = (label: string) => `aria-label="Label ${label}"`;
// A refused form signs nothing in and audits nothing: every table stays as it was.
const unchanged = () => snapshotTables(db(), { except: ["admin_sessions", "rate_limits"] });

const tokens = signInOwnerAndStaffBeforeEach(db);
beforeEach(() => dropAfterResponse());
afterEach(() => restoreAfterResponse());

const renderSchedule = async (query: Record<string, string> = {}) => renderToString(await SchedulePage({ searchParams: Promise.resolve(query) }));
const redirectOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { digest?: string }) => error.digest,
  );

describe("the schedule page with two branches", () => {
  it("shows the picked branch's slots and closed dates only; without ?cabang= the first branch's, with a branch picker", async () => {
    const depok = await addDepokBranch(db());
    await db().insert(closedDates).values([
      { branchId: depok.branchId, date: DAY, reason: "Renovasi Depok" },
      { branchId: FIRST_BRANCH_ID, date: addDays(DAY, 1), reason: "Libur Kemang" },
    ]);
    const first = await renderSchedule();
    expect(first).toContain('aria-label="Pilih cabang"');
    expect(first).toContain(`>${DEPOK.name}</option>`);
    expect(first).toContain(row(KEMANG_SLOT));
    expect(first).not.toContain(row(DEPOK_SLOT));
    expect(first).toContain("Libur Kemang");
    expect(first).not.toContain("Renovasi Depok");

    const atDepok = await renderSchedule({ cabang: String(depok.branchId) });
    expect(atDepok).toContain(row(DEPOK_SLOT));
    expect(atDepok).not.toContain(row(KEMANG_SLOT));
    expect(atDepok).toContain("Renovasi Depok");
    expect(atDepok).not.toContain("Libur Kemang");
    expect(atDepok).toContain(`name="branchId" value="${depok.branchId}"`);
  });

  it("the technicians note counts the picked branch's technicians", async () => {
    const depok = await addDepokBranch(db());
    await db().update(admins).set({ technician: true }).where(eq(admins.username, STAFF.username));
    expect(await renderSchedule()).toMatch(/punya <!-- -->1<!-- --> teknisi/);
    expect(await renderSchedule({ cabang: String(depok.branchId) })).not.toContain("teknisi");
  });

  it("an unknown ?cabang= shows the first branch", async () => {
    await addDepokBranch(db());
    expect(await renderSchedule({ cabang: "999" })).toContain(row(KEMANG_SLOT));
  });

  it("with one branch there is no picker", async () => {
    const page = await renderSchedule();
    expect(page).not.toContain("Pilih cabang");
    expect(page).toContain(row(KEMANG_SLOT));
  });

  it("staff of one branch get the owner-only notice, not a redirect", async () => {
    await addDepokBranch(db());
    actionContext.token = tokens.staff;
    const page = await renderSchedule();
    expect(page).toContain("Halaman ini hanya untuk pemilik toko.");
    expect(page).not.toContain(row(KEMANG_SLOT));
  });
});

describe("the owner's schedule actions at a branch", () => {
  it("a new slot goes to the posted branch; its label need only be unique there", async () => {
    const depok = await addDepokBranch(db());
    const form = { branchId: String(depok.branchId), label: KEMANG_SLOT, startTime: "09:00", endTime: "11:00", capacity: "3", active: "on" };
    expect(await saveSlotAction(IDLE, formOf(form))).toEqual({ status: "ok", message: `Jam servis "${KEMANG_SLOT}" ditambahkan.` });
    const made = await db().select().from(slots).where(eq(slots.branchId, depok.branchId));
    expect(made.map((s) => s.label).sort()).toEqual([KEMANG_SLOT, DEPOK_SLOT].sort());
    expect(await saveSlotAction(IDLE, formOf(form))).toEqual({ status: "invalid", errors: { label: `Label "${KEMANG_SLOT}" sudah dipakai.` } });
  });

  it("an edited slot stays at its own branch, whatever branch the form posts", async () => {
    const depok = await addDepokBranch(db());
    const form = { id: String(depok.slotId), branchId: String(FIRST_BRANCH_ID), label: DEPOK_SLOT, startTime: "10:00", endTime: "12:00", capacity: "4", active: "on" };
    expect(await saveSlotAction(IDLE, formOf(form))).toMatchObject({ status: "ok" });
    expect(await db().select().from(slots).where(eq(slots.id, depok.slotId))).toEqual([expect.objectContaining({ branchId: depok.branchId, capacity: 4 })]);
  });

  it("closing a date at one branch counts and closes that branch only; reopening it leaves the other's closing", async () => {
    const depok = await addDepokBranch(db());
    await bookOrder(db(), { chatId: 1, serviceDate: DAY });
    expect(await closeDateAction(IDLE, formOf({ branchId: String(depok.branchId), date: DAY, reason: "Renovasi" }))).toMatchObject({ status: "ok" });
    await db().insert(closedDates).values({ branchId: FIRST_BRANCH_ID, date: addDays(DAY, 1), reason: "" });
    await db().insert(closedDates).values({ branchId: depok.branchId, date: addDays(DAY, 1), reason: "" });
    expect(await reopenDateAction(IDLE, formOf({ branchId: String(depok.branchId), date: addDays(DAY, 1) }))).toMatchObject({ status: "ok" });
    const rows = await db().select().from(closedDates);
    expect(rows.map((r) => `${r.branchId}:${r.date}`).sort()).toEqual([`${depok.branchId}:${DAY}`, `${FIRST_BRANCH_ID}:${addDays(DAY, 1)}`].sort());
  });

  it("a booked date at a branch sends the browser to that branch's closing panel, with its orders only", async () => {
    const depok = await addDepokBranch(db());
    const kemang = await bookOrder(db(), { chatId: 1, serviceDate: DAY });
    const booked = await createBooking(db(), customerBooking({ chatId: 5582001, slotId: depok.slotId, serviceDate: DAY }));
    if (!booked.ok) throw new Error(booked.reason);
    const redirected = await redirectOf(closeDateAction(IDLE, formOf({ branchId: String(depok.branchId), date: DAY, reason: "Renovasi" })));
    expect(redirected).toContain(`;/admin/schedule?closing=${DAY}&reason=Renovasi&cabang=${depok.branchId};`);
    const panel = await renderSchedule({ closing: DAY, reason: "Renovasi", cabang: String(depok.branchId) });
    expect(panel).toContain(`Pindahkan ${booked.order.bookingCode}`);
    expect(panel).not.toContain(kemang.bookingCode);
  });

  it("the closing panel of one branch does not cancel another branch's order", async () => {
    const depok = await addDepokBranch(db());
    const kemang = await bookOrder(db(), { chatId: 1, serviceDate: DAY });
    const before = await unchanged();
    const result = await cancelClosingOrder(IDLE, formOf({ branchId: String(depok.branchId), date: DAY, orderId: kemang.id }));
    expect(result).toEqual({ status: "invalid", errors: { _form: "Pesanan tidak ditemukan." } });
    expect(await unchanged()).toEqual(before);
    expect(await readOrder(db(), kemang.id)).toMatchObject({ repairStatus: kemang.repairStatus });
  });

  it("a branch that is unknown or inactive is refused with why, and nothing changes", async () => {
    const depok = await addDepokBranch(db());
    await deactivateBranch(db(), depok.branchId);
    const before = await unchanged();
    const refused = { status: "invalid", errors: { _form: OTHER_BRANCH } };
    for (const branchId of ["999", String(depok.branchId)]) {
      expect(await saveSlotAction(IDLE, formOf({ branchId, label: "Malam", startTime: "19:00", endTime: "21:00", capacity: "2", active: "on" }))).toEqual(refused);
      expect(await closeDateAction(IDLE, formOf({ branchId, date: DAY, reason: "" }))).toEqual(refused);
    }
    expect(await saveWeekAction(IDLE, formOf({ [`cap-${depok.slotId}-6`]: "0" }))).toEqual(refused);
    expect(await unchanged()).toEqual(before);
  });
});

describe("staff of branch 1 posting the schedule's actions at Depok", () => {
  it("every one is refused and nothing changes", async () => {
    const depok = await addDepokBranch(db());
    actionContext.token = tokens.staff;
    const before = await unchanged();
    const refused = { status: "invalid", errors: { _form: OWNER_ONLY_MESSAGE } };
    const attempts: [string, Promise<unknown>][] = [
      ["new slot at Depok", saveSlotAction(IDLE, formOf({ branchId: String(depok.branchId), label: "Malam", startTime: "19:00", endTime: "21:00", capacity: "2", active: "on" }))],
      ["edit a Depok slot", saveSlotAction(IDLE, formOf({ id: String(depok.slotId), label: DEPOK_SLOT, startTime: "10:00", endTime: "12:00", capacity: "9", active: "on" }))],
      ["remove a Depok slot", removeSlotAction(IDLE, formOf({ id: String(depok.slotId) }))],
      ["Depok's weekly grid", saveWeekAction(IDLE, formOf({ [`cap-${depok.slotId}-6`]: "0" }))],
      ["close a date at Depok", closeDateAction(IDLE, formOf({ branchId: String(depok.branchId), date: DAY, reason: "" }))],
    ];
    for (const [name, attempt] of attempts) expect([name, await attempt]).toEqual([name, refused]);
    expect(await unchanged()).toEqual(before);
  });

  it("the branch check itself: staff may handle their branch only, the owner every active one", async () => {
    const depok = await addDepokBranch(db());
    const [staff] = await db().select().from(admins).where(eq(admins.username, STAFF.username));
    const [owner] = await db().select().from(admins).where(eq(admins.role, "owner"));
    expect(await mayHandleBranches(db(), staff!, [FIRST_BRANCH_ID])).toBe(true);
    expect(await mayHandleBranches(db(), staff!, [depok.branchId])).toBe(false);
    expect(await mayHandleBranches(db(), staff!, [FIRST_BRANCH_ID, depok.branchId])).toBe(false);
    expect(await mayHandleBranches(db(), owner!, [FIRST_BRANCH_ID, depok.branchId])).toBe(true);
    expect(await mayHandleBranches(db(), owner!, [999])).toBe(false);
  });
});
