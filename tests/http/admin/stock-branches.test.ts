// Issue 16, branches: /admin/stock shows and changes one branch's shelf (?cabang=); staff of some branches
// get their branches' shelves, and each action checks, in itself, that the posted branch is one of theirs.
import { and, eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import { countStock, receiveStock, saveStockSetting } from "@/app/admin/(dashboard)/stock/actions";
import StockPage from "@/app/admin/(dashboard)/stock/page";
import { addAdminToBranch, removeAdminFromBranch } from "@/db/queries/branches";
import { saveStaffChatBranches, saveStaffChats } from "@/db/queries/staff-chats";
import { admins, FIRST_BRANCH_ID, outbox, partStock } from "@/db/schema";
import { OTHER_BRANCH } from "@/lib/admin/branch-scope";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { OWNER_ONLY_MESSAGE } from "@/lib/admin/roles";
import { actionContext, formOf, signInOwnerAndStaffBeforeEach, STAFF } from "@/tests/support/action-session";
import { addDepokBranch, deactivateBranch, DEPOK } from "@/tests/support/branch-fixtures";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const suite = registerSuiteDatabase();
const db = () => suite.db;
const IDLE: AdminActionState = { status: "idle" };
const BATTERY_X = { deviceId: "10", partId: "1" };
// A refused form signs nothing in and audits nothing: every table stays as it was.
const unchanged = () => snapshotTables(db(), { except: ["admin_sessions", "rate_limits"] });
const shelfOf = async (branchId: number) =>
  (await db().select().from(partStock).where(and(eq(partStock.branchId, branchId), eq(partStock.deviceId, 10), eq(partStock.partId, 1))))[0];
const renderStock = async (query: Record<string, string> = {}) => renderToString(await StockPage({ searchParams: Promise.resolve(query) }));
const level = (onHand: number) => `Di rak <!-- -->${onHand}<!-- -->`;

const tokens = signInOwnerAndStaffBeforeEach(db);
let depok: { branchId: number; slotId: number };

/** Branch 1 has 2 iPhone X batteries on its shelf, Depok 7. */
async function twoShelves() {
  depok = await addDepokBranch(db());
  await db().insert(partStock).values([
    { branchId: FIRST_BRANCH_ID, deviceId: 10, partId: 1, onHand: 2 },
    { branchId: depok.branchId, deviceId: 10, partId: 1, onHand: 7 },
  ]);
}

async function staffOnlyAtDepok() {
  const [staff] = await db().select().from(admins).where(eq(admins.username, STAFF.username));
  await addAdminToBranch(db(), { adminId: staff!.id, branchId: depok.branchId });
  await removeAdminFromBranch(db(), { adminId: staff!.id, branchId: FIRST_BRANCH_ID });
  return staff!.id;
}

describe("the stock page with two branches", () => {
  it("the owner sees the first branch's shelf with a picker, and Depok's with ?cabang=", async () => {
    await twoShelves();
    const first = await renderStock();
    expect(first).toContain('aria-label="Pilih cabang"');
    expect(first).toContain(level(2));
    expect(first).not.toContain(level(7));
    const atDepok = await renderStock({ cabang: String(depok.branchId) });
    expect(atDepok).toContain(level(7));
    expect(atDepok).not.toContain(level(2));
    expect(atDepok).toContain(`name="branchId" value="${depok.branchId}"`);
    expect(atDepok).not.toContain(`name="branchId" value="${FIRST_BRANCH_ID}"`);
  });

  it("staff of Depok only get Depok's shelf (named, no choice), whatever ?cabang= asks; no redirect", async () => {
    await twoShelves();
    await staffOnlyAtDepok();
    actionContext.token = tokens.staff;
    for (const query of [{}, { cabang: String(FIRST_BRANCH_ID) }] as Record<string, string>[]) {
      const page = await renderStock(query);
      expect(page).toContain(level(7));
      expect(page).not.toContain(level(2));
      expect(page).toContain(`Cabang <strong>${DEPOK.name}</strong>`);
      expect(page).not.toContain("Pilih cabang");
    }
  });

  it("staff in no branch see a note and no shelf", async () => {
    await twoShelves();
    const staffId = await staffOnlyAtDepok();
    await removeAdminFromBranch(db(), { adminId: staffId, branchId: depok.branchId });
    actionContext.token = tokens.staff;
    const page = await renderStock();
    expect(page).toContain("Anda belum ditempatkan di cabang mana pun.");
    expect(page).not.toContain("Di rak");
  });

  it("with one branch there is no picker and no branch name", async () => {
    await db().insert(partStock).values({ deviceId: 10, partId: 1, onHand: 2 });
    const page = await renderStock();
    expect(page).toContain(level(2));
    expect(page).not.toContain("Pilih cabang");
    expect(page).not.toContain("Cabang <strong>");
  });
});

describe("the stock actions at a branch", () => {
  it("a receipt and a count go to the posted branch's shelf only", async () => {
    await twoShelves();
    const atDepok = { ...BATTERY_X, branchId: String(depok.branchId) };
    expect(await receiveStock(IDLE, formOf({ ...atDepok, quantity: "3" }))).toEqual({ status: "ok", message: "3 unit Battery iPhone X diterima; di rak sekarang 10." });
    expect(await countStock(IDLE, formOf({ ...atDepok, onHand: "9", reason: "satu rusak" }))).toMatchObject({ status: "ok" });
    expect(await shelfOf(depok.branchId)).toMatchObject({ onHand: 9 });
    expect(await shelfOf(FIRST_BRANCH_ID)).toMatchObject({ onHand: 2 });
  });

  it("staff of Depok receive at Depok", async () => {
    await twoShelves();
    await staffOnlyAtDepok();
    actionContext.token = tokens.staff;
    expect(await receiveStock(IDLE, formOf({ ...BATTERY_X, branchId: String(depok.branchId), quantity: "1" }))).toMatchObject({ status: "ok" });
    expect(await shelfOf(depok.branchId)).toMatchObject({ onHand: 8 });
  });

  it("staff of branch 1 posting Depok's branch id are refused with why, and nothing changes", async () => {
    await twoShelves();
    actionContext.token = tokens.staff;
    const before = await unchanged();
    const atDepok = { ...BATTERY_X, branchId: String(depok.branchId) };
    expect(await receiveStock(IDLE, formOf({ ...atDepok, quantity: "5" }))).toEqual({ status: "invalid", errors: { _form: OTHER_BRANCH } });
    expect(await receiveStock(IDLE, formOf({ pair: "10:1", branchId: String(depok.branchId), quantity: "5" }))).toEqual({ status: "invalid", errors: { _form: OTHER_BRANCH } });
    expect(await countStock(IDLE, formOf({ ...atDepok, onHand: "0", reason: "serangan" }))).toEqual({ status: "invalid", errors: { _form: OWNER_ONLY_MESSAGE } });
    expect(await unchanged()).toEqual(before);
    // Their own branch's shelf they still receive for.
    expect(await receiveStock(IDLE, formOf({ ...BATTERY_X, branchId: String(FIRST_BRANCH_ID), quantity: "1" }))).toMatchObject({ status: "ok" });
  });

  it("the owner posting an unknown or inactive branch is refused, and nothing changes", async () => {
    await twoShelves();
    await deactivateBranch(db(), depok.branchId);
    const before = await unchanged();
    for (const branchId of ["999", String(depok.branchId)]) {
      expect(await receiveStock(IDLE, formOf({ ...BATTERY_X, branchId, quantity: "5" }))).toEqual({ status: "invalid", errors: { _form: OTHER_BRANCH } });
    }
    expect(await unchanged()).toEqual(before);
  });
});

describe("the low-stock alert", () => {
  const alertText = async () => {
    const [alert] = await db().select().from(outbox).where(eq(outbox.chatId, -100777));
    return alert!.payload.params.text;
  };

  it("names the branch and links to its shelf when there are two branches", async () => {
    await twoShelves();
    await saveStaffChats(db(), [-100777]);
    expect(await saveStockSetting(IDLE, formOf({ ...BATTERY_X, branchId: String(depok.branchId), lowAt: "7", backorderDays: "" }))).toMatchObject({ status: "ok" });
    expect(await alertText()).toBe(
      `📦 Stok menipis · Battery, iPhone X · ${DEPOK.name}\nSisa 7 (di rak 7, sisanya sudah dipesan)\nhttps://jiot.example.com/admin/stock?cabang=${depok.branchId}`,
    );
  });

  it("goes to the whole shop's chats and Depok's own, not to a chat of the first branch's staff", async () => {
    await twoShelves();
    await saveStaffChats(db(), [-100777, -100778, -100779]);
    await saveStaffChatBranches(db(), new Map([[-100778, depok.branchId], [-100779, FIRST_BRANCH_ID]]));
    expect(await saveStockSetting(IDLE, formOf({ ...BATTERY_X, branchId: String(depok.branchId), lowAt: "7", backorderDays: "" }))).toMatchObject({ status: "ok" });
    const chats = (await db().select().from(outbox)).map((row) => row.chatId).sort();
    expect(chats).toEqual([-100778, -100777].sort());
  });

  it("reads as before with one branch", async () => {
    await db().insert(partStock).values({ deviceId: 10, partId: 1, onHand: 2 });
    await saveStaffChats(db(), [-100777]);
    expect(await saveStockSetting(IDLE, formOf({ ...BATTERY_X, lowAt: "2", backorderDays: "" }))).toMatchObject({ status: "ok" });
    expect(await alertText()).toBe("📦 Stok menipis · Battery, iPhone X\nSisa 2 (di rak 2, sisanya sudah dipesan)\nhttps://jiot.example.com/admin/stock");
  });
});
