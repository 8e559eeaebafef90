import { formatText } from "./format-text";
import { isInlineKeyboard, readReplyMarkup } from "./markup";
import { intParam, type Params } from "./read-params";
import { botUser, chatRecord, findCustomer, findMessage, nextId, telegramSetup, telegramState, toMessage, touch, type ChatRecord, type StoredMessage } from "./store";
import { badRequest, BotApiError, type ReplyMarkup, type TgMessage } from "./types";

const now = () => Math.floor(Date.now() / 1000);

/** The chat a bot call names; a bot can only write to users who have talked to it. */
function chatOf(params: Params): ChatRecord {
  const chatId = intParam(params, "chat_id");
  const state = telegramState();
  if (telegramSetup().anyChat && chatId !== 0) return chatRecord(chatId);
  if (chatId <= 0) throw badRequest("chat not found");
  if (!state.chats.has(chatId) && !findCustomer(chatId)) throw new BotApiError(403, "Forbidden: bot can't initiate conversation with a user");
  return chatRecord(chatId);
}

function botMessageOf(record: ChatRecord, params: Params, verb: "edit" | "delete"): StoredMessage {
  if (params.inline_message_id !== undefined) throw badRequest("inline messages are not simulated in the playground");
  const message = findMessage(record, intParam(params, "message_id"));
  if (!message) throw badRequest(`message to ${verb} not found`);
  if (verb === "edit" && message.sender !== "bot") throw badRequest("message can't be edited");
  return message;
}

/** A reply keyboard, its removal or a force-reply applies to the chat's input area, not to the message. */
function applyKeyboard(record: ChatRecord, markup: ReplyMarkup | undefined): void {
  if (!markup || isInlineKeyboard(markup)) return;
  if ("keyboard" in markup) {
    record.replyKeyboard = markup;
    record.placeholder = markup.input_field_placeholder;
  } else if ("remove_keyboard" in markup) {
    record.replyKeyboard = undefined;
    record.placeholder = undefined;
  } else if ("force_reply" in markup) {
    record.placeholder = markup.input_field_placeholder;
  }
}

export function sendMessage(params: Params): TgMessage {
  const record = chatOf(params);
  const { text, entities } = formatText(params);
  const markup = readReplyMarkup(params.reply_markup);
  const stored: StoredMessage = {
    sender: "bot",
    message_id: record.nextMessageId++,
    from: botUser(),
    chat: record.chat,
    date: now(),
    text,
    ...(entities.length ? { entities } : {}),
    ...(isInlineKeyboard(markup) ? { reply_markup: markup } : {}),
  };
  record.messages.push(stored);
  applyKeyboard(record, markup);
  record.typingUntil = undefined;
  touch(record);
  return toMessage(stored);
}

function sameContent(a: Partial<StoredMessage>, b: Partial<StoredMessage>): boolean {
  return JSON.stringify([a.text, a.entities ?? [], a.reply_markup ?? null]) === JSON.stringify([b.text, b.entities ?? [], b.reply_markup ?? null]);
}

function applyEdit(record: ChatRecord, message: StoredMessage, next: Partial<StoredMessage>): TgMessage {
  if (sameContent(message, { ...message, ...next })) {
    throw badRequest(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
  }
  Object.assign(message, next, { edit_date: now() });
  if (!message.entities?.length) delete message.entities;
  if (!message.reply_markup) delete message.reply_markup;
  touch(record);
  return toMessage(message);
}

export function editMessageText(params: Params): TgMessage {
  const record = chatOf(params);
  const message = botMessageOf(record, params, "edit");
  const { text, entities } = formatText(params);
  const markup = readReplyMarkup(params.reply_markup);
  if (markup && !isInlineKeyboard(markup)) throw badRequest("only inline keyboards can be edited");
  return applyEdit(record, message, { text, entities, reply_markup: markup });
}

export function editMessageReplyMarkup(params: Params): TgMessage {
  const record = chatOf(params);
  const message = botMessageOf(record, params, "edit");
  const markup = readReplyMarkup(params.reply_markup);
  if (markup && !isInlineKeyboard(markup)) throw badRequest("only inline keyboards can be edited");
  return applyEdit(record, message, { reply_markup: markup });
}

export function deleteMessage(params: Params): true {
  const record = chatOf(params);
  const message = botMessageOf(record, params, "delete");
  record.messages = record.messages.filter((m) => m !== message);
  touch(record);
  return true;
}

export function answerCallbackQuery(params: Params): true {
  const id = typeof params.callback_query_id === "string" ? params.callback_query_id : String(params.callback_query_id ?? "");
  const query = telegramState().callbacks.get(id);
  if (!query || query.answered) throw badRequest("query is too old and response timeout expired or query ID is invalid");
  const text = typeof params.text === "string" ? params.text : "";
  if (text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
  query.answered = true;
  const record = chatRecord(query.chatId);
  if (record.pendingCallback?.id === id) record.pendingCallback = undefined;
  if (text) record.toasts.push({ id: nextId(), text, alert: params.show_alert === true || params.show_alert === "true" });
  touch(record);
  return true;
}

export function sendChatAction(params: Params): true {
  const record = chatOf(params);
  record.typingUntil = Date.now() + 5_000;
  touch(record);
  return true;
}
