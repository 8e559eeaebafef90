// Issue 16, branches: the owner sets and clears a branch's own price of a device's part on the catalog page;
// each change is audited, the bot quotes it at that branch, and the action checks the posted branch itself.
import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import { clearBranchPriceAction, saveBranchPriceAction } from "@/app/admin/(dashboard)/catalog/actions";
import CatalogPage from "@/app/admin/(dashboard)/catalog/page";
import { auditLog, branchPrices, FIRST_BRANCH_ID, parts } from "@/db/schema";
import { OTHER_BRANCH } from "@/lib/admin/branch-scope";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { OWNER_ONLY_MESSAGE } from "@/lib/admin/roles";
import { listOfferedParts } from "@/lib/booking/shelf";
import { actionContext, formOf, signInOwnerAndStaffBeforeEach } from "@/tests/support/action-session";
import { addDepokBranch, deactivateBranch, DEPOK } from "@/tests/support/branch-fixtures";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const suite = registerSuiteDatabase();
const db = () => suite.db;
const IDLE: AdminActionState = { status: "idle" };
const BATTERY_X = { deviceId: "10", partId: "1" };
const unchanged = () => snapshotTables(db(), { except: ["admin_sessions", "rate_limits"] });
const renderCatalog = async (query: Record<string, string> = {}) => renderToString(await CatalogPage({ searchParams: Promise.resolve(query) }));
const batteryAt = async (branchId: number) =>
  (await listOfferedParts(db(), { deviceId: 10, branchId, now: new Date() })).find((part) => part.partId === 1)?.priceIdr;

const tokens = signInOwnerAndStaffBeforeEach(db);
let depok: { branchId: number; slotId: number };

describe("the catalog page and a branch's prices", () => {
  it("with one branch there is no branch price section", async () => {
    const page = await renderCatalog({ device: "10" });
    expect(page).not.toContain("harga-cabang");
    expect(page).not.toContain("Pilih cabang");
  });

  it("with two branches it shows the picked branch's own prices of the device, 'Pakai harga umum' where one is set", async () => {
    depok = await addDepokBranch(db());
    const page = await renderCatalog({ device: "10", cabang: String(depok.branchId) });
    expect(page).toContain(`Harga iPhone X di ${DEPOK.name}`);
    expect(page).toMatch(/aria-label="Harga Battery di Cabang Depok \(Rp\)" name="priceIdr" value="65000"/);
    expect(page).toContain(`Pakai harga umum untuk Battery di ${DEPOK.name}`);
    // The device picker keeps the branch.
    expect(page).toContain(`<input type="hidden" name="cabang" value="${depok.branchId}"/>`);
    const first = await renderCatalog({ device: "10" });
    expect(first).not.toContain('value="65000"');
    expect(first).not.toContain("Pakai harga umum untuk Battery");
  });
});

describe("setting and clearing a branch's own price", () => {
  it("sets it (audited), the bot quotes it at that branch only; clearing brings the shared price back", async () => {
    depok = await addDepokBranch(db());
    const atDepok = { ...BATTERY_X, branchId: String(depok.branchId) };
    expect(await saveBranchPriceAction(IDLE, formOf({ ...atDepok, priceIdr: "Rp60.000" }))).toEqual({
      status: "ok",
      message: `Harga Battery iPhone X di ${DEPOK.name}: Rp60.000 (harga umum Rp70.000).`,
    });
    expect(await batteryAt(depok.branchId)).toBe(60_000);
    expect(await batteryAt(FIRST_BRANCH_ID)).toBe(70_000);

    expect(await clearBranchPriceAction(IDLE, formOf(atDepok))).toEqual({
      status: "ok",
      message: `${DEPOK.name} memakai harga umum lagi untuk Battery iPhone X: Rp70.000.`,
    });
    expect(await batteryAt(depok.branchId)).toBe(70_000);
    expect(await clearBranchPriceAction(IDLE, formOf(atDepok))).toEqual({
      status: "invalid",
      errors: { _form: `${DEPOK.name} sudah memakai harga umum untuk Battery iPhone X.` },
    });
    const audits = await db().select().from(auditLog).where(eq(auditLog.entity, "branch_price"));
    expect(audits.map((a) => [a.actor, a.action, a.entityId])).toEqual([
      ["sari", "update", `${depok.branchId}:10:1`],
      ["sari", "delete", `${depok.branchId}:10:1`],
    ]);
    expect(audits[0]).toMatchObject({ before: { priceIdr: 65_000 }, after: { priceIdr: 60_000, sharedPriceIdr: 70_000 } });
  });

  it("a pair the shared catalog does not price is refused, and nothing changes", async () => {
    depok = await addDepokBranch(db());
    const [camera] = await db().insert(parts).values({ name: "Kamera depan" }).returning();
    const before = await unchanged();
    expect(await saveBranchPriceAction(IDLE, formOf({ branchId: String(depok.branchId), deviceId: "10", partId: String(camera!.id), priceIdr: "50000" }))).toEqual({
      status: "invalid",
      errors: { _form: "Perangkat dan layanan ini belum punya harga umum di katalog. Setel harga umum dulu." },
    });
    expect(await unchanged()).toEqual(before);
  });

  it("staff are refused; the owner posting an unknown or inactive branch is refused with why; nothing changes", async () => {
    depok = await addDepokBranch(db());
    const atDepok = { ...BATTERY_X, branchId: String(depok.branchId) };
    actionContext.token = tokens.staff;
    let before = await unchanged();
    expect(await saveBranchPriceAction(IDLE, formOf({ ...atDepok, priceIdr: "1000" }))).toEqual({ status: "invalid", errors: { _form: OWNER_ONLY_MESSAGE } });
    expect(await clearBranchPriceAction(IDLE, formOf(atDepok))).toEqual({ status: "invalid", errors: { _form: OWNER_ONLY_MESSAGE } });
    expect(await unchanged()).toEqual(before);

    actionContext.token = tokens.owner;
    await deactivateBranch(db(), depok.branchId);
    before = await unchanged();
    for (const branchId of ["999", String(depok.branchId)]) {
      expect(await saveBranchPriceAction(IDLE, formOf({ ...BATTERY_X, branchId, priceIdr: "1000" }))).toEqual({ status: "invalid", errors: { _form: OTHER_BRANCH } });
      expect(await clearBranchPriceAction(IDLE, formOf({ ...BATTERY_X, branchId }))).toEqual({ status: "invalid", errors: { _form: OTHER_BRANCH } });
    }
    expect(await unchanged()).toEqual(before);
    expect(await db().select().from(branchPrices)).toHaveLength(1);
  });
});
