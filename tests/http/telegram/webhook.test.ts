import { eq, sql } from "drizzle-orm";
import { setDbHandle } from "@/db";
import { openDatabase } from "@/db/client";
import { outbox, processedUpdates, settings } from "@/db/schema";
import { overrideEnv } from "@/lib/env";
import { deliverDueMessages } from "@/lib/notify/deliver";
import { POST } from "@/app/api/telegram/webhook/route";
import { postUpdate, TelegramCustomer, TEST_WEBHOOK_SECRET, webhookRequest } from "@/tests/support/telegram-customer";
import { changingNothing } from "@/tests/support/db-snapshot";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ bot: true, routes: { "POST /api/telegram/webhook": POST } });

const customer = () => new TelegramCustomer(suite.tg, { id: 5550010, firstName: "Dewi", languageCode: "id" });
const claimed = async () => (await suite.db.select().from(processedUpdates)).map((r) => r.updateId);

function silenceErrors() {
  return jest.spyOn(console, "error").mockImplementation(() => {});
}

describe("POST /api/telegram/webhook", () => {
  it("refuses a missing, forged, partial, padded or repeated secret token with 401 before anything is read or written", async () => {
    const update = customer().textUpdate("/help");
    const forged = [
      null,
      "",
      "wrong-secret",
      `${TEST_WEBHOOK_SECRET}x`,
      TEST_WEBHOOK_SECRET.slice(0, -1),
      TEST_WEBHOOK_SECRET.slice(1),
      TEST_WEBHOOK_SECRET.toUpperCase(),
      `${TEST_WEBHOOK_SECRET}, ${TEST_WEBHOOK_SECRET}`,
      TEST_WEBHOOK_SECRET.repeat(200),
    ];
    for (const secret of forged) {
      const response = await changingNothing(suite.db, () => POST(webhookRequest(update, secret)));
      expect([secret, response.status]).toEqual([secret, 401]);
    }
    expect(suite.tg.calls).toEqual([]);
    expect(await claimed()).toEqual([]);
    expect((await postUpdate(update)).status).toBe(200);
    expect(suite.tg.callsOf("sendMessage")).toHaveLength(1);
  });

  it("refuses every request while no webhook secret is configured", async () => {
    overrideEnv({ TELEGRAM_WEBHOOK_SECRET: undefined });
    expect((await POST(webhookRequest(customer().textUpdate("/help"), ""))).status).toBe(401);
    expect(suite.tg.calls).toEqual([]);
  });

  it("answers 413 to a huge body (over loopback, its length declared) and changes nothing; without the secret its size is never looked at (401)", async () => {
    const body = JSON.stringify({ update_id: 1, message: { text: "x".repeat(2_000_000) } });
    const send = (headers: Record<string, string>) => fetch(`${suite.app.url}/api/telegram/webhook`, { method: "POST", headers, body });
    expect((await changingNothing(suite.db, () => send({ "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET }))).status).toBe(413);
    expect((await changingNothing(suite.db, () => send({}))).status).toBe(401);
    expect(suite.tg.calls).toEqual([]);
  });

  it("answers 400 to a body that is not JSON or not an update", async () => {
    expect((await POST(webhookRequest("{not json"))).status).toBe(400);
    expect((await POST(webhookRequest({ hello: "world" }))).status).toBe(400);
    expect(suite.tg.calls).toEqual([]);
  });

  it("a re-delivered update is answered once", async () => {
    const update = customer().textUpdate("/help");
    expect((await postUpdate(update)).status).toBe(200);
    expect((await postUpdate(update)).status).toBe(200);
    await Promise.all([postUpdate(update), postUpdate(update)]);
    expect(suite.tg.callsOf("sendMessage")).toHaveLength(1);
    expect(await claimed()).toEqual([update.update_id]);
  });

  it("talks to the Bot API at TELEGRAM_API_ROOT and never asks getMe when the username is configured", async () => {
    const c = customer();
    await c.send("/help");
    await c.send("/catalog");
    expect(suite.tg.callsOf("getMe")).toEqual([]);
    expect(suite.tg.callsOf("sendMessage").map((call) => call.params.chat_id)).toEqual([5550010, 5550010]);
  });

  it("without TELEGRAM_BOT_USERNAME, one getMe is kept in the settings table for later cold starts", async () => {
    overrideEnv({ TELEGRAM_BOT_USERNAME: undefined });
    const holder = globalThis as unknown as { __jiotBot?: unknown };
    holder.__jiotBot = undefined;
    await customer().send("/help");
    expect(suite.tg.callsOf("getMe")).toHaveLength(1);
    const [row] = await suite.db.select().from(settings).where(eq(settings.key, "telegram_bot_identity"));
    expect(row!.value).toMatchObject({ id: suite.tg.bot.id, username: "JiotTestBot" });
    holder.__jiotBot = undefined; // a new instance starts cold
    await customer().send("/help");
    expect(suite.tg.callsOf("getMe")).toHaveLength(1);
    holder.__jiotBot = undefined;
  });

  it("answers 503 when the database is unreachable, keeping nothing, so Telegram's retry is handled in full", async () => {
    const update = customer().textUpdate("/order");
    const unreachable = await openDatabase({ driver: "pg", url: "postgres://postgres@127.0.0.1:9/none", poolMax: 1 });
    setDbHandle(unreachable);
    const errors = silenceErrors();
    try {
      expect((await postUpdate(update)).status).toBe(503);
      expect(errors.mock.calls.join(" ")).toContain(`update ${update.update_id}`);
    } finally {
      errors.mockRestore();
      setDbHandle(suite.testDb);
      await unreachable.close();
    }
    expect(suite.tg.calls).toEqual([]);
    expect(await claimed()).toEqual([]);
    expect((await postUpdate(update)).status).toBe(200);
    expect(suite.tg.lastBotMessage(5550010)!.text).toMatch(/^Terimakasih, telah memilih layanan kami/);
  });

  it("any other failure is logged with the update id, apologised for, and answered 200 so the chat is not blocked", async () => {
    const update = customer().textUpdate("/order");
    await suite.db.execute(sql`alter table conversations rename to conversations_away`);
    const errors = silenceErrors();
    try {
      expect((await postUpdate(update)).status).toBe(200);
      expect(errors.mock.calls.map((c) => c.join(" ")).join("\n")).toContain(`update ${update.update_id} failed`);
    } finally {
      errors.mockRestore();
      await suite.db.execute(sql`alter table conversations_away rename to conversations`);
    }
    expect(suite.tg.lastBotMessage(5550010)!.text).toBe("Maaf, terjadi kesalahan di sistem kami. Silakan coba lagi sebentar lagi.");
    expect(await claimed()).toEqual([]);
  });

  it("a reply Telegram refuses with a 500 after commit is queued in the outbox and sent by the next delivery", async () => {
    suite.tg.failNext(1, { status: 500 }, { method: "sendMessage" });
    const errors = silenceErrors();
    try {
      expect((await customer().send("/help")).status).toBe(200);
    } finally {
      errors.mockRestore();
    }
    expect(suite.tg.lastBotMessage(5550010)).toBeUndefined();
    const [queued] = await suite.db.select().from(outbox);
    expect(queued).toMatchObject({ chatId: 5550010, sentAt: null, payload: expect.objectContaining({ method: "sendMessage" }) });
    expect(await deliverDueMessages({ limit: 10 })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(suite.tg.lastBotMessage(5550010)!.text).toMatch(/^Halo Dewi!/);
  });
});
