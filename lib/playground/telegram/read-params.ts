import { badRequest } from "./types";

export type Params = Record<string, unknown>;

/** Fields the Bot API takes as JSON-serialised strings in query strings and forms. */
const JSON_FIELDS = new Set(["reply_markup", "entities", "link_preview_options", "commands", "scope", "allowed_updates", "reply_parameters", "caption_entities"]);

function fromPairs(pairs: Iterable<[string, FormDataEntryValue]>): Params {
  const params: Params = {};
  for (const [key, value] of pairs) {
    if (typeof value !== "string") continue; // a file upload; nothing the stand-in shows
    if (JSON_FIELDS.has(key)) {
      try {
        params[key] = JSON.parse(value);
      } catch {
        throw badRequest(`can't parse ${key} JSON object`);
      }
    } else {
      params[key] = value;
    }
  }
  return params;
}

/**
 * A method's parameters, as the Bot API accepts them: a query string, or a
 * POST body in JSON, application/x-www-form-urlencoded or multipart/form-data
 * (telegraf sends JSON, and multipart when a file is attached).
 */
export async function readParams(request: Request): Promise<Params> {
  const query = fromPairs(new URL(request.url).searchParams.entries());
  if (request.method !== "POST") return query;
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    const text = await request.text();
    if (!text.trim()) return query;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("parameters must be a JSON object");
    return { ...query, ...(body as Params) };
  }
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    const form = await request.formData();
    return { ...query, ...fromPairs(form.entries()) };
  }
  return query;
}

/** A required integer parameter (chat_id, message_id), given as a number or a numeric string. */
export function intParam(params: Params, name: string): number {
  const value = params[name];
  const number = typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) throw badRequest(`${name} is empty or invalid`);
  return number;
}

export function boolParam(params: Params, name: string): boolean {
  const value = params[name];
  return value === true || value === "true" || value === "1";
}
