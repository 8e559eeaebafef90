import type { Database } from "@/db";
import { signIn } from "@/lib/admin/auth";
import { sessionCookieName } from "@/lib/admin/cookie";
import { createOrResetAdmin } from "@/lib/admin/create-admin";

export const TEST_ADMIN = { username: "sari", password: "kata-sandi-rahasia-1" };

/** Creates the test admin and signs in: the Cookie header an admin's browser would send. */
export async function adminCookie(db: Database, admin = TEST_ADMIN): Promise<string> {
  await createOrResetAdmin(db, admin);
  const result = await signIn(db, { ...admin, ip: "127.0.0.1", userAgent: "jest" });
  if (result.status !== "ok") throw new Error(`test admin could not sign in: ${result.status}`);
  return `${sessionCookieName()}=${result.token}`;
}

/** A request as the admin's browser sends it: session cookie, and an Origin unless told otherwise. */
export function adminRequest(
  url: string,
  { cookie, method = "POST", origin = new URL(url).origin, body }: { cookie?: string; method?: string; origin?: string | null; body?: BodyInit },
): Request {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (origin) headers.origin = origin;
  return new Request(url, { method, headers, body });
}
