import { and, eq, gt, lt } from "drizzle-orm";
import type { Database } from "../client";
import { drafts, type Draft } from "../schema";

/** A website pre-selection handed to the bot by deep link, unless it has expired. */
export async function findLiveDraft(db: Database, { id, now }: { id: string; now: Date }): Promise<Draft | undefined> {
  const rows = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.id, id), gt(drafts.expiresAt, now)))
    .limit(1);
  return rows[0];
}

export async function insertDraft(
  db: Database,
  { id, choices, expiresAt }: { id: string; choices: Record<string, unknown>; expiresAt: Date },
): Promise<Draft> {
  const rows = await db.insert(drafts).values({ id, choices, expiresAt }).returning();
  return rows[0]!;
}

/** Drafts live an hour; the daily maintenance forgets the expired ones. */
export async function pruneExpiredDrafts(db: Database, { before }: { before: Date }): Promise<number> {
  const rows = await db.delete(drafts).where(lt(drafts.expiresAt, before)).returning({ id: drafts.id });
  return rows.length;
}
