import { createHash, randomInt } from "node:crypto";
import type { Database } from "@/db";
import { listStaffChatBranches, listStaffChats, lockStaffLinkCode, saveStaffChatBranches, saveStaffChats, saveStaffLinkCode } from "@/db/queries/staff-chats";
import { recordAudit } from "@/lib/audit/record";
import type { AdminActor } from "@/lib/admin/edit-result";

// No 0/O, 1/I: read off a screen and typed on a phone. 8 of 32 symbols = 40 bits, valid 30 minutes, 5 wrong tries.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 8;
export const STAFF_CODE_MINUTES = 30;
export const STAFF_CODE_WRONG_TRIES = 5;

const hashOf = (code: string) => createHash("sha256").update(code).digest("hex");
const normalize = (typed: string) => typed.trim().toUpperCase().replace(/[\s-]/g, "");

/**
 * A new one-time code for `/staff <code>` (any older one stops working); only its hash is stored.
 * `branchId`: the chat it links is that branch's staff's and hears that branch's alerts only.
 */
export async function createStaffLinkCode(db: Database, by: AdminActor, now = new Date(), branchId?: number): Promise<{ code: string; expiresAt: Date }> {
  const code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  const expiresAt = new Date(now.getTime() + STAFF_CODE_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    await saveStaffLinkCode(tx, { hash: hashOf(code), expiresAt: expiresAt.toISOString(), wrongTries: 0, ...(branchId === undefined ? {} : { branchId }) });
    await recordAudit(tx, { actor: by.username, entity: "staff_chat", entityId: "-", action: "staff_chat.code_created", after: { branchId: branchId ?? null }, ip: by.ip ?? null });
  });
  return { code, expiresAt };
}

async function setChatBranch(tx: Database, chatId: number, branchId: number | undefined): Promise<void> {
  const branchOf = await listStaffChatBranches(tx);
  if (branchOf.get(chatId) === branchId) return;
  if (branchId === undefined) branchOf.delete(chatId);
  else branchOf.set(chatId, branchId);
  await saveStaffChatBranches(tx, branchOf);
}

/** `branchId`: the chat is now that branch's (null: the whole shop's); `before`: its scope before a re-link. */
export type StaffLinkOutcome =
  | { result: "linked" | "already_linked"; branchId: number | null }
  | { result: "relinked"; branchId: number | null; before: number | null }
  | { result: "wrong_code" }
  | { result: "no_code" };

/**
 * A chat sent `/staff <code>`: with the current code it joins the staff chats
 * (of the code's branch, or of the whole shop; a chat already linked takes the
 * code's branch, audited with its old one) and the code is used up; a wrong code counts against the code, which is void
 * after STAFF_CODE_WRONG_TRIES. Runs in the update's transaction, the code's row locked.
 */
export async function redeemStaffLinkCode(tx: Database, { chatId, typed, who, now = new Date() }: { chatId: number; typed: string; who: string; now?: Date }): Promise<StaffLinkOutcome> {
  const stored = await lockStaffLinkCode(tx);
  if (!stored || new Date(stored.expiresAt) <= now) return { result: "no_code" };
  if (hashOf(normalize(typed)) !== stored.hash) {
    const wrongTries = stored.wrongTries + 1;
    await saveStaffLinkCode(tx, wrongTries >= STAFF_CODE_WRONG_TRIES ? null : { ...stored, wrongTries });
    return { result: "wrong_code" };
  }
  await saveStaffLinkCode(tx, null);
  const branchId = stored.branchId ?? null;
  const chats = await listStaffChats(tx);
  const audit = { actor: `telegram:${who}`, entity: "staff_chat", entityId: String(chatId), action: "staff_chat.linked", after: { branchId } };
  if (chats.includes(chatId)) {
    const before = (await listStaffChatBranches(tx)).get(chatId) ?? null;
    if (before === branchId) return { result: "already_linked", branchId };
    await setChatBranch(tx, chatId, stored.branchId);
    await recordAudit(tx, { ...audit, before: { branchId: before } });
    return { result: "relinked", branchId, before };
  }
  await setChatBranch(tx, chatId, stored.branchId);
  await saveStaffChats(tx, [...chats, chatId]);
  await recordAudit(tx, audit);
  return { result: "linked", branchId };
}

export async function unlinkStaffChat(db: Database, { chatId }: { chatId: number }, by: AdminActor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const chats = await listStaffChats(tx);
    if (!chats.includes(chatId)) return false;
    await saveStaffChats(tx, chats.filter((id) => id !== chatId));
    await setChatBranch(tx, chatId, undefined);
    await recordAudit(tx, { actor: by.username, entity: "staff_chat", entityId: String(chatId), action: "staff_chat.unlinked", ip: by.ip ?? null });
    return true;
  });
}
