import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../client";
import { settings } from "../schema";

// Kept in the settings table under keys of their own (not shop settings an edit form saves).
const CHATS_KEY = "staff_chats";
const CODE_KEY = "staff_link_code";
const BRANCHES_KEY = "staff_chat_branches";

const chatList = z.array(z.number().int());
const chatBranches = z.record(z.string(), z.number().int());
/** `branchId`: the code links a chat of that branch's staff; without it, a chat of the whole shop. */
const linkCode = z.object({ hash: z.string(), expiresAt: z.string(), wrongTries: z.number().int().min(0), branchId: z.number().int().optional() });
export type StaffLinkCode = z.infer<typeof linkCode>;

async function readKey<T>(db: Database, key: string, schema: z.ZodType<T>, { lock = false } = {}): Promise<T | undefined> {
  const query = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
  const rows = lock ? await query.for("update") : await query;
  const parsed = schema.safeParse(rows[0]?.value);
  return parsed.success ? parsed.data : undefined;
}

async function writeKey(db: Database, key: string, value: unknown): Promise<void> {
  await db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}

/** The Telegram chats (groups or people) that get the shop's staff alerts. */
export async function listStaffChats(db: Database): Promise<number[]> {
  return (await readKey(db, CHATS_KEY, chatList)) ?? [];
}

export async function saveStaffChats(db: Database, chats: number[]): Promise<void> {
  await writeKey(db, CHATS_KEY, [...new Set(chats)]);
}

/** The branch of each staff chat that belongs to one branch's staff (by chat id); a chat not in it hears every branch. */
export async function listStaffChatBranches(db: Database): Promise<Map<number, number>> {
  const byChat = (await readKey(db, BRANCHES_KEY, chatBranches)) ?? {};
  return new Map(Object.entries(byChat).map(([chatId, branchId]) => [Number(chatId), branchId]));
}

export async function saveStaffChatBranches(db: Database, byChat: Map<number, number>): Promise<void> {
  await writeKey(db, BRANCHES_KEY, Object.fromEntries([...byChat].map(([chatId, branchId]) => [String(chatId), branchId])));
}

/** The staff chats that hear a branch's alerts: the whole shop's chats and that branch's own. */
export async function listStaffChatsOf(db: Database, { branchId }: { branchId: number }): Promise<number[]> {
  // One statement for both keys: a booking's transaction reads this (its round trips are counted in tests/postgres/bot).
  const rows = await db.select({ key: settings.key, value: settings.value }).from(settings).where(inArray(settings.key, [CHATS_KEY, BRANCHES_KEY]));
  const valueOf = <T>(key: string, schema: z.ZodType<T>) => schema.safeParse(rows.find((row) => row.key === key)?.value).data;
  const chats = valueOf(CHATS_KEY, chatList) ?? [];
  const branchOf = valueOf(BRANCHES_KEY, chatBranches) ?? {};
  return chats.filter((chatId) => (branchOf[String(chatId)] ?? branchId) === branchId);
}

/** The current one-time code, its row locked until the transaction ends (two chats sending it at once: one wins). */
export async function lockStaffLinkCode(tx: Database): Promise<StaffLinkCode | undefined> {
  return readKey(tx, CODE_KEY, linkCode, { lock: true });
}

export async function saveStaffLinkCode(db: Database, code: StaffLinkCode | null): Promise<void> {
  if (code) await writeKey(db, CODE_KEY, code);
  else await db.delete(settings).where(eq(settings.key, CODE_KEY));
}
