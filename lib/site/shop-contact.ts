import type { ShopSettings } from "@/db/queries/settings";
import { weekdayName } from "@/lib/booking/calendar";
import type { Language } from "@/lib/booking/status-labels";
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

/**
 * One line of opening hours from the active slots and the weekly closed days,
 * e.g. "Buka setiap hari kecuali Minggu, 09.00–20.00 WIB" / "Open every day except Sunday, …".
 */
export function openingHoursLine(
  slots: { startTime: string; endTime: string; active: boolean }[],
  closedWeekdays: number[],
  language: Language = "id",
): string | undefined {
  const open = slots.filter((s) => s.active);
  if (open.length === 0) return undefined;
  const from = open.map((s) => s.startTime).sort()[0]!.replace(":", ".");
  const to = open.map((s) => s.endTime).sort().at(-1)!.replace(":", ".");
  const [every, except] = language === "en" ? ["Open every day", "except"] : ["Buka setiap hari", "kecuali"];
  const days = closedWeekdays.length === 0 ? every : `${every} ${except} ${closedWeekdays.map((d) => weekdayName(d, language)).join(", ")}`;
  return `${days}, ${from}–${to} WIB`;
}
