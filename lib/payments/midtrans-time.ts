import { WIB_OFFSET_MINUTES } from "@/lib/booking/calendar";

const WIB_OFFSET_MS = WIB_OFFSET_MINUTES * 60_000;

/** Midtrans writes times in WIB without a zone ("2023-08-19 10:16:48"). */
export function parseMidtransTime(value: unknown): Date | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const instant = new Date(`${match[1]}T${match[2]}+07:00`);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** "2026-11-28 10:00:00 +0700", the format of Snap's expiry.start_time and Core's custom_expiry.order_time. */
export function formatMidtransTime(instant: Date): string {
  const wib = new Date(instant.getTime() + WIB_OFFSET_MS).toISOString();
  return `${wib.slice(0, 10)} ${wib.slice(11, 19)} +0700`;
}
