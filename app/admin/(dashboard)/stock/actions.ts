"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb, type Database } from "@/db";
import { postedBranch, runAdminAction, type AdminActionState, type SignedInActor } from "@/lib/admin/admin-action";
import type { EditResult } from "@/lib/admin/edit-result";
import { countShelf, receiveUnits, saveStockSettings, untrackPart } from "@/lib/admin/stock";
import { countInput, receiveInput, stockSettingsInput, untrackInput } from "@/lib/admin/stock-input";

/**
 * Every /admin/stock form: the session (owner only for a count or the settings) checked here, the fields,
 * then whether the posted branch's shelf is one the admin may handle (staff: their branches'), one audited change.
 */
function stockAction<S extends z.ZodType<{ branchId: number }>>(
  ownerOnly: boolean,
  schema: S,
  change: (db: Database, by: SignedInActor, input: z.infer<S>) => Promise<EditResult>,
) {
  return async (_state: AdminActionState, form: FormData): Promise<EditResult> => {
    const result = await runAdminAction({ ownerOnly, branchesOf: postedBranch }, schema, form, async (input, by) => change(await getDb(), by, input));
    revalidatePath("/admin/stock");
    return result;
  };
}

/** Goods came in: staff at the counter receive them as well as the owner. */
export const receiveStock = stockAction(false, receiveInput, receiveUnits);
export const countStock = stockAction(true, countInput, countShelf);
export const saveStockSetting = stockAction(true, stockSettingsInput, saveStockSettings);
/** "Berhenti lacak": the part is offered without limit again. */
export const untrackStock = stockAction(true, untrackInput, untrackPart);
