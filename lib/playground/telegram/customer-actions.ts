import { detectEntities } from "./format-text";
import { deliverUpdate, type Delivery } from "./deliver-update";
import { addCustomerMessage, addNotice, chatRecord, findCustomer, findMessage, nextId, telegramState, toMessage, touch, type StoredMessage } from "./store";
import { simulatedPhone } from "./customers";
import { SAMPLE_PHOTO_BASE64 } from "./sample-photo";
import { badRequest, type TgUpdate, type TgUser } from "./types";

function customerOf(customerId: number): TgUser {
  const customer = findCustomer(customerId);
  if (!customer) throw badRequest(`unknown playground customer ${customerId}`);
  return customer;
}

function nextUpdateId(): number {
  return telegramState().nextUpdateId++;
}

/**
 * The customer types (or taps a reply-keyboard button, or a /command in the
 * menu): the message appears in the chat at once, and a message update goes to
 * the bot — with bot_command entities, as Telegram marks them.
 */
export async function sendAsCustomer(customerId: number, rawText: string): Promise<{ message: StoredMessage; delivery: Delivery }> {
  const text = rawText.trim();
  if (!text) throw badRequest("message text is empty");
  const entities = detectEntities(text);
  return postAsCustomer(customerId, text, entities.length ? { entities } : {}, { sendText: true });
}

/**
 * The customer taps an inline button: a callback_query update carrying the
 * message the keyboard belongs to, as it is now. The chat shows a spinner on
 * the button until the bot answers it.
 */
export async function tapAsCustomer(customerId: number, messageId: number, data: string): Promise<{ callbackQueryId: string; delivery: Delivery }> {
  const from = customerOf(customerId);
  const record = chatRecord(from.id);
  const message = findMessage(record, messageId);
  if (!message || message.sender !== "bot") throw badRequest("message not found");
  const buttons = message.reply_markup?.inline_keyboard.flat() ?? [];
  if (!buttons.some((b) => b.callback_data === data)) throw badRequest("that button is not on the message any more");
  const id = `${from.id}${nextId()}${Date.now() % 100_000}`;
  telegramState().callbacks.set(id, { chatId: from.id, messageId, answered: false });
  record.pendingCallback = { id, messageId, data };
  touch(record);
  const update: TgUpdate = {
    update_id: nextUpdateId(),
    callback_query: { id, from, message: toMessage(message), chat_instance: `-${from.id}00`, data },
  };
  const delivery = await deliverUpdate(update, record);
  if (record.pendingCallback?.id === id) {
    // Telegram's app would spin on the button until it gives up: say what the bot forgot.
    record.pendingCallback = undefined;
    if (delivery.status !== undefined && !delivery.error) addNotice(record, "Bot tidak menjawab tombol ini (answerCallbackQuery).");
    else touch(record);
  }
  return { callbackQueryId: id, delivery };
}

/**
 * Puts the customer's message in the chat and delivers it as a message update.
 * A contact or photo is shown with a label but reaches the bot without `text`, as Telegram sends it.
 */
async function postAsCustomer(
  customerId: number,
  shown: string,
  content: Pick<StoredMessage, "entities" | "contact" | "photo" | "caption">,
  { sendText = false }: { sendText?: boolean } = {},
): Promise<{ message: StoredMessage; delivery: Delivery }> {
  const from = customerOf(customerId);
  const record = chatRecord(from.id);
  const message = addCustomerMessage(record, shown, content);
  if (record.replyKeyboard?.one_time_keyboard) record.replyKeyboard = undefined;
  touch(record);
  const { text, ...rest } = toMessage(message);
  const update = { update_id: nextUpdateId(), message: sendText ? { text, ...rest } : rest } as TgUpdate;
  return { message, delivery: await deliverUpdate(update, record) };
}

/** The customer taps a "share phone" button: their own contact (user_id = theirs), with their simulated phone. */
export function shareContactAsCustomer(customerId: number): Promise<{ message: StoredMessage; delivery: Delivery }> {
  const from = customerOf(customerId);
  const phone = simulatedPhone(from.id);
  const contact = { phone_number: phone, first_name: from.first_name, ...(from.last_name ? { last_name: from.last_name } : {}), user_id: from.id };
  return postAsCustomer(customerId, `📞 +${phone}`, { contact });
}

/** The customer sends the built-in photo; getFile and the file route serve it under its new file_id. */
export function sendPhotoAsCustomer(customerId: number, caption?: string): Promise<{ message: StoredMessage; delivery: Delivery }> {
  const state = telegramState();
  const n = nextId();
  const fileId = `AgACAgPlayground${customerId}x${n}`;
  const bytes = Buffer.from(SAMPLE_PHOTO_BASE64, "base64");
  state.files.set(fileId, { path: `photos/file_${n}.png`, bytes });
  const size = bytes.length;
  const photo = [{ file_id: fileId, file_unique_id: `AQADpg${n}`, width: 48, height: 36, file_size: size }];
  const text = caption?.trim().slice(0, 1024);
  return postAsCustomer(customerId, text ? `🖼 ${text}` : "🖼 Foto", { photo, ...(text ? { caption: text } : {}) });
}
