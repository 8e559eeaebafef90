import type { Database } from "@/db";
import { anyAdmin, revokeSessionsOfAdmin, upsertAdmin } from "@/db/queries/admins";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password";

export class AdminInputError extends Error {}

const USERNAME = /^[a-z0-9._-]{3,32}$/;

/**
 * Creates an admin, or resets an existing admin's password (signing them out
 * everywhere). The first admin of a shop is its owner. Used by
 * `npm run admin:create` and by the demo.
 */
export async function createOrResetAdmin(
  db: Database,
  { username, password }: { username: string; password: string },
): Promise<{ id: number; created: boolean }> {
  const name = username.trim().toLowerCase();
  if (!USERNAME.test(name)) throw new AdminInputError("username must be 3-32 characters of a-z 0-9 . _ -");
  if (password.length < MIN_PASSWORD_LENGTH) throw new AdminInputError(`password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  return saveAdmin(db, { username: name, passwordHash: await hashPassword(password) });
}

/** createOrResetAdmin once the password is hashed: the first admin is the owner; a reset signs the admin out everywhere. */
export async function saveAdmin(db: Database, { username: name, passwordHash }: { username: string; passwordHash: string }): Promise<{ id: number; created: boolean }> {
  return db.transaction(async (tx) => {
    const existing = await anyAdmin(tx);
    const result = await upsertAdmin(tx, { username: name, passwordHash, role: existing ? "staff" : "owner" });
    if (!result.created) await revokeSessionsOfAdmin(tx, { adminId: result.id, now: new Date() });
    await recordAudit(tx, {
      actor: "cli",
      entity: "admin",
      entityId: String(result.id),
      action: result.created ? "admin.created" : "admin.password_reset",
      after: { username: name },
    });
    return result;
  });
}
