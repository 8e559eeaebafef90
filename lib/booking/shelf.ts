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

type PartOnDate = { deviceId: number; partId: number; serviceDate?: IsoDate; now: Date; branchId?: number };

/** What the shelf of a branch allows one part for that date now (not locked: the booking checks again under the stock row's lock). */
export async function findPartOffer(db: Database, { deviceId, partId, serviceDate, now, branchId = FIRST_BRANCH_ID }: PartOnDate): Promise<UnitOffer> {
  const stock = await listDeviceStock(db, { deviceId, now, branchId });
  return unitOfferOf(stock.get(partId), { today: todayInJakarta(now), serviceDate });
}

/** Whether one part can still be booked for that date (a tap on an offer made a moment ago). */
export async function isPartOnShelf(db: Database, request: PartOnDate): Promise<boolean> {
  return (await findPartOffer(db, request)).kind !== "out";
}
