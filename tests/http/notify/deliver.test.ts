import { eq } from "drizzle-orm";
import { GET as cronMaintenance } from "@/app/api/cron/maintenance/route";
import { outbox, type Order } from "@/db/schema";
import { createBooking } from "@/lib/booking/create-booking";
import { overrideEnv } from "@/lib/env";
import { afterResponse } from "@/lib/http/after-response";
import { resetDueWork, runDueWork } from "@/lib/jobs/due-work";
import { backoffDelayMs, deliverDueMessages, MAX_DELIVERY_ATTEMPTS, sendQueuedMessages } from "@/lib/notify/deliver";
import { notifyOrderEvent } from "@/lib/notify/outbox";
import { settleAfterResponse } from "@/tests/support/after-response";
import { TOMORROW } from "@/tests/support/bot-flows";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const CRON_SECRET = "cron-secret-for-tests-0123456789";
let order: Order;
let errors: jest.SpyInstance;
const suite = registerSuiteDatabase({ poolMax: 10, bot: true, env: { CRON_SECRET } });
beforeEach(async () => {
  const booked = await createBooking(suite.db, {
    chatId: 5550040,
    customerName: "Umar",
    deviceId: 10,
    partId: 1,
    slotId: 1,
    serviceDate: TOMORROW(),
    paymentMethod: "gopay",
  });
  if (!booked.ok) throw new Error(booked.reason);
  order = booked.order;
  errors = jest.spyOn(console, "error").mockImplementation(() => {});
});

afterEach(() => errors.mockRestore());

const queuePaymentReceived = () => notifyOrderEvent(suite.db, { order, event: { kind: "payment_received" } });
const row = async () => (await suite.db.select().from(outbox))[0]!;
const later = (ms: number) => new Date(Date.now() + ms);
const paymentMessages = () => suite.tg.callsOf("sendMessage").filter((c) => c.status === 200 && String(c.params.text).startsWith("✅ Pembayaran diterima"));

describe("deliverDueMessages", () => {
  it("sends a queued message once, marks it sent, and never sends it again", async () => {
    expect(await queuePaymentReceived()).toBe(true);
    expect(await queuePaymentReceived()).toBe(false);
    expect(await deliverDueMessages({ limit: 10 })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await deliverDueMessages({ limit: 10, now: later(3_600_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(paymentMessages()).toHaveLength(1);
    expect((await row()).sentAt).not.toBeNull();
  });

  it("after a 429 it waits the retry_after Telegram asked for, then sends", async () => {
    await queuePaymentReceived();
    suite.tg.failNext(1, { status: 429, retryAfter: 30 });
    const now = new Date();
    expect(await deliverDueMessages({ limit: 10, now })).toEqual({ sent: 0, failed: 0, retried: 1 });
    const waiting = await row();
    expect(waiting.nextAt.getTime()).toBe(now.getTime() + 30_000);
    expect(waiting.lastError).toBe("429: Too Many Requests: retry after 30");
    expect(await deliverDueMessages({ limit: 10, now: later(20_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await deliverDueMessages({ limit: 10, now: later(31_000) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(paymentMessages()).toHaveLength(1);
  });

  it("after a 500 it backs off and retries, and gives up after the last attempt", async () => {
    await queuePaymentReceived();
    suite.tg.failNext(1, { status: 500 });
    const now = new Date();
    expect(await deliverDueMessages({ limit: 10, now })).toEqual({ sent: 0, failed: 0, retried: 1 });
    const delay = (await row()).nextAt.getTime() - now.getTime();
    expect(delay).toBeGreaterThanOrEqual(4_000);
    expect(delay).toBeLessThanOrEqual(6_000);
    expect(await deliverDueMessages({ limit: 10, now: later(7_000) })).toEqual({ sent: 1, failed: 0, retried: 0 });

    await notifyOrderEvent(suite.db, { order, event: { kind: "reminder" } });
    suite.tg.failNext(MAX_DELIVERY_ATTEMPTS, { status: 502 });
    let at = Date.now() + 1_000; // next_at is the database's now(), with microseconds: start clearly after it
    const reports = [];
    for (let i = 0; i < MAX_DELIVERY_ATTEMPTS; i++) {
      reports.push(await deliverDueMessages({ limit: 10, now: new Date(at) }));
      at += 3_600_000;
    }
    expect(reports.at(-1)).toEqual({ sent: 0, failed: 1, retried: 0 });
    const [reminder] = await suite.db.select().from(outbox).where(eq(outbox.dedupeKey, `order:${order.id}:reminder`));
    expect(reminder).toMatchObject({ attempts: MAX_DELIVERY_ATTEMPTS, sentAt: null });
    expect(reminder!.failedAt).not.toBeNull();
    expect(await deliverDueMessages({ limit: 10, now: new Date(at + 3_600_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
  });

  it("a refusal that retrying cannot fix (bot blocked) is given up at once", async () => {
    await queuePaymentReceived();
    suite.tg.failNext(1, { status: 403, description: "Forbidden: bot was blocked by the user" });
    expect(await deliverDueMessages({ limit: 10 })).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect((await row()).lastError).toBe("403: Forbidden: bot was blocked by the user");
  });

  it("a stored row that is not a Bot API call is given up at once, without asking Telegram", async () => {
    await suite.db.insert(outbox).values({ chatId: 5550040, dedupeKey: "broken", payload: { method: "sendMessage", params: null as never } });
    expect(await deliverDueMessages({ limit: 10 })).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect((await row()).lastError).toBe("not a Bot API call");
    expect(suite.tg.callsOf("sendMessage")).toEqual([]);
  });

  it("two senders working at once send each message once", async () => {
    await queuePaymentReceived();
    await notifyOrderEvent(suite.db, { order, event: { kind: "reminder" } });
    suite.tg.failNext(1, { delayMs: 150 });
    const reports = await Promise.all([deliverDueMessages({ limit: 10 }), deliverDueMessages({ limit: 10 }), deliverDueMessages({ limit: 10 })]);
    expect(reports.every((r) => r.failed === 0 && r.retried === 0)).toBe(true);
    // A sender whose claim came while another held a row may find nothing left for it; a next round picks up what none took.
    const after = await deliverDueMessages({ limit: 10 });
    expect(reports.reduce((n, r) => n + r.sent, 0) + after.sent).toBe(2);
    expect(suite.tg.callsOf("sendMessage")).toHaveLength(2);
  });

  it("a retry that falls due is sent by the due work that follows ordinary requests", async () => {
    await queuePaymentReceived();
    suite.tg.failNext(1, { status: 500 });
    expect(await deliverDueMessages({ limit: 10 })).toEqual({ sent: 0, failed: 0, retried: 1 });
    resetDueWork();
    expect(await runDueWork(later(60_000))).toContain("delivered");
    expect(paymentMessages()).toHaveLength(1);
    expect((await row()).sentAt).not.toBeNull();
  });

  it("what a request queued is sent after its answer (here by the test harness' runner)", async () => {
    await queuePaymentReceived();
    afterResponse(sendQueuedMessages);
    await settleAfterResponse();
    expect(paymentMessages()).toHaveLength(1);
    expect((await row()).sentAt).not.toBeNull();
  });

  // Its refusal without the cron secret is tested with the other crons' in tests/http/payments/cron-routes.test.ts.
  it("the daily cron sends what is queued and reports what it sent", async () => {
    await queuePaymentReceived();
    const response = await cronMaintenance(new Request("http://localhost/api/cron/maintenance", { headers: { authorization: `Bearer ${CRON_SECRET}` } }));
    expect(response.status).toBe(200);
    // The order is tomorrow's: past 08.00 WIB the same run also queues and sends its reminder.
    expect((await response.json()).delivered).toEqual({ sent: suite.tg.callsOf("sendMessage").length, failed: 0, retried: 0 });
    expect(paymentMessages()).toHaveLength(1);
  });
});

describe("backoffDelayMs", () => {
  it("doubles from 5 s with jitter and stops growing at 30 minutes", () => {
    expect(backoffDelayMs(1, () => 0.5)).toBe(5_000);
    expect(backoffDelayMs(2, () => 0.5)).toBe(10_000);
    expect(backoffDelayMs(3, () => 0)).toBe(16_000);
    expect(backoffDelayMs(30, () => 0.5)).toBe(1_800_000);
  });
});

afterAll(() => overrideEnv({ CRON_SECRET: undefined }));
