"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getDb, type Database } from "@/db";
import { runAdminAction, type AdminActionState, type SignedInActor } from "@/lib/admin/admin-action";
import { closedDateInput, closedDateRef, settingsInput, slotInput, slotRef } from "@/lib/admin/catalog-input";
import { closeDate, removeSlot, reopenDate, saveSettings, saveSlot } from "@/lib/admin/catalog-schedule";
import {
  cancelOrderOnDate,
  closeCancellingAllInput,
  closeDateWithOrders,
  closeMovingAllInput,
  closingCancelInput,
  closingMoveInput,
  moveOrderOffDate,
} from "@/lib/admin/closing-date";
import type { EditResult } from "@/lib/admin/edit-result";
import { saveWeekdayCapacities, weekdayGridInput } from "@/lib/admin/weekday-hours";
import { afterResponse } from "@/lib/http/after-response";
import { sendQueuedMessages } from "@/lib/notify/deliver";

/**
 * Every /admin/schedule form: the owner only, the fields checked, one audited
 * change, the page drawn again. Closing a booked date moves or cancels orders:
 * their customers' messages go out after the answer.
 */
async function asOwner<S extends z.ZodType>(schema: S, form: FormData, change: (db: Database, by: SignedInActor, input: z.infer<S>) => Promise<EditResult>): Promise<EditResult> {
  const result = await runAdminAction({ ownerOnly: true }, schema, form, async (input, by) => change(await getDb(), by, input));
  afterResponse(sendQueuedMessages);
  revalidatePath("/admin/schedule");
  return result;
}

export async function saveSlotAction(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(slotInput, form, (db, by, input) => saveSlot(db, by, input));
}

export async function removeSlotAction(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(slotRef, form, removeSlot);
}

export async function saveWeekAction(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(weekdayGridInput, form, (db, by, input) => saveWeekdayCapacities(db, by, input));
}

export async function saveSettingsAction(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(settingsInput, form, saveSettings);
}

export async function reopenDateAction(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(closedDateRef, form, reopenDate);
}

/**
 * Closes a date. A date customers have booked is not closed: the browser goes
 * to the same page showing those orders (?closing=date&reason=…) to move or
 * cancel them first.
 */
export async function closeDateAction(_state: AdminActionState, form: FormData): Promise<EditResult> {
  let booked: { date: string; reason: string } | undefined;
  const result = await asOwner(closedDateInput, form, async (db, by, input) => {
    const closed = await closeDate(db, by, input);
    // Refused for the whole form (not a field): orders are booked that day.
    if (closed.status === "invalid" && closed.errors._form) booked = input;
    return closed;
  });
  if (booked) redirect(`/admin/schedule?${new URLSearchParams({ closing: booked.date, ...(booked.reason ? { reason: booked.reason } : {}) })}`);
  return result;
}

export async function moveClosingOrder(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(closingMoveInput, form, (db, by, input) => moveOrderOffDate(db, by, input));
}

export async function cancelClosingOrder(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(closingCancelInput, form, cancelOrderOnDate);
}

export async function closeDateMovingAll(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(closeMovingAllInput, form, (db, by, input) => closeDateWithOrders(db, by, input));
}

export async function closeDateCancellingAll(_state: AdminActionState, form: FormData): Promise<EditResult> {
  return asOwner(closeCancellingAllInput, form, (db, by, input) => closeDateWithOrders(db, by, input));
}
