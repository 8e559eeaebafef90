import { detectEntities } from "./format-text";
import { deliverUpdate, type Delivery } from "./deliver-update";
import { addNotice, chatRecord, findCustomer, findMessage, nextId, telegramState, toMessage, touch, type StoredMessage } from "./store";
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
  const from = customerOf(customerId);
  const text = rawText.trim();
  if (!text) throw badRequest("message text is empty");
  const record = chatRecord(from.id);
  const entities = detectEntities(text);
  const message: StoredMessage = {
    sender: "user",
    message_id: record.nextMessageId++,
    from,
    chat: record.chat,
    date: Math.floor(Date.now() / 1000),
    text,
    ...(entities.length ? { entities } : {}),
  };
  record.messages.push(message);
  if (record.replyKeyboard?.one_time_keyboard) record.replyKeyboard = undefined;
  touch(record);
  const update: TgUpdate = { update_id: nextUpdateId(), message: toMessage(message) };
  return { message, delivery: await deliverUpdate(update, record) };
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
