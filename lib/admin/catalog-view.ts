import type { Database } from "@/db";
import { readBranchPrices } from "@/db/queries/branches";
import { listAllPrices, listCatalogItems, type CatalogItem } from "@/db/queries/catalog-edits";
import { listUpcomingClosedDates } from "@/db/queries/schedule-edits";
import { getShopSettings, type ShopSettings } from "@/db/queries/settings";
import { listBranchSlots } from "@/db/queries/slots";
import { readWeekdayCapacities } from "@/db/queries/weekday-capacity";
import type { ClosedDate, Price, Slot } from "@/db/schema";
import { todayInJakarta } from "@/lib/booking/calendar";

export interface CatalogAdminView {
  devices: CatalogItem[];
  parts: CatalogItem[];
  /** The device whose prices are shown (the one asked for, else the first). */
  device?: CatalogItem;
  /** That device's price per part id, active or not. */
  prices: Map<number, Price>;
  /** With `branchId`: that branch's own price of the device per part id (a part without one charges the shared price). */
  branchPrices: Map<number, number>;
}

export async function loadCatalogAdminView(db: Database, { deviceId, branchId }: { deviceId?: number; branchId?: number }): Promise<CatalogAdminView> {
  const [devices, parts, allPrices, own] = await Promise.all([
    listCatalogItems(db, { kind: "device" }),
    listCatalogItems(db, { kind: "part" }),
    listAllPrices(db),
    branchId === undefined ? new Map<string, number>() : readBranchPrices(db, { branchId }),
  ]);
  const device = devices.find((d) => d.id === deviceId) ?? devices[0];
  const prices = new Map(allPrices.filter((p) => p.deviceId === device?.id).map((p) => [p.partId, p]));
  const branchPrices = new Map(parts.flatMap((part) => {
    const price = own.get(`${device?.id}:${part.id}`);
    return price === undefined ? [] : [[part.id, price] as const];
  }));
  return { devices, parts, device, prices, branchPrices };
}

export interface ScheduleAdminView {
  slots: Slot[];
  closedDates: ClosedDate[];
  settings: ShopSettings;
  /** "slotId:weekday" → the capacity the owner set for that weekday. */
  weekdayCapacities: Map<string, number>;
  today: string;
}

/** A branch's schedule as its page shows it (the settings are the whole shop's). */
export async function loadScheduleAdminView(db: Database, { branchId }: { branchId: number }, now: Date = new Date()): Promise<ScheduleAdminView> {
  const today = todayInJakarta(now);
  const [slots, closedDates, settings, weekdayCapacities] = await Promise.all([
    listBranchSlots(db, { branchId }),
    listUpcomingClosedDates(db, { from: today, branchId }),
    getShopSettings(db),
    readWeekdayCapacities(db),
  ]);
  return { slots, closedDates, settings, weekdayCapacities, today };
}
