/**
 * Postgres refuses a NUL character in text and jsonb, and a lone UTF-16
 * surrogate in jsonb; JSON from outside (a webhook body, a Telegram name) may
 * carry either. What we keep as a record of what arrived (the audit log) gets
 * U+FFFD in their place instead of failing the whole request.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(text: string): string {
  return text.replace(UNSTORABLE, "\uFFFD");
}

/** A copy of a JSON-like value whose strings (keys included) Postgres can store. */
export function storableJson(value: unknown): unknown {
  if (typeof value === "string") return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [storableText(key), storableJson(child)]));
  }
  return value;
}
