import { getEnv } from "@/lib/env";

/**
 * CSRF guard for admin POST routes: a browser always sends Origin on a
 * cross-site POST, so one from anywhere but this app is refused. A request
 * without Origin and without Sec-Fetch-Site comes from a non-browser client,
 * which cannot ride on an admin's cookie.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") {
    const site = request.headers.get("sec-fetch-site");
    return origin !== "null" && (site === null || site === "same-origin" || site === "none");
  }
  const allowed = new Set([new URL(getEnv().APP_URL).origin, new URL(request.url).origin]);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`);
  return allowed.has(origin);
}
