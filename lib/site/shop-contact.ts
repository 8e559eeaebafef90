import type { ShopSettings } from "@/db/queries/settings";
import { formatIndonesianPhone, normalizeIndonesianPhone, whatsappLink } from "@/lib/booking/phone";

/**
 * Where the shop is and how to reach it, as customers see it on the pages and
 * in the bot. Plain functions: the admin form validates with them, the pages
 * and the bot render with them.
 */

/** The link staff give as the shop's location, kept only when it is http(s): never `javascript:` or `data:`. */
export function safeHttpUrl(input: string): string | undefined {
  const trimmed = input.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export interface ShopContact {
  name: string;
  address?: string;
  /** "+62…". */
  phone?: string;
  /** "+62 812-3456-7890". */
  phoneDisplay?: string;
  whatsappUrl?: string;
  mapsUrl?: string;
}

/** What the settings say about reaching the shop; fields the owner left empty (or a value that is not valid) are left out. */
export function shopContactOf(settings: Pick<ShopSettings, "shopName" | "address" | "phone" | "mapsUrl">): ShopContact {
  const phone = (settings.phone && normalizeIndonesianPhone(settings.phone)) || undefined;
  return {
    name: settings.shopName,
    address: settings.address.trim() || undefined,
    phone,
    phoneDisplay: phone && formatIndonesianPhone(phone),
    whatsappUrl: phone && whatsappLink(phone),
    mapsUrl: settings.mapsUrl ? safeHttpUrl(settings.mapsUrl) : undefined,
  };
}

const WEEKDAY_NAMES = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

/**
 * One line of opening hours from the active slots and the weekly closed days,
 * e.g. "Buka setiap hari kecuali Minggu, 09.00–20.00 WIB".
 */
export function openingHoursLine(slots: { startTime: string; endTime: string; active: boolean }[], closedWeekdays: number[]): string | undefined {
  const open = slots.filter((s) => s.active);
  if (open.length === 0) return undefined;
  const from = open.map((s) => s.startTime).sort()[0]!.replace(":", ".");
  const to = open.map((s) => s.endTime).sort().at(-1)!.replace(":", ".");
  const days = closedWeekdays.length === 0 ? "Buka setiap hari" : `Buka setiap hari kecuali ${closedWeekdays.map((d) => WEEKDAY_NAMES[d]).join(", ")}`;
  return `${days}, ${from}–${to} WIB`;
}
