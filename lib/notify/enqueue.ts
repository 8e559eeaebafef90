import type { Database } from "@/db";
import { outbox } from "@/db/schema";
import type { TelegramCall } from "@/lib/telegram/telegram-call";

/**
 * Queues a Bot API call in the caller's transaction. The dedupe key makes the
 * same event queue once however often the code path runs (a retried webhook,
 * two instances), so a customer never hears the same news twice. Returns false
 * when that key was already queued.
 */
export async function enqueueTelegramCall(
  tx: Database,
  { chatId, dedupeKey, call }: { chatId: number; dedupeKey: string; call: TelegramCall },
): Promise<boolean> {
  const rows = await tx
    .insert(outbox)
    .values({ chatId, dedupeKey, payload: call })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return rows.length > 0;
}
