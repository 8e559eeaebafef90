import type { Language } from "@/lib/booking/status-labels";

/**
 * The language a customer page is shown in: `?lang=en|id` when the link asks,
 * else the customer's own (an order's stored language), else Indonesian.
 */
export function pageLanguage(query: string | string[] | undefined, fallback?: string | null): Language {
  return askedLanguage(query) ?? (fallback === "en" ? "en" : "id");
}

/** The language `?lang=` asks for, if it names one. */
export function askedLanguage(query: string | string[] | undefined | null): Language | undefined {
  const asked = Array.isArray(query) ? query[0] : query;
  return asked === "en" || asked === "id" ? asked : undefined;
}

/** The switch to the other language, as a link on the same page. */
export function languageSwitch(language: Language, path: string): { href: string; label: string; lang: Language } {
  const other: Language = language === "en" ? "id" : "en";
  return { href: `${path}?lang=${other}`, label: other === "en" ? "English" : "Bahasa Indonesia", lang: other };
}
