import { Telegraf } from "telegraf";
import { overrideEnv, PLAYGROUND_DEFAULTS } from "@/lib/env";
import { chatView } from "@/lib/playground/telegram/chat-view";
import { resetPlaygroundTelegram } from "@/lib/playground/telegram/store";
import * as botApi from "@/app/playground/telegram/[bot]/[method]/route";
import { servePlaygroundRoutes } from "@/tests/support/playground-routes";
import type { ServedRoutes } from "@/tests/support/serve-routes";

const TOKEN = PLAYGROUND_DEFAULTS.TELEGRAM_BOT_TOKEN;
const BUDI = 5550001;
let app: ServedRoutes;
let bot: Telegraf;

beforeAll(async () => {
  app = await servePlaygroundRoutes();
  overrideEnv({ PLAYGROUND: "1", APP_URL: app.url });
  // The trailing slash matters: telegraf resolves "./bot<token>/<method>" against apiRoot.
  bot = new Telegraf(TOKEN, { telegram: { apiRoot: `${app.url}/playground/telegram/` } });
});
afterAll(async () => {
  await app.stop();
  overrideEnv({ PLAYGROUND: undefined, APP_URL: undefined });
});
beforeEach(() => resetPlaygroundTelegram());

function call(method: string, init: { token?: string; body?: BodyInit; type?: string; query?: string } = {}) {
  const url = `${app.url}/playground/telegram/bot${init.token ?? TOKEN}/${method}${init.query ?? ""}`;
  return fetch(url, { method: init.body ? "POST" : "GET", headers: init.type ? { "content-type": init.type } : {}, body: init.body });
}

describe("the Bot API stand-in, as telegraf sees it", () => {
  it("sendMessage answers a Message with a message_id and the inline keyboard, and the chat shows it", async () => {
    const sent = await bot.telegram.sendMessage(BUDI, "Pilih <b>device</b>:", {
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "iPhone X", callback_data: "device:10" }], [{ text: "Cancel", callback_data: "cancel" }]] },
    });
    expect(sent).toMatchObject({
      message_id: 1,
      from: { id: 1000000001, is_bot: true, username: "JiotPlaygroundBot" },
      chat: { id: BUDI, type: "private", first_name: "Budi" },
      text: "Pilih device:",
      entities: [{ type: "bold", offset: 6, length: 6 }],
      reply_markup: { inline_keyboard: [[{ text: "iPhone X", callback_data: "device:10" }], [{ text: "Cancel", callback_data: "cancel" }]] },
    });
    const second = await bot.telegram.sendMessage(BUDI, "dua");
    expect(second.message_id).toBe(2);
    const view = chatView(BUDI);
    expect(view.messages.map((m) => [m.id, m.sender, m.text])).toEqual([[1, "bot", "Pilih device:"], [2, "bot", "dua"]]);
    expect(view.messages[0]!.inlineKeyboard?.[0]?.[0]?.text).toBe("iPhone X");
  });

  it("editMessageText changes the message in place and drops the keyboard it does not repeat", async () => {
    const sent = await bot.telegram.sendMessage(BUDI, "Langkah 1", { reply_markup: { inline_keyboard: [[{ text: "Lanjut", callback_data: "next" }]] } });
    const edited = await bot.telegram.editMessageText(BUDI, sent.message_id, undefined, "Langkah 2");
    expect(edited).toMatchObject({ message_id: sent.message_id, text: "Langkah 2" });
    expect((edited as { edit_date?: number }).edit_date).toEqual(expect.any(Number));
    const view = chatView(BUDI);
    expect(view.messages).toHaveLength(1);
    expect(view.messages[0]).toMatchObject({ text: "Langkah 2", edited: true });
    expect(view.messages[0]!.inlineKeyboard).toBeUndefined();
  });

  it("editing with identical content fails with Telegram's 'message is not modified'", async () => {
    const sent = await bot.telegram.sendMessage(BUDI, "Sama");
    await expect(bot.telegram.editMessageText(BUDI, sent.message_id, undefined, "Sama")).rejects.toMatchObject({
      response: { ok: false, error_code: 400, description: expect.stringContaining("message is not modified") },
    });
  });

  it("editMessageReplyMarkup replaces only the keyboard; deleteMessage removes the message", async () => {
    const sent = await bot.telegram.sendMessage(BUDI, "Menu", { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] } });
    await bot.telegram.editMessageReplyMarkup(BUDI, sent.message_id, undefined, { inline_keyboard: [[{ text: "B", callback_data: "b" }]] });
    expect(chatView(BUDI).messages[0]!.inlineKeyboard).toEqual([[{ text: "B", callback_data: "b" }]]);
    await expect(bot.telegram.deleteMessage(BUDI, sent.message_id)).resolves.toBe(true);
    expect(chatView(BUDI).messages).toHaveLength(0);
    await expect(bot.telegram.deleteMessage(BUDI, sent.message_id)).rejects.toMatchObject({ response: { description: "Bad Request: message to delete not found" } });
  });

  it("a reply keyboard goes to the input area and remove_keyboard takes it away", async () => {
    await bot.telegram.sendMessage(BUDI, "Pilih", { reply_markup: { keyboard: [[{ text: "Order" }, { text: "Status Layanan" }]], resize_keyboard: true } });
    expect(chatView(BUDI).replyKeyboard).toEqual({ rows: [["Order", "Status Layanan"]], resize: true });
    await bot.telegram.sendMessage(BUDI, "Oke", { reply_markup: { remove_keyboard: true } });
    expect(chatView(BUDI).replyKeyboard).toBeUndefined();
  });

  it("refuses what Telegram refuses: callback_data over 64 bytes, MarkdownV2 with an unescaped '.', an unknown chat", async () => {
    await expect(
      bot.telegram.sendMessage(BUDI, "x", { reply_markup: { inline_keyboard: [[{ text: "x", callback_data: "d".repeat(65) }]] } }),
    ).rejects.toMatchObject({ response: { description: "Bad Request: BUTTON_DATA_INVALID" } });
    await expect(bot.telegram.sendMessage(BUDI, "Total Rp70.000", { parse_mode: "MarkdownV2" })).rejects.toMatchObject({
      response: { description: expect.stringContaining("Character '.' is reserved") },
    });
    await expect(bot.telegram.sendMessage(BUDI, "Total *Rp70\\.000*", { parse_mode: "MarkdownV2" })).resolves.toMatchObject({
      text: "Total Rp70.000",
      entities: [{ type: "bold", offset: 6, length: 8 }],
    });
    await expect(bot.telegram.sendMessage(987654321, "hai")).rejects.toMatchObject({ response: { error_code: 403 } });
  });

  it("answerCallbackQuery with an id it never issued is refused as too old", async () => {
    await expect(bot.telegram.answerCbQuery("123", "hai")).rejects.toMatchObject({
      response: { error_code: 400, description: expect.stringContaining("query is too old") },
    });
  });

  it("setMyCommands per language feeds the chat's command menu", async () => {
    await bot.telegram.setMyCommands([{ command: "order", description: "Pesan servis" }]);
    await bot.telegram.setMyCommands([{ command: "order", description: "Book a repair" }], { language_code: "en" });
    expect(chatView(BUDI).commands).toEqual([{ command: "order", description: "Pesan servis" }]);
    expect(chatView(5550003).commands).toEqual([{ command: "order", description: "Book a repair" }]);
    await expect(bot.telegram.getMyCommands({ language_code: "en" })).resolves.toEqual([{ command: "order", description: "Book a repair" }]);
    await expect(bot.telegram.setMyCommands([{ command: "Bad Command", description: "x" }])).rejects.toMatchObject({
      response: { description: "Bad Request: BOT_COMMAND_INVALID" },
    });
  });

  it("getMe, and a webhook already pointing at APP_URL with the secret, as `telegram:set-webhook` leaves it", async () => {
    await expect(bot.telegram.getMe()).resolves.toMatchObject({ id: 1000000001, is_bot: true, username: "JiotPlaygroundBot" });
    await expect(bot.telegram.getWebhookInfo()).resolves.toMatchObject({ url: `${app.url}/api/telegram/webhook`, pending_update_count: 0 });
    await bot.telegram.setWebhook("http://127.0.0.1:9/hook", { secret_token: "abc" });
    await expect(bot.telegram.getWebhookInfo()).resolves.toMatchObject({ url: "http://127.0.0.1:9/hook" });
    await expect(bot.telegram.getUpdates(0, 10, 0, undefined)).rejects.toMatchObject({ response: { error_code: 409 } });
    await bot.telegram.deleteWebhook();
    await expect(bot.telegram.getWebhookInfo()).resolves.toMatchObject({ url: "" });
    await expect(bot.telegram.getUpdates(0, 10, 0, undefined)).resolves.toEqual([]);
  });
});

describe("the Bot API stand-in over plain HTTP", () => {
  it("a wrong token is 401 Unauthorized and an unknown method 404, in the Bot API's envelope", async () => {
    const wrong = await call("getMe", { token: "1000000001:somebody-elses-token" });
    expect(wrong.status).toBe(401);
    await expect(wrong.json()).resolves.toEqual({ ok: false, error_code: 401, description: "Unauthorized" });
    const unknown = await call("sendDragon");
    expect(unknown.status).toBe(404);
    await expect(unknown.json()).resolves.toEqual({ ok: false, error_code: 404, description: "Not Found" });
  });

  it("takes parameters as a form, as multipart and as a query string, with reply_markup as JSON text", async () => {
    const markup = JSON.stringify({ inline_keyboard: [[{ text: "Ya", callback_data: "yes" }]] });
    const form = await call("sendMessage", {
      body: new URLSearchParams({ chat_id: String(BUDI), text: "form", reply_markup: markup }).toString(),
      type: "application/x-www-form-urlencoded",
    });
    await expect(form.json()).resolves.toMatchObject({ ok: true, result: { text: "form", reply_markup: { inline_keyboard: [[{ text: "Ya" }]] } } });
    const multipart = new FormData();
    multipart.set("chat_id", String(BUDI));
    multipart.set("text", "multipart");
    await expect((await call("sendMessage", { body: multipart })).json()).resolves.toMatchObject({ ok: true, result: { message_id: 2 } });
    const query = await call("sendMessage", { query: `?chat_id=${BUDI}&text=query` });
    await expect(query.json()).resolves.toMatchObject({ ok: true, result: { text: "query" } });
    const missing = await call("sendMessage", { body: JSON.stringify({ chat_id: BUDI }), type: "application/json" });
    expect(missing.status).toBe(400);
    await expect(missing.json()).resolves.toMatchObject({ ok: false, description: "Bad Request: message text is empty" });
  });

  it("does not exist without PLAYGROUND", async () => {
    overrideEnv({ PLAYGROUND: undefined });
    try {
      const request = new Request(`${app.url}/playground/telegram/bot${TOKEN}/getMe`);
      const response = await botApi.GET(request, { params: Promise.resolve({ bot: `bot${TOKEN}`, method: "getMe" }) });
      expect(response.status).toBe(404);
    } finally {
      overrideEnv({ PLAYGROUND: "1" });
    }
  });
});
