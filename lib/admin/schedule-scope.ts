import type { Database } from "@/db";
import { listActiveBranches } from "@/db/queries/branches";
import { findSlot } from "@/db/queries/slots";
import type { BranchesOf } from "./admin-action";
import type { WeekdayGridInput } from "./weekday-hours";

/**
 * The branches a schedule form touches, for the action's own branch check
 * (a posted branch id: postedBranch), or the branch of each slot it names (an edited slot
 * stays at its branch, whatever branch the form posts). An unknown slot
 * touches none; the change then answers that it is not found.
 */
async function branchOfSlot(db: Database, id: number): Promise<number[]> {
  const slot = await findSlot(db, { id });
  return slot ? [slot.branchId] : [];
}

export const slotBranch: BranchesOf<{ id?: number; branchId?: number }> = async (db, { id, branchId }) =>
  id === undefined ? (branchId === undefined ? [] : [branchId]) : branchOfSlot(db, id);

export const gridBranches: BranchesOf<WeekdayGridInput> = async (db, { cells }) =>
  (await Promise.all([...new Set(cells.map((cell) => cell.slotId))].map((id) => branchOfSlot(db, id)))).flat();

/**
 * Where a refused closing of a booked date sends the owner: the same page showing that
 * date's orders (?closing=date&reason=…), at that branch once the shop has several.
 */
export async function closingPagePath(db: Database, { date, reason, branchId }: { date: string; reason: string; branchId: number }): Promise<string> {
  const several = (await listActiveBranches(db)).length > 1;
  const query = new URLSearchParams({ closing: date, ...(reason ? { reason } : {}), ...(several ? { cabang: String(branchId) } : {}) });
  return `/admin/schedule?${query}`;
}
