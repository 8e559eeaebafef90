import type { Database } from "@/db";
import { getShopSettings } from "@/db/queries/settings";
import type { Language } from "@/lib/booking/status-labels";
import { listAllSlots } from "@/db/queries/slots";
import { openingHoursLine, shopContactOf, type ShopContact } from "./shop-contact";

export interface ShopInfo {
  contact: ShopContact;
  /** "Buka setiap hari, 09.00–20.00 WIB"; undefined while no slot is active. */
  hours?: string;
}

/** The shop's address, number, map and hours, for a page that does not load the settings itself. */
export async function loadShopInfo(db: Database, language: Language = "id"): Promise<ShopInfo> {
  const [settings, slots] = await Promise.all([getShopSettings(db), listAllSlots(db)]);
  return { contact: shopContactOf(settings), hours: openingHoursLine(slots, settings.closedWeekdays, language) };
}
