/** The subset of Bot API shapes the stand-in speaks (core.telegram.org/bots/api). */

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface TgChat {
  id: number;
  type: "private";
  first_name?: string;
  last_name?: string;
  username?: string;
}

export interface TgEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
}

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
  [other: string]: unknown;
}

export interface InlineKeyboardMarkup {
  inline_keyboard: InlineButton[][];
}

export interface ReplyKeyboardMarkup {
  keyboard: ({ text: string; request_contact?: boolean } | string)[][];
  resize_keyboard?: boolean;
  one_time_keyboard?: boolean;
  input_field_placeholder?: string;
  is_persistent?: boolean;
}

export type ReplyMarkup =
  | InlineKeyboardMarkup
  | ReplyKeyboardMarkup
  | { remove_keyboard: true }
  | { force_reply: true; input_field_placeholder?: string };

export interface TgMessage {
  message_id: number;
  from: TgUser;
  chat: TgChat;
  date: number;
  edit_date?: number;
  text: string;
  entities?: TgEntity[];
  reply_markup?: InlineKeyboardMarkup;
  /** A shared contact (the "share phone" button): the customer's own, so user_id is theirs. */
  contact?: { phone_number: string; first_name: string; last_name?: string; user_id?: number };
  /** A photo in its sizes, smallest first. */
  photo?: { file_id: string; file_unique_id: string; width: number; height: number; file_size: number }[];
  caption?: string;
}

export interface TgCallbackQuery {
  id: string;
  from: TgUser;
  message: TgMessage;
  chat_instance: string;
  data: string;
}

export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
  callback_query?: TgCallbackQuery;
}

export interface BotCommand {
  command: string;
  description: string;
}

/** A Bot API refusal, answered as { ok: false, error_code, description }. */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(description);
    this.name = "BotApiError";
  }
}

export const badRequest = (what: string) => new BotApiError(400, `Bad Request: ${what}`);
