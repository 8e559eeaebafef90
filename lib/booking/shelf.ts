import type { Database } from "@/db";
import { listDevicePrices, type CatalogEntry } from "@/db/queries/catalog";
import { listDeviceStock } from "@/db/queries/part-stock";
import { FIRST_BRANCH_ID } from "@/db/schema";
import { atBranchPrices } from "./branch-prices";
import { todayInJakarta, type IsoDate } from "./calendar";
import { unitOfferOf, type UnitOffer } from "./stock-offer";

export interface OfferedPart extends CatalogEntry {
  offer: UnitOffer;
}

/**
 * A device's priced parts at a branch (its prices) as its shelf allows them now: in stock (or untracked),
 * or a back-order for `serviceDate` (none: any date). Parts out of stock are left out.
 */
export async function listOfferedParts(
  db: Database,
  { deviceId, serviceDate, now, branchId = FIRST_BRANCH_ID }: { deviceId: number; serviceDate?: IsoDate; now: Date; branchId?: number },
): Promise<OfferedPart[]> {
  const [catalog, stock] = await Promise.all([listDevicePrices(db, { deviceId }), listDeviceStock(db, { deviceId, now, branchId })]);
  const items = await atBranchPrices(db, catalog, { branchId });
  const today = todayInJakarta(now);
  return items
    .map((item) => ({ ...item, offer: unitOfferOf(stock.get(item.partId), { today, serviceDate }) }))
    .filter((item) => item.offer.kind !== "out");
}

/** Whether one part can still be booked for that date (a tap on an offer made a moment ago). */
export async function isPartOnShelf(
  db: Database,
  { deviceId, partId, serviceDate, now, branchId = FIRST_BRANCH_ID }: { deviceId: number; partId: number; serviceDate?: IsoDate; now: Date; branchId?: number },
): Promise<boolean> {
  const stock = await listDeviceStock(db, { deviceId, now, branchId });
  return unitOfferOf(stock.get(partId), { today: todayInJakarta(now), serviceDate }).kind !== "out";
}
