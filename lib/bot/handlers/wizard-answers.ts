import { linkCounterOrdersToChat } from "@/db/queries/orders";
import { isIndonesianMobile, normalizeIndonesianPhone } from "@/lib/booking/phone";
import type { BotRequest } from "../bot-request";
import { REMOVE_KEYBOARD } from "../keyboards";
import type { SharedContact } from "../read-update";
import { runWizard } from "../wizard-runtime";

/** A mobile number the shop can call or WhatsApp, "+628…", or null. */
function mobilePhone(input: string): string | null {
  const phone = normalizeIndonesianPhone(input);
  return phone && isIndonesianMobile(phone) ? phone : null;
}

/** The phone is answered: kept for the next booking, the share keyboard taken away, the wizard moves on. */
async function acceptPhone(req: BotRequest, phone: string, linkedCodes: string[]): Promise<void> {
  await req.rememberPhone(phone);
  req.send(req.texts.phoneSaved(phone, linkedCodes), REMOVE_KEYBOARD);
  await runWizard(req, { type: "phone", phone }, { mode: "send" });
}

/** A number typed at the phone step. It is taken for the booking, but proves nothing: it links no counter orders. */
export async function answerPhoneText(req: BotRequest, text: string): Promise<void> {
  const phone = mobilePhone(text);
  if (!phone) {
    await runWizard(req, { type: "phone_invalid", problem: "format" }, { mode: "send" });
    return;
  }
  await acceptPhone(req, phone, []);
}

/**
 * A contact shared at the phone step. Only the sender's own contact is taken
 * (Telegram sets user_id to the contact's account; anyone can forward someone
 * else's card). Being the customer's own, it proves the phone: orders made at
 * the counter under it join this chat.
 */
export async function answerContact(req: BotRequest, contact: SharedContact): Promise<void> {
  if (contact.userId !== req.customer.id) {
    await runWizard(req, { type: "phone_invalid", problem: "not_own_contact" }, { mode: "send" });
    return;
  }
  const phone = mobilePhone(contact.phoneNumber);
  if (!phone) {
    await runWizard(req, { type: "phone_invalid", problem: "format" }, { mode: "send" });
    return;
  }
  const linked = await linkCounterOrdersToChat(req.tx, { phone, chatId: req.chatId, telegramUserId: req.customer.id });
  await acceptPhone(req, phone, linked);
}

/** What the customer says is wrong, at the fault step (the wizard refuses more than 500 characters). */
export async function answerFaultText(req: BotRequest, text: string): Promise<void> {
  await runWizard(req, { type: "fault_text", description: text.trim() }, { mode: "send" });
}

export async function answerFaultPhoto(req: BotRequest, photo: { fileId: string; caption?: string }): Promise<void> {
  await runWizard(req, { type: "fault_photo", fileId: photo.fileId, caption: photo.caption }, { mode: "send" });
}
