import "server-only";
import type { z } from "zod";
import { getDb, type Database } from "@/db";
import { mayHandleBranches, OTHER_BRANCH } from "./branch-scope";
import { applyForm, invalid, type AdminActionState, type AdminActor, type EditResult } from "./edit-result";
import type { AdminRole } from "./roles";
import { AdminSessionError, requireAdminAction } from "./session";

export type { AdminActionState };

export type SignedInActor = AdminActor & { id: number; ip: string | null; role: AdminRole };

/** The branches a form's change touches (a posted branch id, a slot's or an order's branch); [] when its target is unknown (the change then says so). */
export type BranchesOf<T> = (db: Database, input: T) => Promise<number[]>;

/** A form's hidden branch field (the page's branch). */
export const postedBranch: BranchesOf<{ branchId: number }> = async (_db, { branchId }) => [branchId];

/**
 * Every admin server action: the session (and, for the owner's actions, the
 * role) checked first, then the form read with its schema, then (with
 * `branchesOf`) whether the admin may handle every branch the change touches,
 * then the change. A refusal is an answer in the form, never an exception: the page stays.
 */
export async function runAdminAction<S extends z.ZodType>(
  { ownerOnly, wholeShop = false, branchesOf }: { ownerOnly: boolean; wholeShop?: boolean; branchesOf?: BranchesOf<z.infer<S>> },
  schema: S,
  form: FormData,
  change: (input: z.infer<S>, by: SignedInActor) => Promise<EditResult>,
): Promise<EditResult> {
  let by: SignedInActor;
  try {
    by = await requireAdminAction({ ownerOnly, wholeShop });
  } catch (error) {
    if (error instanceof AdminSessionError) return invalid({ _form: error.message });
    throw error;
  }
  return applyForm(schema, form, async (input) => {
    if (branchesOf) {
      const db = await getDb();
      if (!(await mayHandleBranches(db, by, await branchesOf(db, input)))) return invalid({ _form: OTHER_BRANCH });
    }
    return change(input, by);
  });
}

/**
 * A server action of the owner's pages (catalog, schedule): runAdminAction,
 * owner only, the change given the database; `afterwards` (the page drawn
 * again, queued messages sent after the answer) runs once the owner's change has.
 */
export function ownerFormAction<S extends z.ZodType>(
  schema: S,
  change: (db: Database, by: SignedInActor, input: z.infer<S>) => Promise<EditResult>,
  afterwards: () => void,
  branchesOf?: BranchesOf<z.infer<S>>,
) {
  return async (_state: AdminActionState, form: FormData): Promise<EditResult> =>
    runAdminAction({ ownerOnly: true, branchesOf }, schema, form, async (input, by) => {
      const result = await change(await getDb(), by, input);
      afterwards();
      return result;
    });
}
