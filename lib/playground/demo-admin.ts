import { randomBytes } from "node:crypto";
import type { Database } from "@/db";
import { findAdminByUsername } from "@/db/queries/admins";
import { createOrResetAdmin } from "@/lib/admin/create-admin";

export const DEMO_ADMIN_USERNAME = "admin";

export type DemoAdmin = { username: string; created: true; password: string } | { username: string; created: false };

/**
 * The demo's admin account: made on the first start with a random password,
 * which is returned only then (it is stored hashed, so it can never be shown
 * again); on later starts the account is left as it is.
 */
export async function ensureDemoAdmin(db: Database): Promise<DemoAdmin> {
  const username = DEMO_ADMIN_USERNAME;
  if (await findAdminByUsername(db, { username })) return { username, created: false };
  const password = randomBytes(12).toString("base64url");
  await createOrResetAdmin(db, { username, password });
  return { username, created: true, password };
}
