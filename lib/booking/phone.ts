/**
 * Indonesian phone numbers, in the one form the shop stores and links need:
 * "+62" and the national digits without the leading 0 (E.164). Staff type
 * them every way ("0812-3456-7890", "62 812…", "+62 (812) 3456 7890").
 */

const SEPARATORS = /[\s().-]/g;

/** The national digits of what was typed after its country prefix (+62, 62 or 0), or undefined when it has none. */
function nationalDigits(input: string): string | undefined {
  const compact = input.replace(SEPARATORS, "");
  if (compact.startsWith("+62")) return compact.slice(3);
  if (compact.startsWith("62")) return compact.slice(2);
  if (compact.startsWith("0")) return compact.slice(1);
  return undefined;
}

/** "+62…" for an Indonesian number, null for anything else. */
export function normalizeIndonesianPhone(input: string): string | null {
  const national = nationalDigits(input);
  if (national === undefined || !/^[1-9][0-9]{6,12}$/.test(national)) return null;
  return `+62${national}`;
}

/**
 * A stored number ("+62…") that is a mobile one: 08 then 8 to 11 digits. The
 * bot asks customers for the phone the shop can reach (and WhatsApp); a
 * landline typed there is answered as a wrong number.
 */
export function isIndonesianMobile(phone: string): boolean {
  return /^\+628[1-9][0-9]{7,10}$/.test(phone);
}

/**
 * The stored-form start of a partly typed number ("0812", "62 81", "+62 812-3"),
 * for a prefix search; null when the text is not the start of an Indonesian number.
 */
export function indonesianPhonePrefix(input: string): string | null {
  const national = nationalDigits(input.trim());
  if (national === undefined || !/^[1-9][0-9]{0,12}$/.test(national)) return null;
  return `+62${national}`;
}

/** "+6281234567890" → "+62 812-3456-7890": grouped the way Indonesians write a mobile number. */
export function formatIndonesianPhone(phone: string): string {
  const national = phone.replace(/^\+62/, "");
  const groups = [national.slice(0, 3), national.slice(3, 7), national.slice(7)].filter(Boolean);
  return `+62 ${groups.join("-")}`;
}

/** A WhatsApp chat with that number, the text already typed in ("https://wa.me/62812…?text=…"). */
export function whatsappLink(phone: string, text?: string): string {
  const base = `https://wa.me/${phone.replace(/^\+/, "")}`;
  return text ? `${base}?text=${encodeURIComponent(text)}` : base;
}
