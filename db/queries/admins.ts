import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { admins, adminSessions, type Admin } from "../schema";
import { addAdminToBranch } from "./branches";

export interface SignedInAdmin {
  id: number;
  username: string;
  role: Admin["role"];
  /** Does repairs: has "Pekerjaan saya". */
  technician: boolean;
}

export async function findAdminByUsername(db: Database, { username }: { username: string }): Promise<Admin | undefined> {
  const rows = await db.select().from(admins).where(eq(admins.username, username)).limit(1);
  return rows[0];
}

export async function anyAdmin(db: Database): Promise<boolean> {
  const rows = await db.select({ id: admins.id }).from(admins).limit(1);
  return rows.length > 0;
}

/** Creates the admin, or sets a new password (and enables the account) when the username exists. */
export async function upsertAdmin(
  db: Database,
  { username, passwordHash, role }: { username: string; passwordHash: string; role: Admin["role"] },
): Promise<{ id: number; created: boolean }> {
  const rows = await db
    .insert(admins)
    .values({ username, passwordHash, role })
    .onConflictDoUpdate({ target: admins.username, set: { passwordHash, disabled: false } })
    .returning({ id: admins.id, created: sql<boolean>`(xmax = 0)` });
  const row = rows[0]!;
  if (row.created) await addAdminToBranch(db, { adminId: row.id });
  return { id: row.id, created: Boolean(row.created) };
}

export async function insertAdminSession(
  db: Database,
  values: { tokenHash: string; adminId: number; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(adminSessions).values(values);
}

/** The admin behind a session that is neither revoked, expired nor of a disabled account. */
export async function findSessionAdmin(db: Database, { tokenHash, now }: { tokenHash: string; now: Date }): Promise<SignedInAdmin | undefined> {
  const rows = await db
    .select({ id: admins.id, username: admins.username, role: admins.role, technician: admins.technician })
    .from(adminSessions)
    .innerJoin(admins, eq(admins.id, adminSessions.adminId))
    .where(
      and(
        eq(adminSessions.tokenHash, tokenHash),
        isNull(adminSessions.revokedAt),
        gt(adminSessions.expiresAt, now),
        eq(admins.disabled, false),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function revokeAdminSession(db: Database, { tokenHash, now }: { tokenHash: string; now: Date }): Promise<void> {
  await db.update(adminSessions).set({ revokedAt: now }).where(and(eq(adminSessions.tokenHash, tokenHash), isNull(adminSessions.revokedAt)));
}

/** Signs an admin out everywhere: used when a password is reset. */
export async function revokeSessionsOfAdmin(db: Database, { adminId, now }: { adminId: number; now: Date }): Promise<void> {
  await db.update(adminSessions).set({ revokedAt: now }).where(and(eq(adminSessions.adminId, adminId), isNull(adminSessions.revokedAt)));
}

export interface AdminListing {
  id: number;
  username: string;
  role: Admin["role"];
  disabled: boolean;
  technician: boolean;
  workingWeekdays: number;
  createdAt: Date;
}

/** Everyone who can sign in to the admin, the owner first. */
export async function listAdmins(db: Database): Promise<AdminListing[]> {
  return db
    .select({
      id: admins.id,
      username: admins.username,
      role: admins.role,
      disabled: admins.disabled,
      technician: admins.technician,
      workingWeekdays: admins.workingWeekdays,
      createdAt: admins.createdAt,
    })
    .from(admins)
    .orderBy(sql`${admins.role} = 'owner' desc`, admins.username);
}

export async function findAdminById(db: Database, { id }: { id: number }): Promise<Admin | undefined> {
  const rows = await db.select().from(admins).where(eq(admins.id, id)).limit(1);
  return rows[0];
}

/** A new staff account; undefined when the username is taken (nothing is changed then). */
export async function insertStaff(db: Database, { username, passwordHash }: { username: string; passwordHash: string }): Promise<{ id: number } | undefined> {
  const rows = await db.insert(admins).values({ username, passwordHash, role: "staff" }).onConflictDoNothing({ target: admins.username }).returning({ id: admins.id });
  if (rows[0]) await addAdminToBranch(db, { adminId: rows[0].id });
  return rows[0];
}

export async function updateAdmin(db: Database, { id, changes }: { id: number; changes: Partial<Pick<Admin, "disabled" | "passwordHash">> }): Promise<void> {
  await db.update(admins).set(changes).where(eq(admins.id, id));
}
