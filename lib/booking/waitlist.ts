import type { Database } from "@/db";
import { insertWait, lockChatOffer, lockChatWait, markWaitsBooked, updateWait } from "@/db/queries/waitlist";
import type { WaitlistEntry } from "@/db/schema";
import { offerFreedPlaces } from "./waitlist-offer";

export interface WaitRequest {
  chatId: number;
  /** The branch whose day is full (the first one when not named). */
  branchId?: number;
  customerName: string;
  telegramUsername: string | null;
  serviceDate: string;
  deviceId: number | null;
  partId: number | null;
  language: string;
  now: Date;
}

/**
 * "Kabari saya": one live wait per chat and date; a second tap changes nothing.
 * A place that freed since the day was found full is offered at once (offerKeys).
 */
export async function joinWaitlist(tx: Database, request: WaitRequest): Promise<{ joined: boolean; offerKeys: string[] }> {
  const entry = await insertWait(tx, request);
  if (!entry) return { joined: false, offerKeys: [] };
  return { joined: true, offerKeys: await offerFreedPlaces(tx, { serviceDate: request.serviceDate, branchId: entry.branchId, now: request.now }) };
}

/** "Ambil tempat ini": the chat's offer, if it still holds its place; the booking then goes on from it. */
export async function findLiveOffer(tx: Database, { chatId, waitId, now }: { chatId: number; waitId: number; now: Date }): Promise<WaitlistEntry | undefined> {
  const entry = await lockChatWait(tx, { id: waitId, chatId });
  if (!entry || entry.state !== "offered" || !entry.offerExpiresAt || entry.offerExpiresAt < now) return undefined;
  return entry;
}

/**
 * "Lewati" on an offer, or leaving the list from /status: the wait ends, and a
 * place it held goes at once to the next waiting chat.
 */
export async function leaveWaitlist(
  tx: Database,
  { chatId, waitId, now }: { chatId: number; waitId: number; now: Date },
): Promise<{ entry: WaitlistEntry; offerKeys: string[] } | undefined> {
  const entry = await lockChatWait(tx, { id: waitId, chatId });
  if (!entry) return undefined;
  await updateWait(tx, { id: entry.id, state: "cancelled", now });
  const offerKeys = entry.state === "offered" ? await offerFreedPlaces(tx, { serviceDate: entry.serviceDate, branchId: entry.branchId, now }) : [];
  return { entry, offerKeys };
}

/**
 * Before a chat's booking takes its place: its offer of that slot and day, if
 * any, is locked (before the slot, as every waitlist path locks them), so the
 * place it holds is the chat's to take.
 */
export async function lockOwnOffer(tx: Database, { chatId, serviceDate, slotId, now }: { chatId: number | null; serviceDate: string; slotId: number; now: Date }) {
  return chatId === null ? undefined : lockChatOffer(tx, { chatId, serviceDate, slotId, now });
}

/** The chat booked that date: its plain wait there, and the offer it took (if it booked the offered slot), are done. */
export async function closeWaitByBooking(
  tx: Database,
  { chatId, branchId, serviceDate, orderId, offer, now }: { chatId: number; branchId: number; serviceDate: string; orderId: string; offer?: WaitlistEntry; now: Date },
): Promise<void> {
  await markWaitsBooked(tx, { chatId, branchId, serviceDate, orderId, offerId: offer?.id ?? null, now });
}
