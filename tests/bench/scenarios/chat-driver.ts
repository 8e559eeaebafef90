import type { AutocannonRequest } from "autocannon";
import type { Database } from "@/db";
import { slots } from "@/db/schema";
import { addDays, formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import type { ChatMessage, TelegramStandIn } from "@/tests/support/telegram-stand-in";

/**
 * Customers walking through the booking wizard over the webhook: /order,
 * Booking, a typed date, device, slot, part, a typed phone, no fault, payment method, Book Now, and
 * again. Taps use the buttons (and their nonces) of the bot's latest message as
 * the Telegram stand-in recorded it, so the bodies are made in this thread
 * (autocannon without worker threads for these rows: a worker cannot see the
 * stand-in's chats). When the expected button is not there (a full day, a
 * closed date, a refused booking) the customer starts over with /order, as a
 * real one would; the mix actually sent is counted.
 */

export const WIZARD_STEPS = ["order", "booking", "date", "device", "slot", "part", "phone", "fault", "payment", "book_now"] as const;
type Step = (typeof WIZARD_STEPS)[number];

const BUTTON: Partial<Record<Step, RegExp>> = {
  booking: /^w:[a-z0-9]+:bg$/,
  device: /^w:[a-z0-9]+:dv:/,
  slot: /^w:[a-z0-9]+:sl:/,
  // A priced part: a free diagnosis has no payment step, which would restart this customer.
  part: /^w:[a-z0-9]+:pt:\d/,
  fault: /^w:[a-z0-9]+:fd$/,
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
  /** The chat ids used so far (the starting pool and every customer added when none was ready). */
  chats: number[];
}

let nextUpdateId = 700_000_000;

/**
 * The bot's latest message with buttons to tap: the menu the customer acts on.
 * A message of an earlier booking (its VA, sent after the Midtrans call) may
 * land below the new menu, and a customer scrolls past it.
 */
export function lastMenu(tg: TelegramStandIn, chatId: number): ChatMessage | undefined {
  return tg.chat(chatId).reverse().find((m) => m.fromBot && m.keyboard.some((row) => row.some((b) => b.callback_data)));
}
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
  const tapBody = (chatId: number, message: ChatMessage, data: string, id: string) => ({
    update_id: nextUpdateId,
    callback_query: {
      id,
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
  const tapUpdate = (chatId: number, message: ChatMessage, data: string) => {
    const id = `cbq${++nextUpdateId}`;
    tg.issueCallbackQuery(id, chatId, message.messageId);
    return tapBody(chatId, message, data, id);
  };
  return { textUpdate, tapUpdate };
}

/** The update for a chat's step, or /order again when the step's button is not on the bot's latest message. */
function stepBody(tg: TelegramStandIn, mix: ChatMix, chatId: number, step: Step, days: number): string {
  const { textUpdate, tapUpdate } = makeUpdates(tg);
  let kind: string = step;
  let update: unknown;
  if (step === "order") update = textUpdate(chatId, "/order");
  else if (step === "phone") update = textUpdate(chatId, `0812${String(chatId % 100_000_000).padStart(8, "0")}`);
  else if (step === "date") update = textUpdate(chatId, formatDateDmy(addDays(todayInJakarta(), 1 + Math.floor(Math.random() * days))));
  else {
    const last = lastMenu(tg, chatId);
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

/** A chat whose bot has not been heard from this long after its update is taken to have answered (a lost message). */
const ANSWER_WAIT_MS = 2_000;
/** The bot may answer one update with two calls (a keyboard removed, then a message): let the second land too. */
const SETTLE_MS = 25;

/**
 * Customers walking through the wizard, shared by all connections (of every
 * instance): each request takes the next chat, in turn, whose bot has answered
 * its last update (the stand-in shows the menu to tap, or the bot's calls to
 * the chat: the webhook answers on commit and the messages follow), so a
 * customer taps only what they could have seen. When no chat is ready, a new customer starts with /order. One
 * chat's consecutive updates land on whichever connection (and instance) asks next.
 */
export function chatDriver(
  tg: TelegramStandIn,
  { secret, firstChat, chatCount, days = 14 }: { secret: string; firstChat: number; chatCount: number; days?: number },
): ChatDriver & { hops: () => number } {
  const mix: ChatMix = { sent: {}, restarts: 0 };
  const chats = Array.from({ length: chatCount }, (_, i) => firstChat + i);
  const steps = new Map<number, number>(chats.map((c) => [c, 0]));
  const sent = new Map<number, { at: number; activity: number }>();
  const lastPort = new Map<number, string>();
  let hops = 0;
  let cursor = 0;
  let nextChat = firstChat + chatCount;
  // Ready: the menu the chat's next step taps is on screen, or (next step typed) the bot said something since.
  const ready = (chatId: number, now: number) => {
    const last = sent.get(chatId);
    if (last === undefined || now - last.at > ANSWER_WAIT_MS) return true;
    const button = BUTTON[WIZARD_STEPS[steps.get(chatId)! % WIZARD_STEPS.length]!];
    if (button) return Boolean(lastMenu(tg, chatId)?.keyboard.some((row) => row.some((b) => b.callback_data && button.test(b.callback_data))));
    return now - last.at >= SETTLE_MS && tg.botActivity(chatId) > last.activity;
  };
  const request: AutocannonRequest = {
    ...webhookRequest(secret),
    setupRequest: (req: AutocannonRequest, context: Record<string, unknown>) => {
      const now = Date.now();
      let chatId: number | undefined;
      for (let i = 0; i < chats.length && chatId === undefined; i++) {
        const candidate = chats[(cursor + i) % chats.length]!;
        if (ready(candidate, now)) {
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
      sent.set(chatId, { at: now, activity: tg.botActivity(chatId) });
      return { ...req, body };
    },
  };
  return { requests: [request], mix, chats, hops: () => hops };
}

/**
 * The bot's latest message in the chat once it carries a button matching
 * `pattern`: the webhook answers on commit and the bot's messages follow, so a
 * customer's next tap waits for them (as a person waits to see the menu).
 */
export async function waitForButton(tg: TelegramStandIn, chatId: number, pattern: RegExp, timeoutMs = 5_000): Promise<{ message: ChatMessage; data: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = lastMenu(tg, chatId);
    const button = last?.keyboard.flat().find((b) => b.callback_data && pattern.test(b.callback_data));
    if (last && button) return { message: last, data: button.callback_data! };
    if (Date.now() > deadline) throw new Error(`chat ${chatId}: no button ${String(pattern)} within ${timeoutMs} ms; last message: ${last?.text}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Room for every customer of a load run: the wizard offers only days with a free place, and 2 per slot fill in seconds. */
export async function makeRoomInEverySlot(db: Database, capacity = 10_000): Promise<void> {
  await db.update(slots).set({ capacity });
}

export function describeMix(mix: ChatMix): string {
  const total = Object.values(mix.sent).reduce((a, b) => a + b, 0);
  const shares = Object.entries(mix.sent).map(([k, n]) => `${k} ${((100 * n) / Math.max(1, total)).toFixed(0)} %`);
  return `updates sent (warm-up included): ${shares.join(", ")}`;
}
