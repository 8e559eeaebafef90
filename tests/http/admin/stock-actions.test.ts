// The stock page's forms (/admin/stock): server actions that check the session and the role themselves.
import { and, eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import { countStock, receiveStock, saveStockSetting, untrackStock } from "@/app/admin/(dashboard)/stock/actions";
import StockPage from "@/app/admin/(dashboard)/stock/page";
import { saveStaffChats } from "@/db/queries/staff-chats";
import { auditLog, outbox, partStock } from "@/db/schema";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { overrideEnv } from "@/lib/env";
import { actionContext, formOf, revokedToken, signInOwnerAndStaff } from "@/tests/support/action-session";
import { listOfferedParts } from "@/lib/booking/shelf";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));
jest.mock("next/navigation", () => ({
  redirect: (path: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { path });
  },
}));

const suite = registerSuiteDatabase();
const db = () => suite.db;
const IDLE: AdminActionState = { status: "idle" };
const BATTERY_X = { deviceId: "10", partId: "1" };
let tokens: { owner: string; staff: string };

const shelf = async () => (await db().select().from(partStock).where(and(eq(partStock.deviceId, 10), eq(partStock.partId, 1))))[0];
const stockAudits = () => db().select().from(auditLog).where(eq(auditLog.entity, "part_stock"));

beforeEach(async () => {
  overrideEnv({ APP_URL: "https://jiot.example.com" });
  tokens = await signInOwnerAndStaff(db());
  actionContext.token = tokens.owner;
});

describe("the stock page's server actions", () => {
  it("'Terima barang' from the new-part list starts tracking the part, audited with who and how many", async () => {
    actionContext.token = tokens.staff;
    expect(await receiveStock(IDLE, formOf({ pair: "10:1", quantity: "3" }))).toEqual({ status: "ok", message: "3 unit Battery iPhone X diterima; di rak sekarang 3." });
    expect(await receiveStock(IDLE, formOf({ ...BATTERY_X, quantity: "2" }))).toMatchObject({ status: "ok" });
    expect(await shelf()).toMatchObject({ onHand: 5 });
    const audits = await stockAudits();
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({ actor: "budi", action: "stock.received", entityId: "10:1", before: { onHand: 3 }, after: { onHand: 5, quantity: 2 } });
  });

  it("'Koreksi' sets the count with a reason (owner), audited; no reason, or a negative count, changes nothing", async () => {
    await receiveStock(IDLE, formOf({ ...BATTERY_X, quantity: "4" }));
    expect(await countStock(IDLE, formOf({ ...BATTERY_X, onHand: "3", reason: "" }))).toMatchObject({ status: "invalid", errors: { reason: expect.any(String) } });
    expect(await countStock(IDLE, formOf({ ...BATTERY_X, onHand: "-1", reason: "hitung ulang" }))).toMatchObject({ status: "invalid", errors: { onHand: "Jumlah di rak minimal 0." } });
    expect(await shelf()).toMatchObject({ onHand: 4 });
    expect(await countStock(IDLE, formOf({ ...BATTERY_X, onHand: "3", reason: "satu rusak" }))).toEqual({ status: "ok", message: "Stok Battery iPhone X dikoreksi menjadi 3." });
    const adjusted = (await stockAudits()).find((a) => a.action === "stock.adjusted");
    expect(adjusted).toMatchObject({ actor: "sari", before: { onHand: 4 }, after: { onHand: 3, reason: "satu rusak" } });
  });

  it("the settings save the low-stock level and back-order days; an empty back-order means none", async () => {
    expect(await saveStockSetting(IDLE, formOf({ ...BATTERY_X, lowAt: "2", backorderDays: "5" }))).toMatchObject({ status: "ok" });
    expect(await shelf()).toMatchObject({ lowAt: 2, backorderDays: 5 });
    await saveStockSetting(IDLE, formOf({ ...BATTERY_X, lowAt: "2", backorderDays: "" }));
    expect(await shelf()).toMatchObject({ backorderDays: null });
    expect((await stockAudits()).map((a) => a.action)).toEqual(["stock.settings", "stock.settings"]);
  });

  it("a part the catalog does not price for that device is refused", async () => {
    expect(await receiveStock(IDLE, formOf({ deviceId: "10", partId: "999", quantity: "1" }))).toMatchObject({ status: "invalid", errors: { _form: expect.stringContaining("tidak ada di katalog") } });
    expect(await db().select().from(partStock)).toHaveLength(0);
  });

  it("refuses without a session, with a signed-out one, and refuses staff a count or the settings; nothing changes", async () => {
    for (const token of [undefined, await revokedToken(db())]) {
      actionContext.token = token;
      for (const result of [
        await receiveStock(IDLE, formOf({ ...BATTERY_X, quantity: "5" })),
        await countStock(IDLE, formOf({ ...BATTERY_X, onHand: "9", reason: "hack" })),
        await saveStockSetting(IDLE, formOf({ ...BATTERY_X, lowAt: "0", backorderDays: "1" })),
      ]) {
        expect(result).toMatchObject({ status: "invalid", errors: { _form: expect.any(String) } });
      }
    }
    actionContext.token = tokens.staff;
    expect(await countStock(IDLE, formOf({ ...BATTERY_X, onHand: "9", reason: "hitung" }))).toEqual({ status: "invalid", errors: { _form: "Hanya pemilik toko yang dapat melakukan ini." } });
    expect(await saveStockSetting(IDLE, formOf({ ...BATTERY_X, lowAt: "0", backorderDays: "1" }))).toMatchObject({ status: "invalid" });
    expect(await db().select().from(partStock)).toHaveLength(0);
    expect(await stockAudits()).toHaveLength(0);
  });

  it("a receipt that brings the units left above the level re-arms the low-stock alert", async () => {
    await saveStaffChats(db(), [-100888]);
    await receiveStock(IDLE, formOf({ ...BATTERY_X, quantity: "1" }));
    await saveStockSetting(IDLE, formOf({ ...BATTERY_X, lowAt: "1", backorderDays: "" }));
    const alerts = () => db().select().from(outbox).where(eq(outbox.chatId, -100888));
    expect(await alerts()).toHaveLength(1); // 1 left, at the level
    expect((await shelf())!.lowAlertSentAt).not.toBeNull();
    await receiveStock(IDLE, formOf({ ...BATTERY_X, quantity: "2" }));
    expect((await shelf())!.lowAlertSentAt).toBeNull();
    await bookOrder(db(), { chatId: 1 });
    await bookOrder(db(), { chatId: 2, slotIndex: 1 });
    expect(await alerts()).toHaveLength(2); // 3 on hand, 2 reserved: 1 left again
  });
});

describe("'Berhenti lacak'", () => {
  it("the owner stops counting a part: its row goes, audited as stock.untracked, and the part is offered without limit again", async () => {
    await receiveStock(IDLE, formOf({ ...BATTERY_X, quantity: "1" }));
    await saveStockSetting(IDLE, formOf({ ...BATTERY_X, lowAt: "0", backorderDays: "" }));
    await bookOrder(db(), { chatId: 1 });
    const battery = async () => (await listOfferedParts(db(), { deviceId: 10, now: new Date() })).find((p) => p.partId === 1)?.offer;
    expect(await battery()).toBeUndefined(); // the only unit is booked, no back-order

    expect(await untrackStock(IDLE, formOf(BATTERY_X))).toEqual({ status: "ok", message: "Stok Battery iPhone X tidak dilacak lagi; part itu selalu ditawarkan." });
    expect(await shelf()).toBeUndefined();
    expect(await battery()).toEqual({ kind: "in_stock", left: null });
    for (let chatId = 2; chatId <= 4; chatId++) await bookOrder(db(), { chatId, slotIndex: chatId % 3 });
    const untracked = (await stockAudits()).find((a) => a.action === "stock.untracked");
    expect(untracked).toMatchObject({ actor: "sari", entityId: "10:1", before: { onHand: 1, lowAt: 0, backorderDays: null }, after: { device: "iPhone X", part: "Battery" } });
    expect(await untrackStock(IDLE, formOf(BATTERY_X))).toEqual({ status: "invalid", errors: { _form: "Stok part itu sudah tidak dicatat." } });
  });

  it("is refused without a session, with a signed-out one and to staff; the part stays counted and nothing is audited", async () => {
    await receiveStock(IDLE, formOf({ ...BATTERY_X, quantity: "2" }));
    for (const token of [undefined, await revokedToken(db()), tokens.staff]) {
      actionContext.token = token;
      expect(await untrackStock(IDLE, formOf(BATTERY_X))).toMatchObject({ status: "invalid", errors: { _form: expect.any(String) } });
    }
    expect(await untrackStock(IDLE, formOf(BATTERY_X))).toEqual({ status: "invalid", errors: { _form: "Hanya pemilik toko yang dapat melakukan ini." } });
    expect(await shelf()).toMatchObject({ onHand: 2 });
    expect((await stockAudits()).map((a) => a.action)).toEqual(["stock.received"]);
  });
});

describe("/admin/stock", () => {
  it("without a session sends to the login; staff see the levels and only 'Terima barang', the owner also 'Koreksi'", async () => {
    actionContext.token = undefined;
    await expect(StockPage({ searchParams: Promise.resolve({}) })).rejects.toMatchObject({ path: "/admin/login?next=%2Fadmin%2Fstock" });
    actionContext.token = tokens.owner;
    await receiveStock(IDLE, formOf({ ...BATTERY_X, quantity: "2" }));
    await bookOrder(db(), { chatId: 1 });

    actionContext.token = tokens.staff;
    const staffHtml = renderToString(await StockPage({ searchParams: Promise.resolve({}) }));
    expect(staffHtml).toContain("Stok spare part");
    expect(staffHtml).toMatch(/Di rak <!-- -->2<!-- --> · Dipesan <!-- -->1<!-- --> · <strong>Sisa <!-- -->1<\/strong>/);
    expect(staffHtml).toContain("Terima barang");
    expect(staffHtml).not.toContain("Koreksi");
    expect(staffHtml).not.toContain("Berhenti lacak");
    actionContext.token = tokens.owner;
    const ownerHtml = renderToString(await StockPage({ searchParams: Promise.resolve({}) }));
    expect(ownerHtml).toContain("Koreksi");
    expect(ownerHtml).toContain("Berhenti lacak");
  });

  it("the marker: 'Menipis' at the level, 'Habis' when empty, 'Habis · inden X hari' when empty with a back-order", async () => {
    await receiveStock(IDLE, formOf({ ...BATTERY_X, quantity: "2" }));
    await saveStockSetting(IDLE, formOf({ ...BATTERY_X, lowAt: "1", backorderDays: "" }));
    const badge = async () => renderToString(await StockPage({ searchParams: Promise.resolve({}) })).match(/<span class="[^"]*badge[^"]*">([^<]*(?:<!-- -->[^<]*)*)<\/span>/)?.[1]?.replaceAll("<!-- -->", "");
    expect(await badge()).toBeUndefined();
    await bookOrder(db(), { chatId: 1 });
    expect(await badge()).toBe("Menipis");
    await bookOrder(db(), { chatId: 2, slotIndex: 1 });
    expect(await badge()).toBe("Habis");
    await saveStockSetting(IDLE, formOf({ ...BATTERY_X, lowAt: "1", backorderDays: "4" }));
    expect(await badge()).toBe("Habis · inden 4 hari");
  });
});
