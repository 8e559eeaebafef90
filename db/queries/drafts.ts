import { and, eq, gt } from "drizzle-orm";
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
