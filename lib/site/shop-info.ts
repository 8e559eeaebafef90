import type { Database } from "@/db";
import { readerAtConfigVersion } from "@/db/queries/config-cache";
import { getShopSettings } from "@/db/queries/settings";
import type { Language } from "@/lib/booking/status-labels";
import { listBranchSlots } from "@/db/queries/slots";
import { FIRST_BRANCH_ID } from "@/db/schema";
import { placeOfBranch } from "./branch-place";
import { listTechnicians } from "@/db/queries/technicians";
import { readWeekdayCapacities } from "@/db/queries/weekday-capacity";
import { weeklyHours } from "@/lib/booking/weekly-hours";
import { openingHoursLine, shopContactOf, type ShopContact } from "./shop-contact";

export interface ShopInfo {
  contact: ShopContact;
  /** "Buka setiap hari, 09.00–20.00 WIB"; undefined while no slot is active. */
  hours?: string;
}

/**
 * The address, number, map and hours of a branch (the first when none is named), for a page that does not load the
 * settings itself; from the instance's cache when the page read `configVersion` first.
 */
export async function loadShopInfo(
  db: Database,
  language: Language = "id",
  { configVersion, branchId = FIRST_BRANCH_ID }: { configVersion?: string | null; branchId?: number } = {},
): Promise<ShopInfo> {
  if (configVersion) db = readerAtConfigVersion(db, configVersion);
  const [settings, slots, weekdayCapacities, technicians] = await Promise.all([
    getShopSettings(db),
    listBranchSlots(db, { branchId }),
    readWeekdayCapacities(db),
    listTechnicians(db, { branchId }),
  ]);
  const week = weeklyHours(slots, weekdayCapacities, settings.closedWeekdays, technicians);
  return { contact: shopContactOf(await placeOfBranch(db, { branchId, settings })), hours: openingHoursLine(week, language) };
}
