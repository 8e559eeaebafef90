import type { ShopSettings } from "@/db/queries/settings";
import { groupWeek, hoursSpan, WEEKDAY_NAMES, type WeekdayHours } from "@/lib/booking/weekly-hours";

/**
 * Where the shop is and how to reach it, as customers see it on the pages and
 * in the bot. Plain functions: the admin form validates with them, the pages
 * and the bot render with them.
 */

/**
 * An Indonesian number as the shop types it ("0812-3456-7890", "62 812…",
 * "+62 (812) 3456 7890") in the one form links need: "+62" and the digits.
 * Undefined when it is not an Indonesian number.
 */
export function normalizeIndonesianPhone(input: string): string | undefined {
  const compact = input.replace(/[\s().-]/g, "");
  const national = compact.startsWith("+62") ? compact.slice(3) : compact.startsWith("62") ? compact.slice(2) : compact.startsWith("0") ? compact.slice(1) : undefined;
  if (national === undefined || !/^[1-9][0-9]{6,12}$/.test(national)) return undefined;
  return `+62${national}`;
}

/** "+6281234567890" → "+62 812-3456-7890": grouped the way Indonesians write a mobile number. */
export function formatIndonesianPhone(phone: string): string {
  const national = phone.replace(/^\+62/, "");
  const groups = [national.slice(0, 3), national.slice(3, 7), national.slice(7)].filter(Boolean);
  return `+62 ${groups.join("-")}`;
}

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
  const phone = settings.phone ? normalizeIndonesianPhone(settings.phone) : undefined;
  return {
    name: settings.shopName,
    address: settings.address.trim() || undefined,
    phone,
    phoneDisplay: phone && formatIndonesianPhone(phone),
    whatsappUrl: phone && `https://wa.me/${phone.slice(1)}`,
    mapsUrl: settings.mapsUrl ? safeHttpUrl(settings.mapsUrl) : undefined,
  };
}

/**
 * One line of opening hours from the week (lib/booking/weekly-hours.ts), e.g.
 * "Buka setiap hari kecuali Minggu, 09.00–20.00 WIB", or where the hours differ
 * by day "Senin–Jumat 09.00–20.00, Sabtu 09.00–15.00 WIB; tutup Minggu".
 */
export function openingHoursLine(week: WeekdayHours[]): string | undefined {
  const open = week.filter((d) => d.slots.length > 0);
  if (open.length === 0) return undefined;
  const shut = week.filter((d) => d.slots.length === 0).map((d) => d.weekday).sort((a, b) => a - b);
  const spans = new Set(open.map((day) => hoursSpan(day.slots)));
  if (spans.size === 1) {
    const days = shut.length === 0 ? "Buka setiap hari" : `Buka setiap hari kecuali ${shut.map((d) => WEEKDAY_NAMES[d]).join(", ")}`;
    return `${days}, ${[...spans][0]} WIB`;
  }
  const parts = groupWeek(open).map((g) => `${g.days} ${g.span}`);
  return `${parts.join(", ")} WIB${shut.length > 0 ? `; tutup ${shut.map((d) => WEEKDAY_NAMES[d]).join(", ")}` : ""}`;
}
