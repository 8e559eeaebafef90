import type { DraftErrors, DraftField, DraftInput, DraftProblem } from "@/lib/booking/create-draft";
import type { Language } from "@/lib/booking/status-labels";
import { askedLanguage } from "./page-language";
import { homeTexts } from "./texts";

const FIELDS: readonly DraftField[] = ["branch", "device", "part", "date", "slot", "payment"];

/** The form's own fields out of a posted form or the page's query string. */
export function readDraftInput(get: (name: string) => unknown): DraftInput {
  const input: DraftInput = {};
  for (const field of FIELDS) {
    const value = get(field);
    if (typeof value === "string" && value.length <= 40) input[field] = value;
  }
  return input;
}

/**
 * Without client JavaScript a refused form comes back as a redirect to the home
 * page: the choices and the problems travel in the query string, `err=date.past,slot.slot_full`.
 */
export function draftFormLocation(input: DraftInput, errors: DraftErrors = {}, language?: string | null): string {
  const query = new URLSearchParams();
  const lang = askedLanguage(language);
  if (lang) query.set("lang", lang);
  for (const field of FIELDS) if (input[field]) query.set(field, input[field]);
  const problems = Object.entries(errors).map(([field, problem]) => `${field}.${problem}`);
  if (problems.length > 0) query.set("err", problems.join(","));
  const search = query.toString();
  return `/${search ? `?${search}` : ""}#reservasi`;
}

/** The problems named in the query string, as messages per field; unknown codes are ignored. */
export function readDraftErrors(err: unknown, language: Language = "id"): Partial<Record<DraftField, string>> {
  const messages: Partial<Record<DraftField, string>> = {};
  const texts = homeTexts(language).problems;
  if (typeof err !== "string") return messages;
  for (const item of err.split(",").slice(0, FIELDS.length)) {
    const [field, problem] = item.split(".") as [DraftField, DraftProblem];
    if (FIELDS.includes(field) && Object.hasOwn(texts, problem)) messages[field] = texts[problem];
  }
  return messages;
}
