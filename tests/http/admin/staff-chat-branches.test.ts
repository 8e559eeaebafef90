// Issue 16, branches: the owner's staff code for one branch's chat (its alerts only); the branch is checked in the action.
import { renderToString } from "react-dom/server";
import { makeStaffCode } from "@/app/admin/(dashboard)/staff/actions";
import StaffPage from "@/app/admin/(dashboard)/staff/page";
import { lockStaffLinkCode, saveStaffChatBranches, saveStaffChats } from "@/db/queries/staff-chats";
import { OTHER_BRANCH } from "@/lib/admin/branch-scope";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { OWNER_ONLY_MESSAGE } from "@/lib/admin/roles";
import { actionContext, formOf, signInOwnerAndStaff } from "@/tests/support/action-session";
import { addDepokBranch, deactivateBranch } from "@/tests/support/branch-fixtures";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const suite = registerSuiteDatabase();
const db = () => suite.db;
const IDLE: AdminActionState = { status: "idle" };
const EXCEPT = ["admin_sessions", "audit_log", "rate_limits"];

describe("a staff code for one branch's chat", () => {
  it("the owner makes one for Depok: the code carries the branch; without a branch it is the whole shop's", async () => {
    const { owner } = await signInOwnerAndStaff(db());
    const { branchId } = await addDepokBranch(db());
    actionContext.token = owner;
    expect(await makeStaffCode(IDLE, formOf({ branchId: String(branchId) }))).toMatchObject({ status: "ok", message: expect.stringMatching(/^Kirim "\/staff [A-Z2-9]{8}"/) });
    expect((await lockStaffLinkCode(db()))?.branchId).toBe(branchId);
    expect(await makeStaffCode(IDLE, formOf({ branchId: "" }))).toMatchObject({ status: "ok" });
    expect((await lockStaffLinkCode(db()))?.branchId).toBeUndefined();
  });

  it("an unknown or inactive branch, or staff asking, is refused and nothing changes", async () => {
    const { owner, staff } = await signInOwnerAndStaff(db());
    const { branchId } = await addDepokBranch(db());
    await deactivateBranch(db(), branchId);
    const before = await snapshotTables(db(), { except: EXCEPT });
    actionContext.token = owner;
    for (const id of [String(branchId), "999"]) {
      expect(await makeStaffCode(IDLE, formOf({ branchId: id }))).toEqual({ status: "invalid", errors: { _form: OTHER_BRANCH } });
    }
    actionContext.token = staff;
    expect(await makeStaffCode(IDLE, formOf({ branchId: "" }))).toEqual({ status: "invalid", errors: { _form: OWNER_ONLY_MESSAGE } });
    expect(await snapshotTables(db(), { except: EXCEPT })).toEqual(before);
  });
});

describe("the staff page's Telegram box", () => {
  it("with two branches: the code's branch choice, and each chat's branch", async () => {
    const { owner } = await signInOwnerAndStaff(db());
    const { branchId } = await addDepokBranch(db());
    await saveStaffChats(db(), [-100777, -100778]);
    await saveStaffChatBranches(db(), new Map([[-100778, branchId]]));
    actionContext.token = owner;
    const page = renderToString(await StaffPage()).replaceAll("<!-- -->", "");
    expect(page).toContain(`<option value="${branchId}">Staf Cabang Depok saja</option>`);
    expect(page).toMatch(/Chat -100777 · semua cabang/);
    expect(page).toMatch(/Chat -100778 · Cabang Depok/);
  });

  it("with one branch it reads as before: no choice, no branch names", async () => {
    const { owner } = await signInOwnerAndStaff(db());
    await saveStaffChats(db(), [-100777]);
    actionContext.token = owner;
    const page = renderToString(await StaffPage());
    expect(page).not.toContain("Untuk chat");
    expect(page).not.toContain("semua cabang");
  });
});
