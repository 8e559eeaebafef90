import { startNextApp, type RunningApp } from "@/tests/support/next-app";
import { startTelegramStandIn, type TelegramStandIn } from "@/tests/support/telegram-stand-in";

const SECRET = "e2e-webhook-secret_1";
const CHAT = 5557001;
let tg: TelegramStandIn;
let app: RunningApp;

beforeAll(async () => {
  tg = await startTelegramStandIn();
  app = await startNextApp({
    env: {
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.url,
      TELEGRAM_BOT_USERNAME: tg.bot.username,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      SESSION_SECRET: "e2e-session-secret-0123456789abcdef",
    },
  });
}, 600_000);
afterAll(async () => {
  await app?.stop();
  await tg?.close();
});

function postUpdate(updateId: number, text: string): Promise<Response> {
  const update = {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      from: { id: CHAT, is_bot: false, first_name: "Sari", language_code: "id" },
      chat: { id: CHAT, type: "private", first_name: "Sari" },
      text,
      entities: [{ offset: 0, length: text.length, type: "bot_command" }],
    },
  };
  return fetch(`${app.url}/api/telegram/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body: JSON.stringify(update),
  });
}

describe("the webhook under next start", () => {
  it("answers Telegram once the update is committed; the bot's reply follows after the answer, and a re-delivery adds nothing", async () => {
    // The Bot API holds the reply for 3 s: Telegram's answer must not wait for it.
    tg.failNext(1, { delayMs: 3_000 }, { method: "sendMessage" });
    const response = await postUpdate(880_001, "/help");
    expect(response.status).toBe(200);
    expect(tg.callsOf("sendMessage")).toEqual([]);

    await tg.waitFor((calls) => calls.some((c) => c.method === "sendMessage" && c.status === 200), 10_000);
    expect(tg.chat(CHAT).filter((m) => m.fromBot)).toHaveLength(1);

    expect((await postUpdate(880_001, "/help")).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tg.chat(CHAT).filter((m) => m.fromBot)).toHaveLength(1);
  }, 30_000);
});
