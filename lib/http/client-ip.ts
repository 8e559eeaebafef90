import { getEnv, type Env } from "@/lib/env";

type HeaderSource = { get(name: string): string | null };

const firstEntry = (value: string | null) => value?.split(",")[0]?.trim() || null;
const lastEntry = (value: string | null) => value?.split(",").at(-1)?.trim() || null;

/**
 * The client's address, only where something we trust wrote it; null otherwise.
 *
 * - On Vercel (VERCEL=1) the edge overwrites x-forwarded-for (and sets
 *   x-vercel-forwarded-for, x-real-ip) with the address it saw, whatever the client sent.
 * - Behind one known reverse proxy (TRUST_PROXY=1) the proxy appends the address it
 *   saw to x-forwarded-for: the last entry is the proxy's word, earlier ones the client's.
 * - Anywhere else the header is the client's own claim: `next start` keeps a
 *   forwarded header it receives and fills in the socket address only when there is
 *   none, and route handlers and server actions are not given the socket. So no
 *   address is known, and callers that key on it (the login limit) share one key.
 */
export function clientIpOf(headers: HeaderSource, env: Env = getEnv()): string | null {
  if (env.VERCEL) {
    return firstEntry(headers.get("x-vercel-forwarded-for")) || firstEntry(headers.get("x-forwarded-for")) || headers.get("x-real-ip")?.trim() || null;
  }
  if (env.TRUST_PROXY) return lastEntry(headers.get("x-forwarded-for"));
  return null;
}

/** The same, for a route handler's Request: for the audit log and rate limits. */
export function clientIp(request: Request): string | null {
  return clientIpOf(request.headers);
}
