/**
 * The shop's calendar is Asia/Jakarta (WIB). Jakarta has had no daylight saving
 * since 1964, so WIB is exactly UTC+7 and plain arithmetic is both correct and
 * independent of the server's TZ (Vercel runs in UTC).
 */
export const WIB_OFFSET_MINUTES = 7 * 60;
const WIB_OFFSET_MS = WIB_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** A calendar date as "YYYY-MM-DD". */
export type IsoDate = string;

/** The WIB calendar date of an instant. */
export function wibDateOf(instant: Date): IsoDate {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

export function todayInJakarta(now: Date = new Date()): IsoDate {
  return wibDateOf(now);
}

/** The instant at which the wall clock in Jakarta shows `time` ("HH:MM") on `date`. */
export function wibInstant(date: IsoDate, time = "00:00"): Date {
  return new Date(Date.parse(`${date}T${time}:00.000Z`) - WIB_OFFSET_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, for a calendar date. */
export function weekdayOf(date: IsoDate): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

/** "2026-12-01" → "01/12/2026", the format customers type and read. */
export function formatDateDmy(date: IsoDate): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

/** An instant shown in WIB: "28/11/2026 21:05 WIB". */
export function formatWibDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + WIB_OFFSET_MS).toISOString();
  return `${formatDateDmy(shifted.slice(0, 10))} ${shifted.slice(11, 16)} WIB`;
}

const WEEKDAYS = {
  id: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
} as const;
const MONTHS = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
} as const;

/** 0 = Sunday … 6 = Saturday, by name: "Minggu" / "Sunday". */
export function weekdayName(weekday: number, language: "id" | "en" = "id"): string {
  return WEEKDAYS[language][weekday] ?? "";
}

/** "Selasa, 1 Desember 2026" / "Tuesday, 1 December 2026". */
export function formatDateLong(date: IsoDate, language: "id" | "en" = "id"): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${WEEKDAYS[language][weekdayOf(date)]}, ${d} ${MONTHS[language][(m ?? 1) - 1]} ${y}`;
}

export type DateRejection = "format" | "invalid" | "past" | "beyond_horizon" | "closed";

export interface DateRules {
  today: IsoDate;
  horizonDays: number;
  closedDates: ReadonlySet<IsoDate> | ReadonlyMap<IsoDate, string>;
  /** Weekdays the shop is shut every week (0 = Sunday). */
  closedWeekdays: readonly number[];
}

export type ParsedDate = { ok: true; date: IsoDate } | { ok: false; reason: DateRejection; closedReason?: string };

const DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;

/** Reads the date a customer typed ("01/10/2022") and says why it cannot be booked, if it cannot. */
export function parseServiceDate(input: string, rules: DateRules): ParsedDate {
  const match = DMY.exec(input.trim());
  if (!match) return { ok: false, reason: "format" };
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const probe = new Date(`${iso}T00:00:00.000Z`);
  if (Number.isNaN(probe.getTime()) || probe.getUTCDate() !== day || probe.getUTCMonth() + 1 !== month) {
    return { ok: false, reason: "invalid" };
  }
  if (iso < rules.today) return { ok: false, reason: "past" };
  if (daysBetween(rules.today, iso) > rules.horizonDays) return { ok: false, reason: "beyond_horizon" };
  if (rules.closedDates.has(iso)) {
    const closedReason = rules.closedDates instanceof Map ? rules.closedDates.get(iso) : undefined;
    return { ok: false, reason: "closed", closedReason: closedReason || undefined };
  }
  if (rules.closedWeekdays.includes(weekdayOf(iso))) return { ok: false, reason: "closed" };
  return { ok: true, date: iso };
}
