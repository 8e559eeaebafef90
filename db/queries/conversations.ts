import { eq, lt, sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import { conversations, processedUpdates, type Conversation } from "../schema";
import { configVersionSql } from "./config-cache";

export interface ClaimedUpdate {
  /** The chat's conversation row, locked until the transaction ends (none yet on first contact). */
  conversation: Conversation | undefined;
  /** config_version as of this statement. */
  configVersion: string | null;
}

/**
 * Claims a Telegram update id in the caller's transaction, then locks the chat's
 * conversation row if it exists and reads the config version (for readConfig):
 * one statement, one round trip. Null means another delivery of the same update
 * got there first (Telegram delivers at least once; a concurrent duplicate waits
 * on the unique key until the first one commits), and nothing was locked.
 */
export async function claimUpdateAndLock(tx: Database, { updateId, chatId }: { updateId: number; chatId: number }): Promise<ClaimedUpdate | null> {
  const c = conversations;
  const [row] = await queryRows<{ claimed: boolean; conversation: Record<string, unknown> | null; version: string | null }>(
    tx,
    sql`with claim as (
      insert into ${processedUpdates} (${sql.identifier(processedUpdates.updateId.name)}) values (${updateId})
      on conflict do nothing returning 1
    )
    select exists (select 1 from claim) as claimed,
      (select json_build_object('chatId', ${c.chatId}, 'step', ${c.step}, 'data', ${c.data}, 'messageId', ${c.messageId},
          'language', ${c.language}, 'phone', ${c.phone}, 'version', ${c.version}, 'updatedAt', ${c.updatedAt})
        from ${c} where ${c.chatId} = ${chatId} and exists (select 1 from claim) for update) as conversation,
      ${configVersionSql} as version`,
  );
  if (!row?.claimed) return null;
  const conversation = row.conversation ? ({ ...row.conversation, updatedAt: new Date(row.conversation.updatedAt as string) } as Conversation) : undefined;
  return { conversation, configVersion: row.version };
}

/** Locks the chat's conversation row if it exists (a first contact that only reads leaves no row). */
export async function lockExistingConversation(tx: Database, { chatId }: { chatId: number }): Promise<Conversation | undefined> {
  const [row] = await tx.select().from(conversations).where(eq(conversations.chatId, chatId)).for("update");
  return row;
}

/** Locks the chat's conversation row until the transaction ends, creating it on first contact. */
export async function lockConversation(
  tx: Database,
  { chatId, language }: { chatId: number; language: string },
): Promise<Conversation> {
  const select = () => tx.select().from(conversations).where(eq(conversations.chatId, chatId)).for("update");
  const [existing] = await select();
  return existing ?? createConversation(tx, { chatId, language });
}

/** A first contact's conversation row, locked (inserted by this transaction, or by one that just committed it). */
export async function createConversation(tx: Database, { chatId, language }: { chatId: number; language: string }): Promise<Conversation> {
  const [inserted] = await tx.insert(conversations).values({ chatId, language }).onConflictDoNothing({ target: conversations.chatId }).returning();
  if (inserted) return inserted;
  const [created] = await tx.select().from(conversations).where(eq(conversations.chatId, chatId)).for("update");
  if (!created) throw new Error(`conversation ${chatId} could not be created`);
  return created;
}

export async function saveConversation(
  tx: Database,
  {
    chatId,
    step,
    data,
    messageId,
    language,
  }: { chatId: number; step: string; data: Record<string, unknown>; messageId: number | null; language: string },
): Promise<void> {
  await tx
    .update(conversations)
    .set({ step, data, messageId, language, version: sql`${conversations.version} + 1`, updatedAt: new Date() })
    .where(eq(conversations.chatId, chatId));
}

/** Remembers the chat's phone ("+62…"), offered again at its next booking. */
export async function rememberChatPhone(tx: Database, { chatId, phone }: { chatId: number; phone: string }): Promise<void> {
  await tx.update(conversations).set({ phone }).where(eq(conversations.chatId, chatId));
}

/** Forgets update ids older than `before` (a daily job; Telegram gives up on an update after 24 h). */
export async function pruneProcessedUpdates(db: Database, { before }: { before: Date }): Promise<number> {
  const rows = await db
    .delete(processedUpdates)
    .where(lt(processedUpdates.at, before))
    .returning({ updateId: processedUpdates.updateId });
  return rows.length;
}
