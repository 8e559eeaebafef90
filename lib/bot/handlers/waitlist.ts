import { findSlot } from "@/db/queries/slots";
import { listChatWaits } from "@/db/queries/waitlist";
import { checkBookingDate } from "@/lib/booking/availability";
import { todayInJakarta } from "@/lib/booking/calendar";
import { findLiveOffer, joinWaitlist, leaveWaitlist } from "@/lib/booking/waitlist";
import type { BotRequest } from "../bot-request";
import { encodeButton, type WaitOp } from "../callback-data";
import { waitlistTexts } from "../texts-waitlist";
import { runWizard } from "../wizard-runtime";
import { branchOf } from "../wizard";
import { FIRST_BRANCH_ID } from "@/db/schema";

/** The wait is recorded with what the wizard holds so far (device, part), so the offer can go on from there. */
async function join(req: BotRequest, date: string): Promise<string> {
  const texts = waitlistTexts(req.language);
  const { choices } = (await req.conversation()).state;
  const branchId = branchOf(choices);
  const checked = await checkBookingDate(req.tx, { date, now: req.now, settings: await req.settings(), branchId });
  if (!checked.ok) return texts.offerGone;
  const { joined, offerKeys } = await joinWaitlist(req.tx, {
    chatId: req.chatId,
    branchId,
    customerName: [req.customer.firstName, req.customer.lastName].filter(Boolean).join(" "),
    telegramUsername: req.customer.username ?? null,
    serviceDate: date,
    deviceId: choices.deviceId ?? null,
    partId: choices.partId ?? null,
    language: req.language,
    now: req.now,
  });
  req.send(joined ? texts.joined(date) : texts.alreadyJoined(date));
  req.outboxKeys.push(...offerKeys);
  return "";
}

/** "Ambil tempat ini": the booking goes on from the held place, asking only what the wait did not record. */
async function take(req: BotRequest, messageId: number, waitId: number): Promise<string> {
  const offer = await findLiveOffer(req.tx, { chatId: req.chatId, waitId, now: req.now });
  req.stripKeyboard(messageId);
  if (!offer) return waitlistTexts(req.language).offerGone;
  const choices = {
    ...(offer.branchId !== FIRST_BRANCH_ID && { branchId: offer.branchId }),
    serviceDate: offer.serviceDate,
    slotId: offer.offeredSlotId!,
    ...(offer.deviceId !== null && { deviceId: offer.deviceId }),
    ...(offer.deviceId !== null && offer.partId !== null && { partId: offer.partId }),
  };
  await runWizard(req, { type: "draft", choices }, { mode: "send" });
  return "";
}

async function leave(req: BotRequest, messageId: number, waitId: number, op: "decline" | "leave"): Promise<string> {
  const texts = waitlistTexts(req.language);
  const left = await leaveWaitlist(req.tx, { chatId: req.chatId, waitId, now: req.now });
  req.stripKeyboard(messageId);
  if (!left) return texts.offerGone;
  req.outboxKeys.push(...left.offerKeys);
  req.send(op === "decline" ? texts.declined(left.entry.serviceDate) : texts.left(left.entry.serviceDate));
  return "";
}

/** The waitlist's buttons; returns the text for answerCallbackQuery. */
export async function handleWaitlistButton(
  req: BotRequest,
  { messageId, button }: { messageId: number; button: { op: "join"; date: string } | { op: WaitOp; waitId: number } },
): Promise<string> {
  if (button.op === "join") return join(req, button.date);
  if (button.op === "take") return take(req, messageId, button.waitId);
  return leave(req, messageId, button.waitId, button.op);
}

/** Under /status: the chat's live waits ("Daftar tunggu"), each with a button to leave it. */
export async function sendWaits(req: BotRequest): Promise<void> {
  const waits = await listChatWaits(req.tx, { chatId: req.chatId, from: todayInJakarta(req.now) });
  if (waits.length === 0) return;
  const texts = waitlistTexts(req.language);
  const lines = await Promise.all(
    waits.map(async (w) => ({
      serviceDate: w.serviceDate,
      offerExpiresAt: w.state === "offered" ? w.offerExpiresAt : null,
      offeredSlotLabel: w.offeredSlotId ? (await findSlot(req.tx, { id: w.offeredSlotId }))?.label : undefined,
    })),
  );
  const keyboard = waits.map((w) => [{ text: texts.buttonLeave(w.serviceDate), callback_data: encodeButton({ scope: "waitlist", op: "leave", waitId: w.id }) }]);
  req.send(texts.waits(lines), { inline_keyboard: keyboard });
}
