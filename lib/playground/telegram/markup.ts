import { badRequest, type InlineKeyboardMarkup, type ReplyKeyboardMarkup, type ReplyMarkup } from "./types";

const MAX_CALLBACK_DATA_BYTES = 64;

function checkInlineKeyboard(markup: InlineKeyboardMarkup): InlineKeyboardMarkup {
  if (!Array.isArray(markup.inline_keyboard) || markup.inline_keyboard.some((row) => !Array.isArray(row))) {
    throw badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
  }
  for (const button of markup.inline_keyboard.flat()) {
    if (!button || typeof button.text !== "string" || button.text === "") throw badRequest("text buttons are unallowed in the inline keyboard");
    if (button.callback_data !== undefined) {
      const bytes = Buffer.byteLength(String(button.callback_data), "utf8");
      if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest("BUTTON_DATA_INVALID");
    } else if (button.url !== undefined) {
      if (!/^(https?:\/\/|tg:\/\/)\S+$/.test(String(button.url))) throw badRequest(`inline keyboard button URL '${button.url}' is invalid: Wrong HTTP URL`);
    } else if (!Object.keys(button).some((key) => key !== "text")) {
      throw badRequest("text buttons are unallowed in the inline keyboard");
    }
  }
  return markup;
}

/** Checks reply_markup the way the Bot API does (callback_data 1-64 bytes, a valid URL, a kind of button). */
export function readReplyMarkup(value: unknown): ReplyMarkup | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "object") throw badRequest("can't parse reply keyboard markup JSON object");
  if ("inline_keyboard" in value) return checkInlineKeyboard(value as InlineKeyboardMarkup);
  if ("keyboard" in value) {
    const keyboard = (value as ReplyKeyboardMarkup).keyboard;
    if (!Array.isArray(keyboard) || keyboard.some((row) => !Array.isArray(row))) {
      throw badRequest("field \"keyboard\" of the ReplyKeyboardMarkup must be an Array of Arrays");
    }
    return value as ReplyKeyboardMarkup;
  }
  if ("remove_keyboard" in value || "force_reply" in value) return value as ReplyMarkup;
  throw badRequest("unsupported reply_markup");
}

export function isInlineKeyboard(markup: ReplyMarkup | undefined): markup is InlineKeyboardMarkup {
  return Boolean(markup && "inline_keyboard" in markup);
}
