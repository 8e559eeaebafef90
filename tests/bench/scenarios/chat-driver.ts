import type { AutocannonRequest } from "autocannon";
import { addDays, formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import type { ChatMessage, TelegramStandIn } from "@/tests/support/telegram-stand-in";

/**
 * Customers walking through the booking wizard over the webhook, one chat per
 * load connection: /order, Booking, a typed date, device, slot, part, payment
 * method, Book Now, and again. Taps use the buttons (and their nonces) of the
 * bot's latest message as the Telegram stand-in recorded it, so the bodies are
 * made in this thread (autocannon without worker threads for these rows: a
 * worker cannot see the stand-in's chats). When the expected button is not
 * there (a full day, a closed date, a refused booking) the customer starts
 * over with /order, as a real one would; the mix actually sent is counted.
 */

export const WIZARD_STEPS = ["order", "booking", "date", "device", "slot", "part", "payment", "book_now"] as const;
type Step = (typeof WIZARD_STEPS)[number];

const BUTTON: Partial<Record<Step, RegExp>> = {
  booking: /^w:[a-z0-9]+:bg$/,
  device: /^w:[a-z0-9]+:dv:/,
  slot: /^w:[a-z0-9]+:sl:/,
  part: /^w:[a-z0-9]+:pt:/,
  payment: /^w:[a-z0-9]+:pm:/,
  book_now: /^w:[a-z0-9]+:bn$/,
};

export interface ChatMix {
  sent: Record<string, number>;
  restarts: number;
}

export interface ChatDriver {
  requests: AutocannonRequest[];
  mix: ChatMix;
  /** The chat ids used so far (one per connection and wizard round). */
  chats: number[];
}

let nextUpdateId = 700_000_000;
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** Telegram updates from a customer whose chat id is also their user id (shapes of reference/telegram.md). */
export function makeUpdates(tg: TelegramStandIn) {
  const from = (chatId: number) => ({ id: chatId, is_bot: false, first_name: "Bench", username: `bench_${chatId}`, language_code: "en" });
  const textUpdate = (chatId: number, text: string) => {
    const message = tg.addUserMessage(chatId, text);
    const command = /^\/[a-z]+/.exec(text);
    return {
      update_id: ++nextUpdateId,
      message: {
        message_id: message.messageId,
        date: message.date,
        from: from(chatId),
        chat: { id: chatId, type: "private", first_name: "Bench" },
        text,
        ...(command ? { entities: [{ offset: 0, length: command[0].length, type: "bot_command" }] } : {}),
      },
    };
  };
  const tapUpdate = (chatId: number, message: ChatMessage, data: string) => ({
    update_id: ++nextUpdateId,
    callback_query: {
      id: `cbq${nextUpdateId}`,
      chat_instance: "-1",
      from: from(chatId),
      message: {
        message_id: message.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: "private", first_name: "Bench" },
        from: { id: tg.bot.id, is_bot: true, first_name: tg.bot.first_name, username: tg.bot.username },
        text: message.text,
      },
      data,
    },
  });

  return { textUpdate, tapUpdate };
}

/** The update for a chat's step, or /order again when the step's button is not on the bot's latest message. */
function stepBody(tg: TelegramStandIn, mix: ChatMix, chatId: number, step: Step, days: number): string {
  const { textUpdate, tapUpdate } = makeUpdates(tg);
  let kind: string = step;
  let update: unknown;
  if (step === "order") update = textUpdate(chatId, "/order");
  else if (step === "date") update = textUpdate(chatId, formatDateDmy(addDays(todayInJakarta(), 1 + Math.floor(Math.random() * days))));
  else {
    const last = tg.lastBotMessage(chatId);
    const buttons = last?.keyboard.flat().filter((b) => b.callback_data && BUTTON[step]!.test(b.callback_data)) ?? [];
    if (last && buttons.length) update = tapUpdate(chatId, last, pick(buttons).callback_data!);
    else {
      mix.restarts++;
      kind = "order (restart)";
      update = textUpdate(chatId, "/order");
    }
  }
  mix.sent[kind] = (mix.sent[kind] ?? 0) + 1;
  return JSON.stringify(update);
}

const webhookRequest = (secret: string): AutocannonRequest => ({
  method: "POST",
  path: "/api/telegram/webhook",
  headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
});

/** One chat per connection, each connection looping over the eight steps. */
export function chatDriver(
  tg: TelegramStandIn,
  { secret, firstChat, days = 14 }: { secret: string; firstChat: number; days?: number },
): ChatDriver {
  let nextChat = firstChat;
  const mix: ChatMix = { sent: {}, restarts: 0 };
  const chats: number[] = [];
  const requests: AutocannonRequest[] = WIZARD_STEPS.map((step) => ({
    ...webhookRequest(secret),
    setupRequest: (req: AutocannonRequest, context: Record<string, unknown>) => {
      if (step === "order" || context.chatId === undefined) {
        context.chatId = nextChat++;
        chats.push(context.chatId as number);
      }
      return { ...req, body: stepBody(tg, mix, context.chatId as number, step, days) };
    },
  }));
  return { requests, mix, chats };
}

/**
 * Chats shared by all connections (of every instance): each request takes the
 * chat that has waited longest for its next step, so one chat's consecutive
 * updates land on whichever connection (and instance) asks next.
 */
export function sharedChatDriver(
  tg: TelegramStandIn,
  { secret, firstChat, chatCount, days = 14 }: { secret: string; firstChat: number; chatCount: number; days?: number },
): ChatDriver & { hops: () => number } {
  const mix: ChatMix = { sent: {}, restarts: 0 };
  const chats = Array.from({ length: chatCount }, (_, i) => firstChat + i);
  const steps = new Map<number, number>(chats.map((c) => [c, 0]));
  const sentAt = new Map<number, number>();
  const lastPort = new Map<number, string>();
  let hops = 0;
  let cursor = 0;
  let nextChat = firstChat + chatCount;
  // A chat is ready for its next update once the stand-in shows the bot's answer
  // to its last one (or 2 s passed): no onResponse, whose context autocannon has
  // already reset for the next request.
  const ready = (chatId: number) => {
    const sent = sentAt.get(chatId);
    if (sent === undefined || Date.now() - sent > 2_000) return true;
    return tg.chat(chatId).at(-1)?.fromBot === true;
  };
  const request: AutocannonRequest = {
    ...webhookRequest(secret),
    setupRequest: (req: AutocannonRequest, context: Record<string, unknown>) => {
      let chatId: number | undefined;
      for (let i = 0; i < chats.length && chatId === undefined; i++) {
        const candidate = chats[(cursor + i) % chats.length]!;
        if (ready(candidate)) {
          chatId = candidate;
          cursor = (cursor + i + 1) % chats.length;
        }
      }
      if (chatId === undefined) {
        chatId = nextChat++;
        chats.push(chatId);
        steps.set(chatId, 0);
      }
      const port = String(context.port);
      if (lastPort.has(chatId) && lastPort.get(chatId) !== port) hops++;
      lastPort.set(chatId, port);
      const step = WIZARD_STEPS[steps.get(chatId)! % WIZARD_STEPS.length]!;
      steps.set(chatId, steps.get(chatId)! + 1);
      const body = stepBody(tg, mix, chatId, step, days);
      sentAt.set(chatId, Date.now());
      return { ...req, body };
    },
  };
  return { requests: [request], mix, chats, hops: () => hops };
}

export function describeMix(mix: ChatMix): string {
  const total = Object.values(mix.sent).reduce((a, b) => a + b, 0);
  const shares = Object.entries(mix.sent).map(([k, n]) => `${k} ${((100 * n) / Math.max(1, total)).toFixed(0)} %`);
  return `updates sent (warm-up included): ${shares.join(", ")}`;
}
