import type { Order } from "@/db/schema";
import { bookOrder, holdRanOut } from "@/tests/support/payment-fixtures";
import { registerAppSuite } from "@/tests/support/app-suite";

const SECRET = "e2e-webhook-secret_1";
const CHAT = 5557001;
/** Another customer's booking whose hold ran out an hour ago, not swept yet. */
const LAPSED_CHAT = 5557002;
let lapsed: Order;

const suite = registerAppSuite({
  webhookSecret: SECRET,
  env: { SESSION_SECRET: "e2e-session-secret-0123456789abcdef" },
  prepare: async (db) => {
    lapsed = await bookOrder(db, { chatId: LAPSED_CHAT, ...holdRanOut() });
  },
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
  return fetch(`${suite.app.url}/api/telegram/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body: JSON.stringify(update),
  });
}

describe("the webhook under next start", () => {
  it("bot traffic picks up due work like the web routes: after the first update, a hold that ran out is expired and its customer told", async () => {
    // The instance's first update: nothing has swept yet.
    expect((await postUpdate(880_000, "/help")).status).toBe(200);
    await suite.tg.waitFor(() => suite.tg.chat(LAPSED_CHAT).some((m) => m.fromBot), 15_000);
    const told = suite.tg.chat(LAPSED_CHAT).filter((m) => m.fromBot);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain(lapsed.bookingCode);
    await suite.tg.waitFor(() => suite.tg.chat(CHAT).some((m) => m.fromBot), 10_000);
  }, 30_000);

  it("answers Telegram once the update is committed; the bot's reply follows after the answer, and a re-delivery adds nothing", async () => {
    const fromBot = () => suite.tg.chat(CHAT).filter((m) => m.fromBot);
    const before = fromBot().length;
    // The Bot API holds the reply for 3 s: Telegram's answer must not wait for it.
    suite.tg.failNext(1, { delayMs: 3_000 }, { method: "sendMessage" });
    const response = await postUpdate(880_001, "/help");
    expect(response.status).toBe(200);
    expect(fromBot()).toHaveLength(before);

    await suite.tg.waitFor(() => fromBot().length > before, 10_000);
    expect(fromBot()).toHaveLength(before + 1);

    expect((await postUpdate(880_001, "/help")).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fromBot()).toHaveLength(before + 1);
  }, 30_000);
});
