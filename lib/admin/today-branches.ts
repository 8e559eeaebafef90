import type { Database } from "@/db";
import type { SignedInAdmin } from "@/db/queries/admins";
import type { Branch } from "@/db/schema";
import { pickBranch, seesEveryBranch, visibleBranchIds, type BranchPick } from "./branch-scope";
import type { TodayScope } from "./today";

/** The ?cabang= value of Hari ini that shows every branch the admin handles (the default). */
export const EVERY_BRANCH = "semua";

export interface TodayBranches extends Required<Pick<TodayScope, "withMoney">> {
  pick: BranchPick;
  /** Whether every branch the admin handles is shown, rather than the one picked. */
  every: boolean;
  branches: Branch[];
  orderBranchIds: number[] | undefined;
}

/**
 * What Hari ini shows an admin: the branch asked for (?cabang=) if they may handle it, else
 * every branch they handle. Orders are filtered by the admin's branches, read here at every
 * request, so a crafted ?cabang= of another branch shows their own branches, never that one.
 * The money (revenue cards and chart) is the whole shop's: for those who see every branch.
 */
export async function pickTodayBranches(db: Database, admin: Pick<SignedInAdmin, "id" | "role">, wanted: unknown): Promise<TodayBranches> {
  const [pick, withMoney, visible] = await Promise.all([pickBranch(db, admin, wanted), seesEveryBranch(db, admin), visibleBranchIds(db, admin)]);
  const chosen = pick.choices.find((branch) => typeof wanted === "string" && String(branch.id) === wanted);
  if (chosen && pick.choices.length > 1) return { pick: { ...pick, branch: chosen }, every: false, branches: [chosen], orderBranchIds: [chosen.id], withMoney };
  return { pick, every: true, branches: pick.choices, orderBranchIds: visible, withMoney };
}
