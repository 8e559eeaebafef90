import type { Database } from "@/db";
import { findAdminByUsername } from "@/db/queries/admins";
import { startAdminSession } from "@/lib/admin/auth";
import { sessionCookieName } from "@/lib/admin/cookie";
import { saveAdmin } from "@/lib/admin/create-admin";
import { hashPassword } from "@/lib/admin/password";

export const TEST_ADMIN = { username: "sari", password: "kata-sandi-rahasia-1" };

/**
 * Password hashes made once per test process. scrypt takes tens of milliseconds on purpose, and every test
 * starts from an empty database, so hashing the same test password before each test was most of some files' time.
 */
const hashes = new Map<string, Promise<string>>();

/** The admin created (or reset) as createOrResetAdmin does, with its password's hash made once per process. */
export async function saveTestAdmin(db: Database, { username, password }: { username: string; password: string }): Promise<{ id: number; created: boolean }> {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return saveAdmin(db, { username, passwordHash: await hashes.get(password)! });
}

/**
 * A session of that admin, as a sign-in with the right password starts one (signIn itself, its throttle and its
 * password check, is tested in tests/db/admin/auth.test.ts).
 */
export async function testSessionToken(db: Database, { username }: { username: string }, ip: string | null = "127.0.0.1"): Promise<string> {
  const admin = await findAdminByUsername(db, { username });
  if (!admin || admin.disabled) throw new Error(`no active test admin ${username}`);
  return (await startAdminSession(db, admin, { ip, userAgent: "jest" })).token;
}

/** Creates the test admin and signs in: the Cookie header an admin's browser would send. */
export async function adminCookie(db: Database, admin = TEST_ADMIN): Promise<string> {
  await saveTestAdmin(db, admin);
  return `${sessionCookieName()}=${await testSessionToken(db, admin)}`;
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
