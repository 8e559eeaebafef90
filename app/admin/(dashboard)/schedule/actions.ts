"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { ownerFormAction, postedBranch } from "@/lib/admin/admin-action";
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
import type { AdminActionState, EditResult } from "@/lib/admin/edit-result";
import { closingPagePath, gridBranches, slotBranch } from "@/lib/admin/schedule-scope";
import { saveWeekdayCapacities, weekdayGridInput } from "@/lib/admin/weekday-hours";
import { afterResponse } from "@/lib/http/after-response";
import { sendQueuedMessages } from "@/lib/notify/deliver";

/**
 * Every /admin/schedule form: the owner only, the fields checked, one audited
 * change, the page drawn again. Closing a booked date moves or cancels orders:
 * their customers' messages go out after the answer.
 */
function afterwards() {
  afterResponse(sendQueuedMessages);
  revalidatePath("/admin/schedule");
}

// Each form's branch (posted, or its slot's) is checked against the admin's in the action itself.
export const saveSlotAction = ownerFormAction(slotInput, (db, by, input) => saveSlot(db, by, input), afterwards, slotBranch);
export const removeSlotAction = ownerFormAction(slotRef, removeSlot, afterwards, slotBranch);
export const saveWeekAction = ownerFormAction(weekdayGridInput, (db, by, input) => saveWeekdayCapacities(db, by, input), afterwards, gridBranches);
export const saveSettingsAction = ownerFormAction(settingsInput, saveSettings, afterwards);
export const reopenDateAction = ownerFormAction(closedDateRef, reopenDate, afterwards, postedBranch);
export const moveClosingOrder = ownerFormAction(closingMoveInput, (db, by, input) => moveOrderOffDate(db, by, input), afterwards, postedBranch);
export const cancelClosingOrder = ownerFormAction(closingCancelInput, cancelOrderOnDate, afterwards, postedBranch);
export const closeDateMovingAll = ownerFormAction(closeMovingAllInput, (db, by, input) => closeDateWithOrders(db, by, input), afterwards, postedBranch);
export const closeDateCancellingAll = ownerFormAction(closeCancellingAllInput, (db, by, input) => closeDateWithOrders(db, by, input), afterwards, postedBranch);

/**
 * Closes a date. A date customers have booked is not closed: the browser goes
 * to the same page showing those orders (?closing=date&reason=…) to move or
 * cancel them first.
 */
export async function closeDateAction(state: AdminActionState, form: FormData): Promise<EditResult> {
  let booked: { date: string; reason: string; branchId: number } | undefined;
  const close = ownerFormAction(
    closedDateInput,
    async (db, by, input) => {
      const closed = await closeDate(db, by, input);
      // Refused for the whole form (not a field): orders are booked that day.
      if (closed.status === "invalid" && closed.errors._form) booked = input;
      return closed;
    },
    afterwards,
    postedBranch,
  );
  const result = await close(state, form);
  if (booked) redirect(await closingPagePath(await getDb(), booked));
  return result;
}
