"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { runAdminAction, type AdminActionState, type SignedInActor } from "@/lib/admin/admin-action";
import { invalid, ok, type EditResult } from "@/lib/admin/edit-result";
import { createStaff, resetStaffPassword, setStaffDisabled } from "@/lib/admin/staff";
import { saveTechnicianDuty } from "@/lib/admin/technician-duty";
import { formatWibDateTime } from "@/lib/booking/calendar";
import { createStaffLinkCode, unlinkStaffChat } from "@/lib/notify/staff-link-code";

const createForm = z.object({ username: z.string().max(64).default(""), password: z.string().max(200).default("") });
const toggleForm = z.object({ id: z.coerce.number().int().positive(), disabled: z.enum(["0", "1"]) });
const technicianForm = z.object({
  id: z.coerce.number().int().positive(),
  technician: z.enum(["on"]).optional(),
  weekday: z.preprocess((v) => (v === undefined ? [] : [v].flat()), z.array(z.coerce.number().int().min(0).max(6)).max(7)),
});
const resetForm = z.object({ id: z.coerce.number().int().positive(), password: z.string().max(200).default("") });

/** Every staff action: the owner's session first, then the form, then one audited change. */
async function asOwner<S extends z.ZodType>(schema: S, form: FormData, change: (data: z.infer<S>, by: SignedInActor) => Promise<EditResult>): Promise<EditResult> {
  const result = await runAdminAction({ ownerOnly: true }, schema, form, change);
  revalidatePath("/admin/staff");
  return result;
}

export async function addStaff(_previous: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(createForm, form, async (data, by) => createStaff(await getDb(), data, by));
}

export async function toggleStaff(_previous: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(toggleForm, form, async (data, by) => setStaffDisabled(await getDb(), { id: data.id, disabled: data.disabled === "1" }, by));
}

export async function resetPassword(_previous: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(resetForm, form, async (data, by) => resetStaffPassword(await getDb(), data, by));
}

/** The technician box of an account: whether they do repairs, and the weekdays they work (which set every slot's places). */
export async function saveTechnician(_previous: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(technicianForm, form, async (data, by) =>
    saveTechnicianDuty(await getDb(), { id: data.id, technician: data.technician === "on", weekdays: data.weekday }, by),
  );
}

/** "" (or no field, with one branch): a chat of the whole shop; else the chat of one active branch's staff. */
const codeForm = z.object({ branchId: z.union([z.literal(""), z.coerce.number().int().positive()]).default("") });
const chatForm = z.object({ chatId: z.coerce.number().int() });

/** A one-time code for `/staff <code>`: shown once here, stored only as a hash; for one branch's chat, that branch must be active. */
export async function makeStaffCode(_previous: AdminActionState, form: FormData): Promise<EditResult> {
  const result = await runAdminAction(
    { ownerOnly: true, branchesOf: async (_db, { branchId }) => (branchId === "" ? [] : [branchId]) },
    codeForm,
    form,
    async ({ branchId }, by) => {
      const { code, expiresAt } = await createStaffLinkCode(await getDb(), by, new Date(), branchId === "" ? undefined : branchId);
      return ok(`Kirim "/staff ${code}" ke bot dari grup atau chat staf, sebelum ${formatWibDateTime(expiresAt)}.`);
    },
  );
  revalidatePath("/admin/staff");
  return result;
}

export async function removeStaffChat(_previous: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(chatForm, form, async ({ chatId }, by) =>
    (await unlinkStaffChat(await getDb(), { chatId }, by)) ? ok(`Chat ${chatId} tidak lagi menerima pemberitahuan.`) : invalid({ _form: "Chat itu tidak terdaftar." }),
  );
}
