import { randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv, type Env } from "@/lib/env";

type HeaderSource = { get(name: string): string | null };

const firstEntry = (value: string | null) => value?.split(",")[0]?.trim() || null;
const lastEntry = (value: string | null) => value?.split(",").at(-1)?.trim() || null;

/** Says "proxy.ts cleared this request's x-forwarded-for"; its value is this process's secret, so a client cannot send it. */
const CLEARED_HEADER = "x-jiot-forwarded-cleared";
const slot = globalThis as unknown as { __jiotForwardedMark?: string };
const processMark = () => (slot.__jiotForwardedMark ??= randomBytes(24).toString("base64url"));

function isMarked(headers: HeaderSource): boolean {
  const claimed = Buffer.from(headers.get(CLEARED_HEADER) ?? "");
  const mark = Buffer.from(processMark());
  return claimed.length === mark.length && timingSafeEqual(claimed, mark);
}

/**
 * For proxy.ts, self-hosted with no proxy named: `next start` keeps an
 * x-forwarded-for the client sent and writes the socket address only when the
 * header is absent (base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`,
 * after the proxy's request headers are applied). So the proxy deletes the
 * client's header, Next writes the socket address, and the mark tells
 * clientIpOf that this happened. Paths the proxy does not run on (/api) stay unmarked.
 */
export function clearForwardedFor(headers: Headers, env: Env = getEnv()): void {
  if (env.VERCEL || env.TRUST_PROXY) return;
  headers.delete("x-forwarded-for");
  headers.set(CLEARED_HEADER, processMark());
}

/**
 * The client's address, only where something we trust wrote it; null otherwise.
 *
 * - On Vercel (VERCEL=1) the edge overwrites x-forwarded-for (and sets
 *   x-vercel-forwarded-for, x-real-ip) with the address it saw, whatever the client sent.
 * - Behind one known reverse proxy (TRUST_PROXY=1) the proxy appends the address it
 *   saw to x-forwarded-for: the last entry is the proxy's word, earlier ones the client's.
 * - Anywhere else, the socket address `next start` wrote once proxy.ts cleared the
 *   client's header (clearForwardedFor). Where the proxy did not run, the header is the
 *   client's own claim: no address is known, and callers keying on it share one key.
 */
export function clientIpOf(headers: HeaderSource, env: Env = getEnv()): string | null {
  if (env.VERCEL) {
    return firstEntry(headers.get("x-vercel-forwarded-for")) || firstEntry(headers.get("x-forwarded-for")) || headers.get("x-real-ip")?.trim() || null;
  }
  if (env.TRUST_PROXY) return lastEntry(headers.get("x-forwarded-for"));
  return isMarked(headers) ? lastEntry(headers.get("x-forwarded-for")) : null;
}

/** The same, for a route handler's Request: for the audit log and rate limits. */
export function clientIp(request: Request): string | null {
  return clientIpOf(request.headers);
}
