import http from "node:http";
import type { AddressInfo } from "node:net";
import { Markup, Telegraf } from "telegraf";
import type { Update } from "telegraf/types";
import { overrideEnv, PLAYGROUND_DEFAULTS } from "@/lib/env";
import { resetPlaygroundTelegram } from "@/lib/playground/telegram/store";
import type { ChatView } from "@/lib/playground/telegram/chat-view";
import { servePlaygroundRoutes } from "@/tests/support/playground-routes";
import type { ServedRoutes } from "@/tests/support/serve-routes";

/**
 * The chat page's side: what a simulated customer types or taps reaches a real
 * telegraf bot behind a loopback webhook, as Telegram would deliver it, and the
 * bot's answers (made over HTTP to the stand-in) come back to the chat.
 */

const BUDI = 5550001;
const SECRET = "chat-test-secret";
let app: ServedRoutes;
let hook: http.Server;
let hookUrl: string;
let received: { update: Update; secret: string | undefined }[] = [];
let answerWith: ((update: Update) => { status: number; body?: unknown }) | undefined;

let bot: Telegraf;

function makeBot(apiRoot: string): Telegraf {
  // apiRoot at construction (telegraf picks its HTTP agent there) and with a trailing slash.
  const bot = new Telegraf(PLAYGROUND_DEFAULTS.TELEGRAM_BOT_TOKEN, { telegram: { apiRoot } });
  bot.start((ctx) =>
    ctx.reply(`Halo ${ctx.from.first_name}! payload=${ctx.payload}`, Markup.inlineKeyboard([Markup.button.callback("Order", "order")])),
  );
  bot.action("order", async (ctx) => {
    await ctx.answerCbQuery("Siap!");
    await ctx.editMessageText("Silakan masukan tanggal book", Markup.inlineKeyboard([Markup.button.callback("Cancel", "cancel")]));
  });
  bot.action("silent", () => {});
  bot.on("text", (ctx) => ctx.reply(`Anda menulis: ${ctx.message.text}`));
  return bot;
}

beforeAll(async () => {
  app = await servePlaygroundRoutes();
  overrideEnv({ PLAYGROUND: "1", APP_URL: app.url });
  bot = makeBot(`${app.url}/playground/telegram/`);
  bot.botInfo = { id: 1000000001, is_bot: true, first_name: "Jiot", username: "JiotPlaygroundBot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false };
  hook = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const update = JSON.parse(Buffer.concat(chunks).toString()) as Update;
    received.push({ update, secret: req.headers["x-telegram-bot-api-secret-token"] as string | undefined });
    const canned = answerWith?.(update);
    if (canned) {
      res.writeHead(canned.status, { "content-type": "application/json" }).end(JSON.stringify(canned.body ?? {}));
      return;
    }
    await bot.handleUpdate(update);
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/api/telegram/webhook`;
});
afterAll(async () => {
  hook.closeAllConnections();
  await new Promise((resolve) => hook.close(resolve));
  await app.stop();
  overrideEnv({ PLAYGROUND: undefined, APP_URL: undefined });
});
beforeEach(async () => {
  resetPlaygroundTelegram();
  received = [];
  answerWith = undefined;
  await bot.telegram.setWebhook(hookUrl, { secret_token: SECRET });
});

async function post(path: string, body: unknown) {
  const response = await fetch(`${app.url}/playground/chat/api/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function view(after = -1): Promise<ChatView> {
  const response = await fetch(`${app.url}/playground/chat/api/state?customer=${BUDI}&after=${after}`);
  return (await response.json()) as ChatView;
}

describe("a simulated customer talking to the bot", () => {
  it("typing /start order posts a message update with a bot_command entity and the secret header; the reply shows", async () => {
    const sent = await post("send", { customerId: BUDI, text: "/start order" });
    expect(sent).toEqual({ status: 200, body: { messageId: 1, delivery: { status: 200 } } });
    expect(received).toHaveLength(1);
    expect(received[0]!.secret).toBe(SECRET);
    expect(received[0]!.update).toMatchObject({
      update_id: expect.any(Number),
      message: {
        message_id: 1,
        from: { id: BUDI, is_bot: false, first_name: "Budi", username: "budi_s", language_code: "id" },
        chat: { id: BUDI, type: "private" },
        text: "/start order",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    });
    const chat = await view();
    expect(chat.messages.map((m) => [m.sender, m.text])).toEqual([
      ["user", "/start order"],
      ["bot", "Halo Budi! payload=order"],
    ]);
  });

  it("tapping an inline button sends a callback_query with its message; the answer is a toast and the message is edited in place", async () => {
    await post("send", { customerId: BUDI, text: "/start" });
    const keyboardMessage = (await view()).messages[1]!;
    const tapped = await post("tap", { customerId: BUDI, messageId: keyboardMessage.id, data: "order" });
    expect(tapped.status).toBe(200);
    const callback = received[1]!.update as Update.CallbackQueryUpdate;
    expect(callback.update_id).toBe(received[0]!.update.update_id + 1);
    expect(callback.callback_query).toMatchObject({
      from: { id: BUDI },
      data: "order",
      message: { message_id: keyboardMessage.id, text: keyboardMessage.text, reply_markup: { inline_keyboard: [[{ callback_data: "order" }]] } },
    });
    const chat = await view();
    expect(chat.messages).toHaveLength(2);
    expect(chat.messages[1]).toMatchObject({ id: keyboardMessage.id, text: "Silakan masukan tanggal book", edited: true });
    expect(chat.toasts.map((t) => t.text)).toEqual(["Siap!"]);
    expect(chat.pendingCallback).toBeUndefined();
  });

  it("a button the bot never answers is reported in the chat, as Telegram's spinner would show", async () => {
    await bot.telegram.sendMessage(BUDI, "Tes", Markup.inlineKeyboard([Markup.button.callback("Diam", "silent")]));
    await post("tap", { customerId: BUDI, messageId: 1, data: "silent" });
    expect((await view()).notices.map((n) => n.text)).toEqual([expect.stringContaining("answerCallbackQuery")]);
  });

  it("a button that is no longer on the message sends nothing", async () => {
    await bot.telegram.sendMessage(BUDI, "Tes", Markup.inlineKeyboard([Markup.button.callback("A", "a")]));
    const tapped = await post("tap", { customerId: BUDI, messageId: 1, data: "gone" });
    expect(tapped.status).toBe(400);
    expect(received).toHaveLength(0);
  });

  it("the page's long poll answers as soon as the bot writes", async () => {
    const before = await view();
    const waiting = view(before.version);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await bot.telegram.sendMessage(BUDI, "Pembayaran diterima");
    const after = await waiting;
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.messages.at(-1)?.text).toBe("Pembayaran diterima");
  });

  it("a method in the webhook's answer is performed, as Telegram does", async () => {
    answerWith = (update) => ({ status: 200, body: { method: "sendMessage", chat_id: (update as Update.MessageUpdate).message.chat.id, text: "lewat webhook reply" } });
    await post("send", { customerId: BUDI, text: "hai" });
    expect((await view()).messages.map((m) => m.text)).toEqual(["hai", "lewat webhook reply"]);
  });

  it("a failing webhook shows in the chat and in getWebhookInfo", async () => {
    answerWith = () => ({ status: 503 });
    const sent = await post("send", { customerId: BUDI, text: "halo" });
    expect(sent.body.delivery).toMatchObject({ status: 503, error: expect.stringContaining("503") });
    expect((await view()).notices).toHaveLength(1);
    await expect(bot.telegram.getWebhookInfo()).resolves.toMatchObject({
      url: hookUrl,
      last_error_message: "Wrong response from the webhook: 503 Service Unavailable",
    });
  });

  it("without a webhook the update waits for getUpdates (npm run bot:poll)", async () => {
    await bot.telegram.deleteWebhook();
    await post("send", { customerId: BUDI, text: "/help" });
    const updates = await bot.telegram.getUpdates(0, 10, 0, undefined);
    expect(updates.map((u) => (u as Update.MessageUpdate).message)).toMatchObject([{ text: "/help" }]);
    await expect(bot.telegram.getUpdates(0, 10, updates[0]!.update_id + 1, undefined)).resolves.toEqual([]);
  });

  it("customers can be added, and each has a chat of their own", async () => {
    const added = await post("customers", { firstName: "Dewi", username: "dewi_k", languageCode: "en" });
    expect(added.body).toMatchObject({ id: 5550101, first_name: "Dewi", username: "dewi_k", language_code: "en" });
    await post("send", { customerId: 5550101, text: "hello" });
    expect(received[0]!.update).toMatchObject({ message: { chat: { id: 5550101 }, from: { language_code: "en" } } });
    expect((await view()).messages).toHaveLength(0);
    const list = (await (await fetch(`${app.url}/playground/chat/api/customers`)).json()) as { id: number; lastText?: string }[];
    expect(list.map((c) => c.id)).toEqual([5550001, 5550002, 5550003, 5550101]);
    expect(list[3]!.lastText).toBe("Anda menulis: hello");
  });
});

describe("contact and photo from the chat page", () => {
  it("the share-phone button sends the customer's own contact (user_id = the sender), with no text", async () => {
    await bot.telegram.sendMessage(BUDI, "Nomor HP Anda?", {
      reply_markup: { keyboard: [[{ text: "Bagikan nomor HP", request_contact: true }]], one_time_keyboard: true, resize_keyboard: true },
    });
    expect((await view()).replyKeyboard).toEqual({ rows: [["Bagikan nomor HP"]], resize: true, contactButtons: ["Bagikan nomor HP"] });
    const shared = await post("contact", { customerId: BUDI });
    expect(shared.status).toBe(200);
    const message = (received.at(-1)!.update as Update.MessageUpdate).message as unknown as Record<string, unknown>;
    expect(message).toMatchObject({ from: { id: BUDI }, contact: { phone_number: "628125550001", first_name: "Budi", user_id: BUDI } });
    expect(message).not.toHaveProperty("text");
    const chat = await view();
    expect(chat.messages.at(-1)).toMatchObject({ sender: "user", text: "📞 +628125550001" });
    // One-time keyboard: gone once used.
    expect(chat.replyKeyboard).toBeUndefined();
  });

  it("📎 sends the built-in photo; getFile names its path and the file route serves its bytes for the bot's token only", async () => {
    const sent = await post("photo", { customerId: BUDI, caption: "layar retak" });
    expect(sent.status).toBe(200);
    const message = (received.at(-1)!.update as Update.MessageUpdate).message as unknown as { photo: { file_id: string }[]; caption: string; text?: string };
    expect(message.caption).toBe("layar retak");
    expect(message.text).toBeUndefined();
    const fileId = message.photo.at(-1)!.file_id;
    expect((await view()).messages.at(-1)).toMatchObject({ sender: "user", photo: true, text: "🖼 layar retak" });

    const file = await bot.telegram.getFile(fileId);
    expect(file.file_path).toMatch(/^photos\/file_\d+\.png$/);
    const bytes = await fetch(`${app.url}/playground/telegram/file/bot${PLAYGROUND_DEFAULTS.TELEGRAM_BOT_TOKEN}/${file.file_path}`);
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await bytes.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
    expect((await fetch(`${app.url}/playground/telegram/file/bot1:wrong/${file.file_path}`)).status).toBe(404);
    await expect(bot.telegram.getFile("no-such-file")).rejects.toThrow(/invalid file_id/);
  });
});
