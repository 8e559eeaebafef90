import { createHmac, randomBytes } from "node:crypto";
import type { Database } from "@/db";
import {
  findAdminByUsername,
  findSessionAdmin,
  insertAdminSession,
  revokeAdminSession,
  type SignedInAdmin,
} from "@/db/queries/admins";
import { hitRateWindows, refundRateHit } from "@/db/queries/rate-limits";
import type { Admin } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { getEnv } from "@/lib/env";
import { UNKNOWN_USER_HASH, verifyPassword } from "./password";

export type { SignedInAdmin };

export const SESSION_DAYS = 7;
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;

export type SignInResult =
  | { status: "ok"; token: string; expiresAt: Date; admin: SignedInAdmin }
  | { status: "invalid"; attemptsLeft: number }
  | { status: "throttled"; retryAfterSeconds: number };

/** Only a hash of the session token is stored, keyed with SESSION_SECRET: the table alone signs no one in. */
export function hashSessionToken(token: string): string {
  return createHmac("sha256", getEnv().SESSION_SECRET ?? "jiot-admin-session").update(token).digest("base64url");
}

// No trusted proxy → ip null → one shared address key: a rotated X-Forwarded-For buys no fresh tries (lib/http/client-ip.ts).
const loginKeys = (username: string, ip: string | null) => [`login:user:${username}`, `login:ip:${ip ?? "unknown"}`];

/**
 * Checks a username and password. Every attempt is counted per username and
 * per address before the password is looked at, in one atomic statement, so
 * however many arrive at once at most LOGIN_MAX_FAILURES passwords are checked
 * per window; past that, sign-in is refused until the window ends, whatever
 * the password. A successful attempt takes its count back: only failures
 * slow an account down.
 */
export async function signIn(
  db: Database,
  input: { username: string; password: string; ip: string | null; userAgent: string | null; now?: Date },
): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const username = input.username.trim().toLowerCase();
  const keys = loginKeys(username, input.ip);
  const windows = [...(await hitRateWindows(db, { keys, now, windowMs: LOGIN_WINDOW_MS })).values()];
  const blocked = windows.filter((w) => w.hits > LOGIN_MAX_FAILURES);
  if (blocked.length > 0) {
    const until = Math.max(...blocked.map((w) => w.resetAt.getTime()));
    return { status: "throttled", retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
  }
  const admin = await findAdminByUsername(db, { username });
  const matches = await verifyPassword(input.password, admin?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!admin || !matches || admin.disabled) {
    const hits = Math.max(...windows.map((w) => w.hits));
    await recordAudit(db, { actor: `login:${username.slice(0, 32)}`, entity: "admin", entityId: admin ? String(admin.id) : "-", action: "admin.login_failed", ip: input.ip });
    return { status: "invalid", attemptsLeft: Math.max(0, LOGIN_MAX_FAILURES - hits) };
  }
  for (const key of keys) await refundRateHit(db, { key });
  return { status: "ok", ...(await startAdminSession(db, admin, { ip: input.ip, userAgent: input.userAgent, now })) };
}

/** A new session for an admin whose password was just checked: its token (only its hash is stored), audited as a login. */
export async function startAdminSession(
  db: Database,
  admin: Pick<Admin, "id" | "username" | "role" | "technician">,
  { ip, userAgent, now = new Date() }: { ip: string | null; userAgent: string | null; now?: Date },
): Promise<{ token: string; expiresAt: Date; admin: SignedInAdmin }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertAdminSession(db, { tokenHash: hashSessionToken(token), adminId: admin.id, expiresAt, ip, userAgent: userAgent?.slice(0, 300) ?? null });
  await recordAudit(db, { actor: admin.username, entity: "admin", entityId: String(admin.id), action: "admin.login", ip });
  return { token, expiresAt, admin: { id: admin.id, username: admin.username, role: admin.role, technician: admin.technician } };
}

export async function adminOfSessionToken(db: Database, token: string | undefined | null, now = new Date()): Promise<SignedInAdmin | undefined> {
  if (!token || token.length > 100) return undefined;
  return findSessionAdmin(db, { tokenHash: hashSessionToken(token), now });
}

export async function signOut(db: Database, token: string | undefined | null, now = new Date()): Promise<void> {
  if (token) await revokeAdminSession(db, { tokenHash: hashSessionToken(token), now });
}
