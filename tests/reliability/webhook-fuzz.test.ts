import fc from "fast-check";
import { addDays, formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import { deliverDueMessages } from "@/lib/notify/deliver";
import { POST as telegramWebhook } from "@/app/api/telegram/webhook/route";
import { POST as midtransNotification } from "@/app/api/midtrans/notification/route";
import { auditLog } from "@/db/schema";
import { statusOfTransaction } from "@/lib/payments/payment-state";
import { consistencyProblems } from "@/tests/support/consistency";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { readOrder } from "@/tests/support/payment-fixtures";
import { snapOrder } from "@/tests/support/snap-order";
import { nextUpdateId, TelegramCustomer, TEST_WEBHOOK_SECRET, type Update } from "@/tests/support/telegram-customer";
import type { Fault } from "@/tests/support/telegram-stand-in";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/**
 * Generated bad input at the two webhooks, over loopback HTTP (issue 7, "Bad
 * input"): random and mutated Telegram updates and Midtrans notifications. Every
 * answer must be a deliberate status code (never a 500), no promise may be left
 * rejected, and a rejected request must change no row (for Midtrans: none but
 * its audit entry). Seeded: a failure prints the seed and path to replay it.
 */
const SEED = 20_261_129;
const RUNS = 40;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const suite = registerSuiteDatabase({
  bot: true,
  midtrans: true,
  routes: { "POST /api/telegram/webhook": telegramWebhook, "POST /api/midtrans/notification": midtransNotification },
});
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});
let errors: jest.SpyInstance;
beforeEach(() => {
  errors = jest.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(async () => {
  errors.mockRestore();
  await new Promise((resolve) => setImmediate(resolve));
  expect(unhandled).toEqual([]);
  expect(await consistencyProblems(suite.db)).toEqual([]);
});

async function post(path: string, body: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`${suite.app.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  await response.arrayBuffer();
  return response.status;
}

// ---- generators -------------------------------------------------------------

const nasty = fc.constantFrom(
  "",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "💥".repeat(50),
  "' OR 1=1; DROP TABLE orders; --",
  "<script>alert(1)</script>",
  "9".repeat(40),
  "/start \u0000",
  "/status 12345678",
  "/start order",
  "w:zzzzzz:bn",
  "o:cy:12345678",
);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }), nasty);
const number = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 53, 2 ** 64, 1.5, Number.MAX_SAFE_INTEGER, 5559001));
const junk = fc.oneof(number, text, fc.constant(null), fc.boolean(), fc.jsonValue({ maxDepth: 2 }));
const user = fc.record(
  { id: fc.oneof(number, junk), is_bot: fc.oneof(fc.boolean(), junk), first_name: text, last_name: text, username: text, language_code: text },
  { requiredKeys: [] },
);
const chat = fc.record({ id: fc.oneof(number, junk), type: fc.oneof(fc.constantFrom("private", "group", "supergroup", "channel"), text) }, { requiredKeys: [] });
const message = fc.record(
  {
    message_id: number,
    date: number,
    from: fc.oneof(user, junk),
    chat: fc.oneof(chat, junk),
    text: fc.oneof(text, junk),
    entities: fc.oneof(fc.constant([{ offset: 0, length: 6, type: "bot_command" }]), junk),
    sticker: fc.oneof(fc.constant({ file_id: "x", emoji: "👍" }), junk),
  },
  { requiredKeys: [] },
);
const callback = fc.record(
  { id: fc.oneof(text, junk), chat_instance: text, from: fc.oneof(user, junk), message: fc.oneof(message, junk), data: fc.oneof(text, junk) },
  { requiredKeys: [] },
);
const randomUpdate = fc.record(
  {
    update_id: fc.oneof(fc.integer({ min: 1, max: 2 ** 31 }), junk),
    message: fc.oneof(message, junk),
    edited_message: message,
    callback_query: fc.oneof(callback, junk),
    channel_post: message,
    my_chat_member: junk,
  },
  { requiredKeys: [] },
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Mutation = { pick: number; op: "delete" | "replace"; value: unknown };
const mutations = fc.array(fc.record({ pick: fc.nat(), op: fc.constantFrom("delete" as const, "replace" as const), value: junk }), {
  minLength: 1,
  maxLength: 3,
});

function paths(value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
}

/** A deep copy of `value` with each mutation applied to one of its paths (picked by index). */
function mutate<T>(value: T, list: Mutation[]): T {
  const copy = structuredClone(value) as Json;
  for (const { pick, op, value: replacement } of list) {
    const all = paths(copy);
    if (all.length === 0) break;
    const path = all[pick % all.length]!;
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key]!, copy) as Record<string, Json>;
    const key = path.at(-1)!;
    if (op === "delete") delete parent[key];
    else parent[key] = replacement as Json;
  }
  return copy as T;
}

// ---- properties ---------------------------------------------------------------

const TELEGRAM_ANSWERS = [200, 400];
const MIDTRANS_REJECTIONS = [400, 401, 404, 503];

async function sendUpdate(body: string): Promise<void> {
  const before = await snapshotTables(suite.db);
  const status = await post("/api/telegram/webhook", body, { "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET });
  expect(TELEGRAM_ANSWERS).toContain(status);
  if (status !== 200) expect(await snapshotTables(suite.db)).toEqual(before);
}

async function sendNotification(body: string, allowed: number[]): Promise<number> {
  // A refusal writes its (capped) audit excerpt and counts in rate_limits; nothing else.
  const except = ["audit_log", "rate_limits"];
  const before = await snapshotTables(suite.db, { except });
  const auditBefore = (await suite.db.select().from(auditLog).orderBy(auditLog.id)).length;
  const status = await post("/api/midtrans/notification", body);
  expect(allowed).toContain(status);
  if (status !== 200) {
    expect(await snapshotTables(suite.db, { except })).toEqual(before);
    const added = (await suite.db.select().from(auditLog).orderBy(auditLog.id)).slice(auditBefore);
    const REFUSALS = ["payment.notification_rejected", "payment.notifications_rejected_counted"];
    expect(added.map((row) => row.action).filter((action) => !REFUSALS.includes(action))).toEqual([]);
  }
  return status;
}

describe("generated Telegram updates at POST /api/telegram/webhook", () => {
  it("random updates and random bodies get 200 or 400, and a 400 changes nothing", async () => {
    const body = fc.oneof(
      { weight: 4, arbitrary: randomUpdate.map((u) => JSON.stringify(u)) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
    );
    // Found by this property, kept as examples: shapes Telegram never sends used to crash the apology (500).
    const examples: [string][] = [['{"update_id":1,"callback_query":true}'], ['{"update_id":2,"message":{"from":{"id":1,"first_name":"x"}}}']];
    await fc.assert(fc.asyncProperty(body, sendUpdate), { seed: SEED, numRuns: RUNS * 2, examples });
  });

  it("mutated real updates (commands, dates, button taps) get 200 or 400, and a 400 changes nothing", async () => {
    const customer = new TelegramCustomer(suite.tg, { id: 5559001, firstName: "Fuzz", username: "fuzz_f", languageCode: "id" });
    const bot = { messageId: 101, text: "Ringkasan Booking" };
    const bases = [
      customer.textUpdate("/start order"),
      customer.textUpdate("/status 12345678"),
      customer.textUpdate("01/12/2030"),
      customer.callbackUpdate(bot, "w:abc123:bn"),
      customer.callbackUpdate(bot, "o:cy:12345678"),
      customer.stickerUpdate(),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bases), mutations, async (base, list) => {
        await sendUpdate(JSON.stringify(mutate({ ...base, update_id: nextUpdateId() }, list)));
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });
});

describe("generated customers while the Bot API fails at random", () => {
  it("random walks through the bot (typed text, taps on what the chat shows) get 200, and every queued message is sent once", async () => {
    const typed = fc.constantFrom("/order", "/start order", "/status", "/cancel", "/help", "/catalog", "halo", "31/02/2031", "01/01/2000", "besok");
    // Mostly what a customer does (taps on the current menu, a date when asked), sometimes anything.
    const action = fc.oneof(
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("text" as const), text: fc.oneof(typed, text) }) },
      { weight: 6, arbitrary: fc.record({ kind: fc.constant("tap" as const), pick: fc.nat(), stale: fc.boolean() }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant("date" as const), days: fc.integer({ min: -2, max: 40 }) }) },
    );
    const fault = fc.option(
      fc.constantFrom<Fault>({ status: 429, retryAfter: 1 }, { status: 500 }, { status: 403, description: "Forbidden: bot was blocked by the user" }),
      { freq: 3 },
    );
    let chatId = 5_559_100;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(action, fault), { minLength: 1, maxLength: 14 }), async (steps) => {
        const customer = new TelegramCustomer(suite.tg, { id: ++chatId, firstName: "Acak" });
        await sendUpdate(JSON.stringify(customer.textUpdate("/order")));
        for (const [step, failure] of steps) {
          if (failure) suite.tg.failNext(1, failure);
          let update: Update | undefined;
          if (step.kind === "text") update = customer.textUpdate(step.text);
          else if (step.kind === "date") update = customer.textUpdate(formatDateDmy(addDays(todayInJakarta(), step.days)));
          else {
            const withButtons = customer.botMessages().filter((m) => m.keyboard.flat().some((b) => b.callback_data));
            const menus = step.stale && step.pick % 4 === 0 ? withButtons : withButtons.slice(-1);
            const leaving = (label: string) => step.pick % 6 !== 0 && /cancel|batal/i.test(label);
            const buttons = menus.flatMap((m) => m.keyboard.flat().filter((b) => b.callback_data && !leaving(b.text)).map((b) => ({ m, b })));
            const chosen = buttons[step.pick % Math.max(1, buttons.length)];
            if (chosen) update = customer.callbackUpdate(chosen.m, chosen.b.callback_data!);
          }
          if (update) await sendUpdate(JSON.stringify(update));
        }
        suite.tg.clearFaults();
        await deliverDueMessages({ now: new Date(Date.now() + 3_600_000), limit: 100 });
      }),
      { seed: SEED, numRuns: RUNS / 2 },
    );
    expect(await consistencyProblems(suite.db, { tg: suite.tg })).toEqual([]);
  });
});

describe("generated Midtrans notifications at POST /api/midtrans/notification", () => {
  it("random bodies are refused (400/401/404) with nothing but their audit entry written", async () => {
    const fields = fc.record(
      { order_id: text, status_code: text, gross_amount: text, signature_key: text, transaction_status: text, fraud_status: text },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fields.map((f) => JSON.stringify(f)),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.string({ unit: "binary", maxLength: 80 }),
    );
    // Found by this property, kept as examples: a NUL (or lone surrogate) in a field failed the audit insert (500).
    const examples: [string][] = [['{"transaction_status":"a\\u0000b"}'], ['{"order_id":"x\\u0000","status_code":"200","gross_amount":"1.00","signature_key":"s","transaction_status":"settlement"}'], ['{"order_id":"\\ud800"}']];
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        await sendNotification(b, [400, 401, 404]);
      }),
      { seed: SEED, numRuns: RUNS * 2, examples },
    );
  });

  it("mutated genuine notifications are applied only as the Status API confirms, or refused changing nothing", async () => {
    const { order, orderId } = await snapOrder(suite.db, suite.midtrans);
    suite.midtrans.setTransaction(orderId, { transaction_status: "pending", payment_type: "bank_transfer" });
    const genuine = suite.midtrans.notificationBody(orderId);
    const statuses = fc.constantFrom("pending", "pending", "settlement", "capture", "deny", "cancel", "expire", "refund", "bogus");
    // The order may only reach a status the Status API has stated: never one a (mutated) body merely claims.
    const stated = new Set<string>(["unpaid"]);
    await fc.assert(
      fc.asyncProperty(mutations, statuses, async (list, truth) => {
        suite.midtrans.setTransaction(orderId, { transaction_status: truth, fraud_status: "accept" });
        stated.add(statusOfTransaction({ transaction_status: truth, fraud_status: "accept" }) ?? "unpaid");
        const status = await sendNotification(JSON.stringify(mutate(genuine, list)), [200, ...MIDTRANS_REJECTIONS]);
        if (status === 200) expect(stated).toContain((await readOrder(suite.db, order.id)).paymentStatus);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
