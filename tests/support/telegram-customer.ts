import { POST } from "@/app/api/telegram/webhook/route";
import { overrideEnv } from "@/lib/env";
import { settleAfterResponse } from "./after-response";
import type { ChatMessage, InlineButton, TelegramStandIn } from "./telegram-stand-in";

/**
 * A Telegram customer driving the real webhook route: each action becomes a
 * Telegram update (shapes of reference/telegram.md), posted to POST
 * /api/telegram/webhook as a real Request with the secret header, while the bot
 * answers over loopback HTTP to the stand-in. Buttons are found in the chat as
 * the stand-in shows it, so a test taps what the customer sees.
 */

export const TEST_WEBHOOK_SECRET = "test-webhook-secret_123";
export const TEST_APP_URL = "https://jiot.example.com";

/** Points the app at the stand-in (token, API root, username, webhook secret, app URL). */
export function useStandInBot(tg: TelegramStandIn, extra: Record<string, string | undefined> = {}): void {
  overrideEnv({ ...standInBotEnv(tg), APP_URL: TEST_APP_URL, ...extra });
}

/** The variables that point the app's bot at the stand-in (for this process, or for a started app). */
export function standInBotEnv(tg: TelegramStandIn, webhookSecret = TEST_WEBHOOK_SECRET): Record<string, string> {
  return { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url, TELEGRAM_BOT_USERNAME: tg.bot.username, TELEGRAM_WEBHOOK_SECRET: webhookSecret };
}

let lastUpdateId = 200_000_000 + Math.floor(Math.random() * 1_000_000) * 100;
export function nextUpdateId(): number {
  return ++lastUpdateId;
}

export function webhookRequest(body: unknown, secret: string | null = TEST_WEBHOOK_SECRET): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== null) headers["x-telegram-bot-api-secret-token"] = secret;
  return new Request("http://localhost/api/telegram/webhook", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Posts an update to the webhook route and waits for its follow-ups (the bot's messages), as serveRoutes does. */
export async function postUpdate(update: unknown, secret?: string | null): Promise<Response> {
  const response = await POST(webhookRequest(update, secret));
  await settleAfterResponse();
  return response;
}

export interface CustomerProfile {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

export type Update = { update_id: number } & Record<string, unknown>;

export class TelegramCustomer {
  constructor(
    readonly tg: TelegramStandIn,
    readonly profile: CustomerProfile,
    readonly chat: { id: number; type: "private" | "group" | "supergroup"; title?: string } = { id: profile.id, type: "private" },
  ) {}

  get from() {
    const p = this.profile;
    return {
      id: p.id,
      is_bot: false,
      first_name: p.firstName,
      ...(p.lastName ? { last_name: p.lastName } : {}),
      ...(p.username ? { username: p.username } : {}),
      ...(p.languageCode ? { language_code: p.languageCode } : {}),
    };
  }

  private chatObject() {
    return this.chat.type === "private"
      ? { id: this.chat.id, type: "private", first_name: this.profile.firstName }
      : { id: this.chat.id, type: this.chat.type, title: this.chat.title ?? "Group" };
  }

  /** A message update; `/commands` carry their bot_command entity like Telegram's. */
  textUpdate(text: string): Update {
    const message = this.tg.addUserMessage(this.chat.id, text);
    const command = /^\/[A-Za-z0-9_@]+/.exec(text);
    return {
      update_id: nextUpdateId(),
      message: {
        message_id: message.messageId,
        date: message.date,
        from: this.from,
        chat: this.chatObject(),
        text,
        ...(command ? { entities: [{ offset: 0, length: command[0].length, type: "bot_command" }] } : {}),
      },
    };
  }

  /** A message update with no text (a sticker, a photo, a contact): `shown` is how the stand-in's chat lists it. */
  private messageUpdate(shown: string, content: Record<string, unknown>): Update {
    const message = this.tg.addUserMessage(this.chat.id, shown);
    return {
      update_id: nextUpdateId(),
      message: { message_id: message.messageId, date: message.date, from: this.from, chat: this.chatObject(), ...content },
    };
  }

  stickerUpdate(): Update {
    return this.messageUpdate("[sticker]", {
      sticker: { file_id: "CAACAgIAAxkBAAE", file_unique_id: "AgAD", type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "👍" },
    });
  }

  /** A photo as Telegram sends it: several sizes of one picture, smallest first, each with its own file_id. */
  photoUpdate({ fileId = "AgACAgUAAxkBAAI", caption = "my broken screen" }: { fileId?: string; caption?: string } = {}): Update {
    return this.messageUpdate("[photo]", {
      photo: [
        { file_id: `${fileId}-s`, file_unique_id: "AQADs", width: 90, height: 90, file_size: 1200 },
        { file_id: fileId, file_unique_id: "AQADx", width: 1280, height: 960, file_size: 120_000 },
        { file_id: `${fileId}-m`, file_unique_id: "AQADm", width: 320, height: 240, file_size: 12_000 },
      ],
      ...(caption ? { caption } : {}),
    });
  }

  sendPhoto(options?: { fileId?: string; caption?: string }): Promise<Response> {
    return postUpdate(this.photoUpdate(options));
  }

  /**
   * A shared contact: by default the customer's own (what the "share phone" button sends, user_id = the sender);
   * `userId` another's (a forwarded contact card), null a contact with no Telegram account.
   */
  contactUpdate(phoneNumber: string, { userId = this.profile.id }: { userId?: number | null } = {}): Update {
    return this.messageUpdate(`[contact ${phoneNumber}]`, {
      contact: { phone_number: phoneNumber, first_name: this.profile.firstName, ...(userId === null ? {} : { user_id: userId }) },
    });
  }

  shareContact(phoneNumber: string, options?: { userId?: number | null }): Promise<Response> {
    return postUpdate(this.contactUpdate(phoneNumber, options));
  }

  callbackUpdate(message: Pick<ChatMessage, "messageId" | "text">, data: string): Update {
    const id = `cbq${nextUpdateId()}`;
    this.tg.issueCallbackQuery(id, this.chat.id, message.messageId);
    return {
      update_id: nextUpdateId(),
      callback_query: {
        id,
        chat_instance: "-123456789",
        from: this.from,
        message: {
          message_id: message.messageId,
          date: Math.floor(Date.now() / 1000),
          chat: this.chatObject(),
          from: { id: this.tg.bot.id, is_bot: true, first_name: this.tg.bot.first_name, username: this.tg.bot.username },
          text: message.text,
        },
        data,
      },
    };
  }

  send(text: string): Promise<Response> {
    return postUpdate(this.textUpdate(text));
  }

  /** The bot's latest message in this chat. */
  lastMessage(): ChatMessage {
    const message = this.tg.lastBotMessage(this.chat.id);
    if (!message) throw new Error(`no bot message in chat ${this.chat.id}`);
    return message;
  }

  /** The bot's messages in this chat, oldest first. */
  botMessages(): ChatMessage[] {
    return this.tg.chat(this.chat.id).filter((m) => m.fromBot);
  }

  /** Finds the button with this text (exact, or starting with it) on the given message or the latest one that has it. */
  findButton(text: string | RegExp, message?: ChatMessage): { message: ChatMessage; button: InlineButton } {
    const matches = (b: InlineButton) => (typeof text === "string" ? b.text === text || b.text.startsWith(text) : text.test(b.text));
    const candidates = message ? [message] : this.botMessages().reverse();
    for (const candidate of candidates) {
      const button = candidate.keyboard.flat().find(matches);
      if (button) return { message: candidate, button };
    }
    throw new Error(`no button "${String(text)}" in chat ${this.chat.id}; last message: ${JSON.stringify(this.tg.lastBotMessage(this.chat.id))}`);
  }

  /** The update that tapping this button sends (to post it later, or twice). */
  tapUpdate(text: string | RegExp, message?: ChatMessage): Update {
    const found = this.findButton(text, message);
    if (!found.button.callback_data) throw new Error(`button "${found.button.text}" is a URL button`);
    return this.callbackUpdate(found.message, found.button.callback_data);
  }

  tap(text: string | RegExp, message?: ChatMessage): Promise<Response> {
    return postUpdate(this.tapUpdate(text, message));
  }
}

/** Button texts of a message, row by row. */
export function buttonTexts(message: ChatMessage): string[][] {
  return message.keyboard.map((row) => row.map((b) => b.text));
}
