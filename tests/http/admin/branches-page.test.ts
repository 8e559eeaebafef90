// Issue 16, branches: the owner's /admin/branches – add, change, deactivate a branch, and say who works where.
import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import { assignStaffAction, saveBranchAction } from "@/app/admin/(dashboard)/branches/actions";
import BranchesPage from "@/app/admin/(dashboard)/branches/page";
import { listActiveBranches, listAdminBranchIds } from "@/db/queries/branches";
import { admins, auditLog, branches } from "@/db/schema";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { actionContext, formOf, signInOwnerAndStaff, STAFF } from "@/tests/support/action-session";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));
jest.mock("next/navigation", () => jest.requireActual("@/tests/support/no-app-router").navigationWithoutRouter);

const suite = registerSuiteDatabase();
const IDLE: AdminActionState = { status: "idle" };
let tokens: { owner: string; staff: string };

beforeEach(async () => {
  tokens = await signInOwnerAndStaff(suite.db);
  actionContext.token = tokens.owner;
});

const staffId = async () => (await suite.db.select().from(admins).where(eq(admins.username, STAFF.username)))[0]!.id;

describe("/admin/branches", () => {
  it("the owner adds a branch with its address and phone (normalised), audited; the page lists it with its staff", async () => {
    const added = await saveBranchAction(IDLE, formOf({ name: "Cabang Depok", address: "Jl. Margonda Raya 100", phone: "0812 9876 5432", mapsUrl: "", active: "on" }));
    expect(added).toEqual({ status: "ok", message: "Cabang Cabang Depok ditambahkan. Tambahkan slot dan staf untuknya." });
    const [depok] = await suite.db.select().from(branches).where(eq(branches.name, "Cabang Depok"));
    expect(depok).toMatchObject({ address: "Jl. Margonda Raya 100", phone: "+6281298765432", active: true });
    const audit = await suite.db.select().from(auditLog).where(eq(auditLog.action, "branch.created"));
    expect(audit).toHaveLength(1);

    const html = renderToString(await BranchesPage()).replaceAll("<!-- -->", "");
    expect(html).toContain("Cabang Depok");
    expect(html).toContain(`Masukkan ${STAFF.username} ke Cabang Depok`);
    expect(html).toContain(`Keluarkan ${STAFF.username} dari`);
  });

  it("a name already taken, a bad phone and the last active branch made inactive are refused", async () => {
    const [first] = await listActiveBranches(suite.db);
    expect(await saveBranchAction(IDLE, formOf({ name: first!.name, active: "on" }))).toMatchObject({ status: "invalid", errors: { name: expect.stringContaining("sudah dipakai") } });
    expect(await saveBranchAction(IDLE, formOf({ name: "Cabang Bogor", phone: "12", active: "on" }))).toMatchObject({ status: "invalid", errors: { phone: expect.any(String) } });
    expect(await saveBranchAction(IDLE, formOf({ id: String(first!.id), name: first!.name }))).toMatchObject({
      status: "invalid",
      errors: { _form: expect.stringContaining("Cabang aktif terakhir") },
    });
    expect((await listActiveBranches(suite.db)).map((b) => b.id)).toEqual([first!.id]);
  });

  it("the owner moves staff between branches, audited", async () => {
    const added = await saveBranchAction(IDLE, formOf({ name: "Cabang Depok", active: "on" }));
    expect(added.status).toBe("ok");
    const [depok] = await suite.db.select().from(branches).where(eq(branches.name, "Cabang Depok"));
    const id = await staffId();
    expect(await assignStaffAction(IDLE, formOf({ adminId: String(id), branchId: String(depok!.id), assigned: "1" }))).toMatchObject({ status: "ok" });
    expect(await assignStaffAction(IDLE, formOf({ adminId: String(id), branchId: "1", assigned: "0" }))).toMatchObject({ status: "ok" });
    expect(await listAdminBranchIds(suite.db, { adminId: id })).toEqual([depok!.id]);
    const actions = (await suite.db.select().from(auditLog).where(eq(auditLog.entityId, String(id)))).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["admin.branch_added", "admin.branch_removed"]));
  });

  it("staff see the owner-only notice and no form", async () => {
    actionContext.token = tokens.staff;
    const html = renderToString(await BranchesPage());
    expect(html).toContain("hanya untuk pemilik toko");
    expect(html).not.toContain('name="address"');
  });
});
