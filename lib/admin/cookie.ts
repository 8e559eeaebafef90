import { getEnv } from "@/lib/env";

/**
 * The admin session cookie: HttpOnly, SameSite=Lax, Secure whenever the shop
 * is served over https (not on localhost), and then with the `__Host-` prefix,
 * which browsers only accept from a secure origin for the whole site.
 */
export function sessionCookieIsSecure(): boolean {
  const url = new URL(getEnv().APP_URL);
  return url.protocol === "https:" && !["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

export function sessionCookieName(): string {
  return sessionCookieIsSecure() ? "__Host-jiot_admin" : "jiot_admin";
}

export function sessionCookieOptions(expiresAt: Date) {
  return { httpOnly: true, sameSite: "lax" as const, secure: sessionCookieIsSecure(), path: "/", expires: expiresAt };
}

/** The session token from a request's Cookie header. */
export function sessionTokenOf(request: Request): string | undefined {
  const name = sessionCookieName();
  for (const pair of (request.headers.get("cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return decodeURIComponent(pair.slice(at + 1).trim());
  }
  return undefined;
}
