import type { Database } from "@/db";
import { lockLapsedHolds, lockSlot, readSlotDay } from "@/db/queries/slots";
import { pickTechnician } from "@/db/queries/technicians";
import type { Slot } from "@/db/schema";
import { expireLockedOrder } from "@/lib/payments/expire-holds";
import { slotPlaces } from "./technicians";

export type ReserveResult =
  | { ok: true; slot: Slot; taken: number; /** Who the new job goes to; null when the shop has no technicians. */ technicianId: number | null }
  | { ok: false; reason: "slot_full" | "slot_closed" };

/**
 * Takes a place in a slot on a day, inside the caller's transaction. The slot's
 * row lock makes concurrent bookings of that slot take turns, so the count of
 * live orders is exact when the new order is written in the same transaction:
 * 200 simultaneous taps on a slot of capacity 2 make exactly 2 orders. A cancelled
 * (or expired, hence cancelled) order no longer counts, which frees its place.
 * Nor does an unpaid order whose hold ran out before `now`: when the place is
 * needed, such orders are expired here, in the same transaction, so the count of
 * orders holding places never exceeds the capacity, swept or not.
 * The capacity is the one of the date's weekday (0: the slot does not run that
 * day) or, once the shop has technicians, the number on duty that day, read
 * under the same lock that the owner's weekday and technician edits take; the
 * place comes with the on-duty technician with the fewest jobs in the slot
 * (`movingOrderId`: the order being moved here, not counted as anyone's job). A date
 * closed meanwhile is refused here too: closing a date locks every slot, so a
 * booking either lands before the closing (which then sees it) or sees the closing.
 * A place held for a waitlist offer counts as taken, except for the chat it is
 * offered to (`forChatId`), which is booking it. `skipLocked`: a slot another
 * transaction holds is not waited for but answered as full, for work that comes back later (the waitlist sweep).
 */
export async function reserveSlot(
  tx: Database,
  {
    slotId,
    serviceDate,
    now = new Date(),
    forChatId = null,
    skipLocked = false,
    movingOrderId = null,
  }: { slotId: number; serviceDate: string; now?: Date; forChatId?: number | null; skipLocked?: boolean; movingOrderId?: string | null },
): Promise<ReserveResult> {
  const slot = await lockSlot(tx, { slotId, skipLocked });
  if (!slot) return { ok: false, reason: skipLocked ? "slot_full" : "slot_closed" };
  if (!slot.active) return { ok: false, reason: "slot_closed" };
  const day = await readSlotDay(tx, { slotId, serviceDate, now, exceptChatId: forChatId });
  const capacity = slotPlaces(day.weekdayCapacity ?? slot.capacity, day.techniciansOnDuty);
  if (day.closed || capacity === 0) return { ok: false, reason: "slot_closed" };
  let taken = day.taken + day.heldForOffers;
  if (taken >= capacity) {
    const lapsed = await lockLapsedHolds(tx, { slotId, serviceDate, now });
    if (taken - lapsed.length >= capacity) return { ok: false, reason: "slot_full" };
    for (const order of lapsed) await expireLockedOrder(tx, order, { placeNeeded: true });
    taken -= lapsed.length;
  }
  const technicianId = day.techniciansOnDuty === null ? null : await pickTechnician(tx, { slotId, serviceDate, branchId: slot.branchId, exceptOrderId: movingOrderId });
  return { ok: true, slot, taken: taken + 1, technicianId };
}
