import type { Database } from "@/db";
import { listActiveParts, listCatalog, type CatalogEntry } from "@/db/queries/catalog";
import { getShopSettings, type ShopSettings } from "@/db/queries/settings";
import { listBranchSlots, listClosedDates } from "@/db/queries/slots";
import { listActiveBranches } from "@/db/queries/branches";
import { FIRST_BRANCH_ID, type Branch } from "@/db/schema";
import { listTechnicians } from "@/db/queries/technicians";
import { readWeekdayCapacities } from "@/db/queries/weekday-capacity";
import { getSlotAvailability, type SlotOffer } from "@/lib/booking/availability";
import { atBranchPrices } from "@/lib/booking/branch-prices";
import { addDays, todayInJakarta, type IsoDate } from "@/lib/booking/calendar";
import { listStockLines } from "@/db/queries/part-stock";
import { unitOfferOf, type UnitOffer } from "@/lib/booking/stock-offer";
import { weeklyHours, type WeekdayHours } from "@/lib/booking/weekly-hours";

export interface Named {
  id: number;
  name: string;
}

export interface HomeView {
  settings: ShopSettings;
  catalog: CatalogEntry[];
  /** Devices and parts that have at least one active price, in the shop's order. */
  devices: Named[];
  parts: Named[];
  /** The opening hours: each weekday's slots, Monday first. */
  week: WeekdayHours[];
  closedAhead: { date: IsoDate; reason: string }[];
  today: IsoDate;
  lastBookableDate: IsoDate;
  /** What the shelf allows, by "deviceId:partId", for the parts whose stock is kept (the others are always offered). */
  shelf: Map<string, UnitOffer>;
  /** The slots of the date the customer asked about, with their room. */
  dateOffers?: SlotOffer[];
  /** The branches customers can book at; the page lists them when there is more than one. */
  branches: Branch[];
  /** The branch whose prices, hours, stock and free slots are shown (the first, unless the customer chose another). */
  branchId: number;
}

function catalogDevices(entries: CatalogEntry[]): Named[] {
  const seen = new Map<number, Named>();
  for (const e of entries) if (!seen.has(e.deviceId)) seen.set(e.deviceId, { id: e.deviceId, name: e.deviceName });
  return [...seen.values()];
}

/**
 * Everything the home page shows, read in one go, for one branch: `branch` (an id, as the form sends it) when it is
 * an active one, else the first active branch. `date` (YYYY-MM-DD) adds that day's free slots there.
 */
export async function loadHomeView(db: Database, { date, branch, now = new Date() }: { date?: string; branch?: string; now?: Date }): Promise<HomeView> {
  const [settings, branches] = await Promise.all([getShopSettings(db), listActiveBranches(db)]);
  const branchId = branches.find((b) => String(b.id) === branch)?.id ?? branches[0]?.id ?? FIRST_BRANCH_ID;
  const today = todayInJakarta(now);
  const lastBookableDate = addDays(today, settings.bookingHorizonDays);
  const [sharedCatalog, activeParts, allSlots, weekdayCapacities, technicians, closed, stock] = await Promise.all([
    listCatalog(db),
    listActiveParts(db),
    listBranchSlots(db, { branchId }),
    readWeekdayCapacities(db),
    listTechnicians(db, { branchId }),
    listClosedDates(db, { from: today, to: lastBookableDate, branchId }),
    listStockLines(db, { now, branchId }),
  ]);
  const catalog = await atBranchPrices(db, sharedCatalog, { branchId });
  const askedDate = date && /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= today && date <= lastBookableDate ? date : undefined;
  const dateOffers = askedDate ? await getSlotAvailability(db, { serviceDate: askedDate, now, settings, branchId }) : undefined;
  return {
    branchId,
    settings,
    catalog,
    devices: catalogDevices(catalog),
    parts: activeParts.filter((p) => catalog.some((e) => e.partId === p.id)).map(({ id, name }) => ({ id, name })),
    week: weeklyHours(allSlots, weekdayCapacities, settings.closedWeekdays, technicians),
    closedAhead: [...closed].map(([closedDate, reason]) => ({ date: closedDate, reason })).sort((a, b) => a.date.localeCompare(b.date)),
    today,
    lastBookableDate,
    shelf: new Map(stock.map((line) => [`${line.deviceId}:${line.partId}`, unitOfferOf(line, { today })])),
    dateOffers,
    branches,
  };
}

/** A choice in the form's part list: with a device picked, its price and, on back-order, the days. */
export interface PartChoice {
  id: number;
  name: string;
  priceIdr?: number;
  backorderDays?: number;
}

const IN_STOCK: UnitOffer = { kind: "in_stock", left: null };

/**
 * The form's part list: the picked device's priced parts the shelf allows (out of
 * stock without back-order left out, a back-order with its days); no device picked
 * yet, every part that some device can still be booked with.
 */
export function partChoices(view: HomeView, deviceId: number | undefined): PartChoice[] {
  const open = view.catalog
    .map((entry) => ({ entry, offer: view.shelf.get(`${entry.deviceId}:${entry.partId}`) ?? IN_STOCK }))
    .filter(({ offer }) => offer.kind !== "out");
  if (view.devices.some((d) => d.id === deviceId)) {
    return open
      .filter(({ entry }) => entry.deviceId === deviceId)
      .map(({ entry, offer }) => ({ id: entry.partId, name: entry.partName, priceIdr: entry.priceIdr, ...(offer.kind === "backorder" && { backorderDays: offer.days }) }));
  }
  return view.parts.filter((p) => open.some(({ entry }) => entry.partId === p.id));
}
