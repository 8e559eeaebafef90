import type { ShopSettings } from "@/db/queries/settings";
import { weekdayName } from "@/lib/booking/calendar";
import type { Language } from "@/lib/booking/status-labels";
import { formatIndonesianPhone, normalizeIndonesianPhone, whatsappLink } from "@/lib/booking/phone";
import { groupWeek, hoursSpan, type WeekdayHours } from "@/lib/booking/weekly-hours";

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
 * One line of opening hours from the week (lib/booking/weekly-hours.ts), e.g.
 * "Buka setiap hari kecuali Minggu, 09.00–20.00 WIB", or where the hours differ
 * by day "Senin–Jumat 09.00–20.00, Sabtu 09.00–15.00 WIB; tutup Minggu" (and in English).
 */
export function openingHoursLine(week: WeekdayHours[], language: Language = "id"): string | undefined {
  const open = week.filter((d) => d.slots.length > 0);
  if (open.length === 0) return undefined;
  const shut = week.filter((d) => d.slots.length === 0).map((d) => d.weekday).sort((a, b) => a - b);
  const shutNames = shut.map((d) => weekdayName(d, language)).join(", ");
  const [every, except, closed] = language === "en" ? ["Open every day", "except", "closed"] : ["Buka setiap hari", "kecuali", "tutup"];
  const spans = new Set(open.map((day) => hoursSpan(day.slots)));
  if (spans.size === 1) {
    const days = shut.length === 0 ? every : `${every} ${except} ${shutNames}`;
    return `${days}, ${[...spans][0]} WIB`;
  }
  const parts = groupWeek(open, language).map((g) => `${g.days} ${g.span}`);
  return `${parts.join(", ")} WIB${shut.length > 0 ? `; ${closed} ${shutNames}` : ""}`;
}
