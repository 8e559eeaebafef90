/**
 * An Indonesian mobile number as the shop stores it: "+628…" (E.164). Accepts
 * what people type and what Telegram's contact carries: "0812-3456-7890",
 * "62 812 3456 7890", "+62812…", with spaces, dashes, dots or brackets.
 * Mobile numbers are 08 followed by 8 to 11 digits; anything else is null.
 */
export function normalizeIndonesianPhone(input: string): string | null {
  const compact = input.trim().replace(/[\s\-.()]/g, "");
  const match = /^(?:\+62|62|0)(8[1-9][0-9]{7,10})$/.exec(compact);
  return match ? `+62${match[1]}` : null;
}
