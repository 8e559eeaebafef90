"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { runAdminAction, type AdminActionState } from "@/lib/admin/admin-action";
import { assignmentInput, assignStaff, branchInput, saveBranch } from "@/lib/admin/branches";
import type { EditResult } from "@/lib/admin/edit-result";

/** Adds or changes a branch (owner only, checked here, not by the page). */
export async function saveBranchAction(_previous: AdminActionState, form: FormData): Promise<EditResult> {
  const result = await runAdminAction({ ownerOnly: true }, branchInput, form, async (input, by) => saveBranch(await getDb(), input, by));
  revalidatePath("/admin/branches");
  return result;
}

/** Puts a member of staff in a branch or takes them out (owner only). */
export async function assignStaffAction(_previous: AdminActionState, form: FormData): Promise<EditResult> {
  const result = await runAdminAction({ ownerOnly: true }, assignmentInput, form, async (input, by) => assignStaff(await getDb(), input, by));
  revalidatePath("/admin/branches");
  return result;
}
