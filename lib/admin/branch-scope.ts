import type { Database } from "@/db";
import { listActiveBranches, listAdminBranchIds } from "@/db/queries/branches";
import type { SignedInAdmin } from "@/db/queries/admins";
import { findOrderById } from "@/db/queries/orders";
import type { Branch, Order } from "@/db/schema";
import { isOwner } from "./roles";

/**
 * The branches whose orders, waitlist, stock and schedule an admin sees: the owner
 * every branch (undefined: no filter), staff the ones they work for (maybe none).
 * Read from the database at every check, so a staff member moved off a branch
 * loses it at their next request, not at their next sign-in.
 */
export async function visibleBranchIds(db: Database, admin: Pick<SignedInAdmin, "id" | "role">): Promise<number[] | undefined> {
  return isOwner(admin) ? undefined : listAdminBranchIds(db, { adminId: admin.id });
}

/** Whether an admin may see and act on an order: the owner any, staff only those of their branches. */
export async function mayHandleOrder(db: Database, admin: Pick<SignedInAdmin, "id" | "role">, order: Pick<Order, "branchId">): Promise<boolean> {
  const branchIds = await visibleBranchIds(db, admin);
  return branchIds === undefined || branchIds.includes(order.branchId);
}

/** What staff are told of an order of another branch: the same as of one that does not exist. */
export const ORDER_NOT_FOUND = "Pesanan tidak ditemukan.";

/** mayHandleOrder for an order id from a form or a URL; an unknown id is refused too. */
export async function mayHandleOrderId(db: Database, admin: Pick<SignedInAdmin, "id" | "role">, orderId: string): Promise<boolean> {
  const order = await findOrderById(db, { id: orderId });
  return order !== undefined && (await mayHandleOrder(db, admin, order));
}

/**
 * Whether an admin may use the pages and actions that show or change every branch's data at once
 * (payments, audit, customers, counter orders, print pages and photos of any order, Hari ini's
 * money): the owner, and staff who work at every active branch. With one branch that is every
 * admin (a new admin joins the first branch), so a one-shop deployment is unchanged. Staff of some
 * branches only are sent to the pages that filter by branch (orders, waitlist, Hari ini, my jobs).
 */
export async function seesEveryBranch(db: Database, admin: Pick<SignedInAdmin, "id" | "role">): Promise<boolean> {
  const branchIds = await visibleBranchIds(db, admin);
  if (branchIds === undefined) return true;
  return (await listActiveBranches(db)).every((branch) => branchIds.includes(branch.id));
}

/** What staff of some branches read when they try an action over every branch's data. */
export const WHOLE_SHOP_ONLY = "Hanya pemilik dan staf semua cabang yang boleh melakukan ini.";

/** The active branches an admin may pick on the per-branch pages (schedule, stock): the owner every one, staff theirs. */
export async function listHandledBranches(db: Database, admin: Pick<SignedInAdmin, "id" | "role">): Promise<Branch[]> {
  const [active, branchIds] = await Promise.all([listActiveBranches(db), visibleBranchIds(db, admin)]);
  return branchIds === undefined ? active : active.filter((branch) => branchIds.includes(branch.id));
}

/** Whether an admin may change the slots, closed dates or shelf of these branches (every one of them; an unknown one is refused). */
export async function mayHandleBranches(db: Database, admin: Pick<SignedInAdmin, "id" | "role">, branchIds: number[]): Promise<boolean> {
  const handled = new Set((await listHandledBranches(db, admin)).map((branch) => branch.id));
  return branchIds.every((id) => handled.has(id));
}

/** What an admin reads when an action names a branch (or a slot, a closed date, a shelf of one) they may not handle. */
export const OTHER_BRANCH = "Cabang itu bukan cabang Anda (atau tidak aktif); tidak ada yang diubah.";

export interface BranchPick {
  /** The branches the admin may pick, in the owner's order. */
  choices: Branch[];
  /** The one shown: the one asked for (?cabang=) if the admin may handle it, else their first; undefined for staff in no branch. */
  branch: Branch | undefined;
  /** Whether the shop has two or more active branches: with one, the pages look as they always did. */
  several: boolean;
}

/** The branch a per-branch page shows, from its ?cabang= parameter. */
export async function pickBranch(db: Database, admin: Pick<SignedInAdmin, "id" | "role">, wanted: unknown): Promise<BranchPick> {
  const [choices, active] = await Promise.all([listHandledBranches(db, admin), listActiveBranches(db)]);
  const branch = choices.find((b) => typeof wanted === "string" && String(b.id) === wanted) ?? choices[0];
  return { choices, branch, several: active.length > 1 };
}
