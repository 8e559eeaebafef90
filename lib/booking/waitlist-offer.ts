import { getDb, type Database } from "@/db";
import { getShopSettings, type ShopSettings } from "@/db/queries/settings";
import { findSlot } from "@/db/queries/slots";
import { cancelLiveWaits, listWaitedDates, lockFirstWaiting, lockLapsedOffers, updateWait } from "@/db/queries/waitlist";
import { queueOfferExpired, queueWaitOffer } from "@/lib/notify/waitlist-messages";
import { getSlotAvailability } from "./availability";
import { addDays, todayInJakarta, type IsoDate } from "./calendar";
import { reserveSlot } from "./reserve-slot";

/**
 * Offers the free places of a branch's date to its waiting chats, first come first
 * served, in the caller's transaction (the one that freed the place, so the
 * message is queued exactly when the place is free). Returns the offers' message keys. Each place is held through
 * reserveSlot, under the slot's lock and capacity check, so a place is held for
 * an offer or booked, never both. A wait another transaction is offering is
 * passed over. `waitForSlot`: a cancel or an expiry holds no slot lock, so it
 * waits its turn for the slot (the freed place cannot slip to a booking in
 * between); other callers may hold a slot already and so skip a busy one,
 * for the waitlist sweep to come back to.
 */
export async function offerFreedPlaces(
  tx: Database,
  {
    serviceDate,
    branchId,
    now,
    settings,
    waitForSlot = false,
  }: { serviceDate: IsoDate; branchId: number; now: Date; settings?: ShopSettings; waitForSlot?: boolean },
): Promise<string[]> {
  const shop = settings ?? (await getShopSettings(tx));
  const offered: string[] = [];
  for (;;) {
    const first = await lockFirstWaiting(tx, { serviceDate, branchId });
    if (!first) return offered;
    const free = (await getSlotAvailability(tx, { serviceDate, now, settings: shop, branchId })).filter((slot) => slot.bookable);
    let held = false;
    for (const slot of free) {
      const place = await reserveSlot(tx, { slotId: slot.id, serviceDate, now, skipLocked: !waitForSlot });
      if (!place.ok) continue;
      const offerExpiresAt = new Date(now.getTime() + shop.waitlistOfferMinutes * 60_000);
      const entry = await updateWait(tx, { id: first.id, state: "offered", offeredSlotId: slot.id, offerExpiresAt, now });
      offered.push(await queueWaitOffer(tx, { entry, slotLabel: slot.label, minutes: shop.waitlistOfferMinutes }));
      held = true;
      break;
    }
    if (!held) return offered;
  }
}

/** The shop closed the date: nobody waits for it any more (its offers hold nothing). */
export async function endWaitsOn(tx: Database, { serviceDate, now, branchId }: { serviceDate: IsoDate; now: Date; branchId?: number }): Promise<void> {
  await cancelLiveWaits(tx, { serviceDate, now, branchId });
}

/** offerFreedPlaces for every coming date chats wait for: after the owner raises a capacity or reopens a date, and in the sweep. */
export async function offerWaitingPlaces(tx: Database, { now, limit = 31 }: { now: Date; limit?: number }): Promise<string[]> {
  const settings = await getShopSettings(tx);
  const from = todayInJakarta(now);
  const dates = await listWaitedDates(tx, { from, limit });
  const offered: string[] = [];
  for (const { serviceDate, branchId } of dates) {
    if (serviceDate > addDays(from, settings.bookingHorizonDays)) break;
    offered.push(...(await offerFreedPlaces(tx, { serviceDate, branchId, now, settings })));
  }
  return offered;
}

/**
 * The waitlist sweep (a due-work task): offers that ran out untaken end (the
 * chat is told) and their places go to the next waiting chat; then any place
 * left free on a waited date (an offer skipped for a busy lock, a lapsed hold) is offered.
 */
export async function sweepWaitlist({ now = new Date(), limit = 20 }: { now?: Date; limit?: number } = {}) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const lapsed = await lockLapsedOffers(tx, { now, limit });
    for (const entry of lapsed) {
      await updateWait(tx, { id: entry.id, state: "expired", now });
      const slot = entry.offeredSlotId ? await findSlot(tx, { id: entry.offeredSlotId }) : undefined;
      await queueOfferExpired(tx, { entry, slotLabel: slot?.label ?? "-" });
    }
    const offered = await offerWaitingPlaces(tx, { now });
    return { expiredOffers: lapsed.length, offered: offered.length };
  });
}
