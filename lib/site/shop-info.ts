import type { Database } from "@/db";
import { readerAtConfigVersion } from "@/db/queries/config-cache";
import { getShopSettings } from "@/db/queries/settings";
import type { Language } from "@/lib/booking/status-labels";
import { listAllSlots } from "@/db/queries/slots";
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
 * The shop's address, number, map and hours, for a page that does not load the
 * settings itself; from the instance's cache when the page read `configVersion` first.
 */
export async function loadShopInfo(db: Database, language: Language = "id", { configVersion }: { configVersion?: string | null } = {}): Promise<ShopInfo> {
  if (configVersion) db = readerAtConfigVersion(db, configVersion);
  const [settings, slots, weekdayCapacities, technicians] = await Promise.all([getShopSettings(db), listAllSlots(db), readWeekdayCapacities(db), listTechnicians(db)]);
  const week = weeklyHours(slots, weekdayCapacities, settings.closedWeekdays, technicians);
  return { contact: shopContactOf(settings), hours: openingHoursLine(week, language) };
}
