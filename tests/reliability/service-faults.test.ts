import { POST as notificationRoute } from "@/app/api/midtrans/notification/route";
import { claimOutboxMessages } from "@/db/queries/outbox";
import { orders, outbox } from "@/db/schema";
import { overrideEnv } from "@/lib/env";
import { deliverDueMessages } from "@/lib/notify/deliver";
import { issueVirtualAccount } from "@/lib/payments/issue-virtual-account";
import { startSnapPayment } from "@/lib/payments/start-payment";
import { walkWizard } from "@/tests/support/bot-flows";
import { setupFaultBed } from "@/tests/support/fault-bed";
import { startMidtransStandIn, type MidtransStandIn } from "@/tests/support/midtrans-stand-in";
import { bookOrder, readAudit, readOrder, readOutbox, readPayments } from "@/tests/support/payment-fixtures";
import { snapOrder } from "@/tests/support/snap-order";
import { serveRoutes, type ServedRoutes } from "@/tests/support/serve-routes";
import { postUpdate, TelegramCustomer } from "@/tests/support/telegram-customer";

/**
 * The services around the app failing (issue 7, "Faults"): the Bot API answers
 * 429 with retry_after, 500, or nothing at all (a timeout), and the Midtrans
 * Status API times out. Messages are retried through the outbox and reach the
 * customer exactly once; a notification that cannot be confirmed is answered
 * 503 and applied when Midtrans retries it.
 */
const bed = setupFaultBed();
let midtrans: MidtransStandIn;
let app: ServedRoutes;
beforeAll(async () => {
  midtrans = await startMidtransStandIn();
  app = await serveRoutes({ "POST /api/midtrans/notification": notificationRoute });
});
afterAll(() => Promise.all([midtrans.stop(), app.stop()]));
beforeEach(() => {
  midtrans.reset();
  overrideEnv({ ...midtrans.env(), MIDTRANS_VERIFY_STATUS: "true" });
});

const notifyUrl = () => `${app.url}/api/midtrans/notification`;
const after = (from: Date, ms: number) => new Date(from.getTime() + ms);
const delivered = (chatId: number, prefix: string) =>
  bed.tg.callsOf("sendMessage").filter((c) => c.status === 200 && c.params.chat_id === chatId && String(c.params.text).startsWith(prefix));

const paidAtMidtrans = (chatId: number) => snapOrder(bed.db.db, midtrans, { chatId, status: "settlement" });

describe("the Bot API fails", () => {
  it("a payment message refused with 429 (retry_after), then 500, then no answer at all, reaches the customer exactly once", async () => {
    const { order, orderId } = await paidAtMidtrans(5556001);
    expect((await midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect(await readOutbox(bed.db.db)).toHaveLength(1);

    bed.tg.failNext(1, { status: 429, retryAfter: 7 });
    bed.tg.failNext(1, { status: 500 });
    bed.tg.failNext(1, { hangMs: 8_500 }); // past the client's 8 s: a timeout, and Telegram never acted on it
    const t0 = new Date(Date.now() + 1_000);
    expect(await deliverDueMessages({ now: t0 })).toEqual({ sent: 0, failed: 0, retried: 1 });
    const [waiting] = await readOutbox(bed.db.db);
    expect(waiting!.nextAt).toEqual(after(t0, 7_000));
    expect(await deliverDueMessages({ now: after(t0, 6_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await deliverDueMessages({ now: after(t0, 8_000) })).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await deliverDueMessages({ now: after(t0, 3_600_000) })).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect((await readOutbox(bed.db.db))[0]!.lastError).toMatch(/abort|timeout|timed out/i);
    expect(delivered(order.chatId, "✅ Pembayaran diterima")).toHaveLength(0);

    // Midtrans repeats the notification meanwhile: nothing new is queued.
    expect((await midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect(await deliverDueMessages({ now: after(t0, 7_200_000) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await deliverDueMessages({ now: after(t0, 36_000_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(delivered(order.chatId, "✅ Pembayaran diterima")).toHaveLength(1);
    expect(await readOutbox(bed.db.db)).toMatchObject([{ attempts: 4 }]);
  }, 30_000);

  it("Book Now while the Bot API answers 429 and 500: the booking is kept, and each of its messages arrives once", async () => {
    const customer = new TelegramCustomer(bed.tg, { id: 5556002, firstName: "Wati" });
    await walkWizard(customer, "summary");
    const summary = customer.lastMessage();
    const bookNow = customer.tapUpdate("Book Now");
    bed.tg.failNext(1, { status: 429, retryAfter: 3 }, { method: "editMessageText" });
    bed.tg.failNext(1, { status: 500 }, { method: "sendMessage" });
    expect((await postUpdate(bookNow)).status).toBe(200);
    const [booked] = await bed.db.db.select().from(orders);
    expect(booked).toBeDefined();
    expect(customer.lastMessage().text).toBe(summary.text); // nothing reached the chat yet

    // Telegram re-delivers the update (its answer was slow): still one order, nothing sent twice.
    expect((await postUpdate(bookNow)).status).toBe(200);
    // Once Telegram refused the first call, the rest waited in the outbox untried; its retries meet the 500.
    expect(await deliverDueMessages({ now: new Date(Date.now() + 3_600_000) })).toEqual({ sent: 1, failed: 0, retried: 1 });
    expect(await deliverDueMessages({ now: new Date(Date.now() + 7_200_000) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await bed.db.db.select().from(orders)).toHaveLength(1);
    expect(delivered(5556002, "✅ Booking berhasil!")).toHaveLength(1);
    expect(customer.botMessages().find((m) => m.messageId === summary.messageId)!.text).toContain(booked!.bookingCode);
    expect((await bed.db.db.select().from(outbox)).every((row) => row.sentAt !== null)).toBe(true);
  });
  it("Book Now while the Bot API does not answer at all: 200 without an apology, and every message arrives once when it is back", async () => {
    const customer = new TelegramCustomer(bed.tg, { id: 5556005, firstName: "Xena" });
    await walkWizard(customer, "summary");
    const summary = customer.lastMessage();
    bed.tg.failNext(20, { hangMs: 8_500 });
    expect((await customer.tap("Book Now")).status).toBe(200);
    bed.tg.clearFaults();
    const [booked] = await bed.db.db.select().from(orders);
    expect(booked).toBeDefined();
    // The booking is committed: the customer must not be told that something went wrong.
    expect(bed.tg.callsOf("sendMessage").filter((c) => String(c.params.text).startsWith("Maaf"))).toEqual([]);

    const report = await deliverDueMessages({ now: new Date(Date.now() + 3_600_000) });
    expect(report.failed).toBe(0);
    expect(delivered(5556005, "✅ Booking berhasil!")).toHaveLength(1);
    expect(customer.botMessages().find((m) => m.messageId === summary.messageId)!.text).toContain(booked!.bookingCode);
    expect((await bed.db.db.select().from(outbox)).every((row) => row.sentAt !== null)).toBe(true);
  }, 40_000);
});

describe("Book Now of a bank VA while Telegram and Midtrans are both slow", () => {
  it("the update outlives the handler's time after its commit: 200 and no apology for a booking that was made; the VA news follows", async () => {
    const customer = new TelegramCustomer(bed.tg, { id: 5556008, firstName: "Bayu" });
    await walkWizard(customer, "summary", { method: "BCA Virtual Account" });
    bed.tg.failNext(1, { hangMs: 8_500 }, { method: "editMessageText" });
    midtrans.fault("charge", { delayMs: 6_000, times: 1 });
    expect((await customer.tap("Book Now")).status).toBe(200);
    const [booked] = await bed.db.db.select().from(orders);
    expect(booked).toBeDefined();
    // The work after the answer goes on: the VA is issued and its message queued (behind the confirmation).
    const vaQueued = async () => (await readOutbox(bed.db.db)).some((row) => row.dedupeKey.endsWith(":virtual-account"));
    for (let i = 0; i < 1_000 && !(await vaQueued()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(bed.tg.callsOf("sendMessage").filter((c) => String(c.params.text).startsWith("Maaf"))).toEqual([]);
    expect(await vaQueued()).toBe(true);
    expect(delivered(5556008, "💳")).toEqual([]);
    await deliverDueMessages({ now: new Date(Date.now() + 3_600_000) });
    const news = bed.tg.callsOf("sendMessage").filter((c) => c.status === 200 && /^(✅ Booking berhasil|💳)/u.test(String(c.params.text)));
    expect(news.map((c) => [...String(c.params.text)][0])).toEqual(["✅", "💳"]);
  }, 60_000);
});

describe("an outbox sender dies", () => {
  it("after claiming a message and before sending it: the next sender sends it once, when the claim runs out", async () => {
    const { order, orderId } = await paidAtMidtrans(5556007);
    expect((await midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    const t0 = new Date(Date.now() + 1_000);
    expect(await claimOutboxMessages(bed.db.db, { limit: 10, now: t0, lockMs: 60_000 })).toHaveLength(1); // …and the instance is gone
    expect(await deliverDueMessages({ now: after(t0, 30_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await deliverDueMessages({ now: after(t0, 61_000) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await deliverDueMessages({ now: after(t0, 3_600_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(delivered(order.chatId, "✅ Pembayaran diterima")).toHaveLength(1);
  });
});

describe("the Midtrans Status API fails", () => {
  it("times out: the notification is answered 503 with nothing changed, and Midtrans' retry applies it once", async () => {
    const { order, orderId } = await paidAtMidtrans(5556003);
    midtrans.fault("status", { status: 0, times: 1 });
    expect((await midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(503);
    expect((await readOrder(bed.db.db, order.id)).paymentStatus).toBe("unpaid");
    expect(await readOutbox(bed.db.db)).toEqual([]);
    const [rejected] = await readAudit(bed.db.db, "payment.notification_rejected");
    expect(rejected!.after).toMatchObject({ verdict: "not_confirmed", reason: "status_api_unavailable" });

    expect((await midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await readOrder(bed.db.db, order.id)).paymentStatus).toBe("paid");
    expect(await readOutbox(bed.db.db)).toHaveLength(1);
    expect(await readAudit(bed.db.db, "payment.status_changed")).toHaveLength(1);
  }, 20_000);

  it("answers 500: the notification is answered 503, and applied on the retry", async () => {
    const { order, orderId } = await paidAtMidtrans(5556004);
    midtrans.fault("status", { status: 500, times: 2 });
    expect((await midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(503);
    expect((await midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(503);
    expect((await readOrder(bed.db.db, order.id)).paymentStatus).toBe("unpaid");
    expect((await midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await readOrder(bed.db.db, order.id)).paymentStatus).toBe("paid");
  });
});

describe("Midtrans fails while a second payment attempt replaces a VA", () => {
  it("the cancel of the VA is refused (500): no second payable attempt; once Midtrans is back the new attempt replaces it, and both paying is flagged", async () => {
    const order = await bookOrder(bed.db.db, { paymentMethod: "bca_va", chatId: 5556006 });
    const va = await issueVirtualAccount(bed.db.db, { orderId: order.id });
    expect(va).toBeDefined();
    midtrans.fault("cancel", { status: 500, times: 1 });
    expect((await startSnapPayment(bed.db.db, { token: order.statusToken })).ok).toBe(false);
    const afterRefusal = await readPayments(bed.db.db, order.id);
    expect(afterRefusal.map((p) => [p.kind, p.transactionStatus])).toEqual([["core", "pending"]]);

    const snap = await startSnapPayment(bed.db.db, { token: order.statusToken });
    expect(snap.ok).toBe(true);
    const attempts = await readPayments(bed.db.db, order.id);
    expect(attempts.map((p) => [p.kind, p.transactionStatus])).toEqual([["core", "cancel"], ["snap", null]]);

    // The bank took the VA transfer anyway (a race at Midtrans), and the customer also paid by Snap.
    for (const attempt of attempts) {
      midtrans.setTransaction(attempt.midtransOrderId, { transaction_status: "settlement", fraud_status: "accept", payment_type: "bank_transfer" });
      expect((await midtrans.sendNotification(notifyUrl(), attempt.midtransOrderId)).status).toBe(200);
    }
    expect(await readOrder(bed.db.db, order.id)).toMatchObject({ paymentStatus: "paid", needsRefund: true });
  });
});
