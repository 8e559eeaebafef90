import { lt } from "drizzle-orm";
import type { Database } from "../client";
import { processedUpdates } from "../schema";

/** Forgets Telegram update ids older than `before`: Telegram stops re-delivering an update long before. */
export async function pruneProcessedUpdates(db: Database, { before }: { before: Date }): Promise<number> {
  const rows = await db.delete(processedUpdates).where(lt(processedUpdates.at, before)).returning({ id: processedUpdates.updateId });
  return rows.length;
}
