import type { Database } from "@/db";
import { signOut } from "@/lib/admin/auth";
import { sessionCookieName } from "@/lib/admin/cookie";
import { overrideEnv } from "@/lib/env";
import { saveTestAdmin, TEST_ADMIN, testSessionToken } from "./admin-session";

/**
 * Server actions read the session cookie and the request's headers from
 * next/headers. A test mocks that module with `actionRequest` and says here
 * whose session the request carries and which headers it came with:
 *   jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
 */
export const actionContext: { token?: string; headers: Record<string, string> } = { headers: {} };

export const actionRequest = {
  headers: async () => new Headers({ "user-agent": "jest", ...actionContext.headers }),
  cookies: async () => ({ get: (name: string) => (actionContext.token && name === sessionCookieName() ? { name, value: actionContext.token } : undefined) }),
};

export const STAFF = { username: "budi", password: "kata-sandi-staf-2026" };

/** The owner (the first admin) and one member of staff, each signed in: their session tokens. */
export async function signInOwnerAndStaff(db: Database): Promise<{ owner: string; staff: string }> {
  await saveTestAdmin(db, TEST_ADMIN);
  await saveTestAdmin(db, STAFF);
  actionContext.token = undefined;
  actionContext.headers = {};
  return { owner: await testSessionToken(db, TEST_ADMIN, null), staff: await testSessionToken(db, STAFF, null) };
}

/** A session that was signed out: its token no longer names anyone. */
export async function revokedToken(db: Database, credentials = TEST_ADMIN): Promise<string> {
  const token = await testSessionToken(db, credentials, null);
  await signOut(db, token);
  return token;
}

/** A form as a browser posts it; a list value is a field sent more than once. */
export function formOf(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

/** Before each test of the file: APP_URL set, the owner and a member of staff signed in, the owner's session on the request. */
export function signInOwnerAndStaffBeforeEach(db: () => Database): { owner: string; staff: string } {
  const tokens = { owner: "", staff: "" };
  beforeEach(async () => {
    overrideEnv({ APP_URL: "https://jiot.example.com" });
    Object.assign(tokens, await signInOwnerAndStaff(db()));
    actionContext.token = tokens.owner;
  });
  return tokens;
}
