import { createHmac, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";
import { secretsMatch } from "@/lib/http/secrets";
import type { EditResult } from "./edit-result";

// Without SESSION_SECRET (a laptop) a per-process key: a flash is only read right after its redirect.
const FALLBACK_KEY = randomBytes(32).toString("hex");
const key = () => getEnv().SESSION_SECRET ?? FALLBACK_KEY;
const sign = (body: string) => createHmac("sha256", key()).update(`admin-flash:${body}`).digest("base64url");

/**
 * An admin form's outcome carried in the redirect's query string (`?flash=`),
 * so the page that follows can say what happened without client JavaScript or
 * a server-side store. Signed, so nobody can link an admin to a page that
 * shows words the app never said.
 */
export function encodeFlash(result: EditResult): string {
  const body = Buffer.from(JSON.stringify(result)).toString("base64url");
  return `${body}.${sign(body)}`;
}

export function decodeFlash(value: unknown): EditResult | undefined {
  if (typeof value !== "string" || value.length > 4000) return undefined;
  const [body, signature] = value.split(".");
  if (!body || !secretsMatch(signature, sign(body))) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(body, "base64url").toString()) as EditResult;
    return parsed.status === "ok" || parsed.status === "invalid" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Where an admin form sends the browser back: its page, with the outcome and any query worth keeping. */
export function flashLocation(page: string, result: EditResult, keep: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(keep)) if (value) query.set(name, value);
  query.set("flash", encodeFlash(result));
  return `${page}?${query.toString()}`;
}
