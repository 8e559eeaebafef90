import type { Database } from "@/db";
import type { WaitlistEntry } from "@/db/schema";
import { encodeButton } from "@/lib/bot/callback-data";
import { waitlistTexts } from "@/lib/bot/texts-waitlist";
import { enqueueTelegramCall } from "./enqueue";

/**
 * Tells the chat a place is held for it, with "Ambil tempat ini" and "Lewati"; queued in the offering
 * transaction. Returns the message's dedupe key, for the caller to send it at once after commit.
 */
export async function queueWaitOffer(tx: Database, { entry, slotLabel, minutes }: { entry: WaitlistEntry; slotLabel: string; minutes: number }): Promise<string> {
  const texts = waitlistTexts(entry.language);
  const dedupeKey = `waitlist:${entry.id}:offer:${entry.offerExpiresAt!.toISOString()}`;
  await enqueueTelegramCall(tx, {
    chatId: entry.chatId,
    dedupeKey,
    call: {
      method: "sendMessage",
      params: {
        chat_id: entry.chatId,
        text: texts.offer(entry.serviceDate, slotLabel, entry.offerExpiresAt!, minutes),
        reply_markup: {
          inline_keyboard: [
            [
              { text: texts.buttonTake, callback_data: encodeButton({ scope: "waitlist", op: "take", waitId: entry.id }) },
              { text: texts.buttonDecline, callback_data: encodeButton({ scope: "waitlist", op: "decline", waitId: entry.id }) },
            ],
          ],
        },
      },
    },
  });
  return dedupeKey;
}

/** The offer ran out untaken: the chat is told the place went on. */
export async function queueOfferExpired(tx: Database, { entry, slotLabel }: { entry: WaitlistEntry; slotLabel: string }): Promise<void> {
  await enqueueTelegramCall(tx, {
    chatId: entry.chatId,
    dedupeKey: `waitlist:${entry.id}:expired`,
    call: { method: "sendMessage", params: { chat_id: entry.chatId, text: waitlistTexts(entry.language).offerExpired(entry.serviceDate, slotLabel) } },
  });
}
