import type { Database } from "@/db";
import { countReservedUnits, countUnitsPromisedBefore, lockLapsedUnitHolds, lockPartStock } from "@/db/queries/part-stock";
import { expireLockedOrder } from "@/lib/payments/expire-holds";
import type { Order, PartStock } from "@/db/schema";
import { todayInJakarta, type IsoDate } from "./calendar";
import { unitOfferOf } from "./stock-offer";

export type UnitReservation =
  /** `stock` undefined: the part is untracked. `leftAfter`: units left once this order is written. */
  | { ok: true; stock: PartStock; leftAfter: number }
  | { ok: true; stock: undefined }
  /** backorderFrom: the first date a back-order could be booked for, when the owner allows one. */
  | { ok: false; reason: "part_out_of_stock"; backorderFrom?: IsoDate };

/**
 * Takes a unit of the part, from the branch's shelf, for an order about to be written in the caller's
 * transaction. Call it after reserveSlot: the lock order is always the slot,
 * then the stock row, so two bookings never wait on each other crosswise. The
 * row lock makes bookings of the part take turns and the reserved count is read
 * after it, so of 200 taps for the last unit exactly one is written. With none
 * left, a back-order is taken only for a date at least backorder_days away.
 */
export async function reserveUnit(
  tx: Database,
  { branchId, deviceId, partId, serviceDate, now }: { branchId: number; deviceId: number; partId: number | null; serviceDate: IsoDate; now: Date },
): Promise<UnitReservation> {
  if (partId === null) return { ok: true, stock: undefined };
  const key = { branchId, deviceId, partId };
  const stock = await lockPartStock(tx, key);
  if (!stock) return { ok: true, stock: undefined };
  let reserved = await countReservedUnits(tx, key);
  const today = todayInJakarta(now);
  let offer = unitOfferOf({ ...stock, reserved }, { today, serviceDate });
  if (offer.kind === "out") {
    // As for a place in a slot: an unpaid hold that ran out gives its unit up when the unit is needed.
    const lapsed = await lockLapsedUnitHolds(tx, { ...key, now });
    offer = unitOfferOf({ ...stock, reserved: reserved - lapsed.length }, { today, serviceDate });
    if (offer.kind === "out") return { ok: false, reason: "part_out_of_stock", ...(offer.backorderFrom && { backorderFrom: offer.backorderFrom }) };
    for (const order of lapsed) await expireLockedOrder(tx, order, { placeNeeded: true });
    reserved -= lapsed.length;
  }
  return { ok: true, stock, leftAfter: Math.max(0, stock.onHand - reserved - 1) };
}

export type UnitForMove = { ok: true } | { ok: false; reason: "part_out_of_stock"; backorderFrom: IsoDate; backorderDays: number };

/**
 * Whether a booking may move to `serviceDate` as far as its part goes: a booking
 * the shelf cannot cover yet (fewer units on hand than live orders booked before
 * it) waits for a back-order, so it may not move earlier than backorder_days from
 * today; one the shelf covers moves freely. Called after reserveSlot, like
 * reserveUnit (slot, then stock row). A move takes no new unit, so a part without
 * back-order and warranty claims (never refused for stock) are not checked.
 */
export async function checkUnitForMove(tx: Database, { order, serviceDate, now }: { order: Order; serviceDate: IsoDate; now: Date }): Promise<UnitForMove> {
  if (order.partId === null || order.warrantyOfOrderId !== null) return { ok: true };
  const stock = await lockPartStock(tx, { branchId: order.branchId, deviceId: order.deviceId, partId: order.partId });
  if (!stock || stock.backorderDays === null) return { ok: true };
  const reserved = await countUnitsPromisedBefore(tx, { order, now });
  const offer = unitOfferOf({ ...stock, reserved }, { today: todayInJakarta(now), serviceDate });
  if (offer.kind !== "out" || !offer.backorderFrom) return { ok: true };
  return { ok: false, reason: "part_out_of_stock", backorderFrom: offer.backorderFrom, backorderDays: stock.backorderDays };
}
