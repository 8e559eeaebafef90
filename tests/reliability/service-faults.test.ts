import { dropAfterResponse, restoreAfterResponse } from "@/tests/support/after-response";
import { claimOutboxMessages } from "@/db/queries/outbox";
import { orders, outbox } from "@/db/schema";
import { deliverDueMessages } from "@/lib/notify/deliver";
import { issueVirtualAccount } from "@/lib/payments/issue-virtual-account";
import { startSnapPayment } from "@/lib/payments/start-payment";
import { walkWizard } from "@/tests/support/bot-flows";
import { bookOrder, readAudit, readOrder, readOutbox, readPayments } from "@/tests/support/payment-fixtures";
import { setupServiceBed } from "@/tests/support/service-bed";
import { postUpdate, TelegramCustomer } from "@/tests/support/telegram-customer";

/**
 * The services around the app failing (issue 7, "Faults"): the Bot API answers
 * 429 with retry_after or 500, an outbox sender dies, the Midtrans Status API
 * times out or fails, Midtrans refuses a cancel. Messages are retried through
 * the outbox and reach the customer exactly once; a notification that cannot
 * be confirmed is answered 503 and applied when Midtrans retries it. (The
 * faults that take seconds, Telegram not answering at all, are in slow-services.)
 */
const bed = setupServiceBed();
const { delivered, notifyUrl, paidAtMidtrans } = bed;
const after = (from: Date, ms: number) => new Date(from.getTime() + ms);

afterEach(restoreAfterResponse);

describe("the Bot API fails", () => {
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
});

describe("an outbox sender dies", () => {
  it("after claiming a message and before sending it: the next sender sends it once, when the claim runs out", async () => {
    // The instance that took the notification never got to send after its answer: only the senders below do.
    dropAfterResponse();
    const { order, orderId } = await paidAtMidtrans(5556007);
    expect((await bed.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    const t0 = new Date(Date.now() + 1_000);
    expect(await claimOutboxMessages(bed.db.db, { limit: 10, now: t0, lockMs: 60_000 })).toHaveLength(1); // …and the instance is gone
    expect(await deliverDueMessages({ now: after(t0, 30_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await deliverDueMessages({ now: after(t0, 61_000) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await deliverDueMessages({ now: after(t0, 3_600_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(delivered(order.chatId!, "✅ Pembayaran diterima")).toHaveLength(1);
  });
});

describe("the Midtrans Status API fails", () => {
  it("times out: the notification is answered 503 with nothing changed, and Midtrans' retry applies it once", async () => {
    const { order, orderId } = await paidAtMidtrans(5556003);
    bed.midtrans.fault("status", { status: 0, times: 1 });
    expect((await bed.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(503);
    expect((await readOrder(bed.db.db, order.id)).paymentStatus).toBe("unpaid");
    expect(await readOutbox(bed.db.db)).toEqual([]);
    const [rejected] = await readAudit(bed.db.db, "payment.notification_rejected");
    expect(rejected!.after).toMatchObject({ verdict: "not_confirmed", reason: "status_api_unavailable" });

    expect((await bed.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await bed.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await readOrder(bed.db.db, order.id)).paymentStatus).toBe("paid");
    expect(await readOutbox(bed.db.db)).toHaveLength(1);
    expect(await readAudit(bed.db.db, "payment.status_changed")).toHaveLength(1);
  }, 20_000);

  it("answers 500: the notification is answered 503, and applied on the retry", async () => {
    const { order, orderId } = await paidAtMidtrans(5556004);
    bed.midtrans.fault("status", { status: 500, times: 2 });
    expect((await bed.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(503);
    expect((await bed.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(503);
    expect((await readOrder(bed.db.db, order.id)).paymentStatus).toBe("unpaid");
    expect((await bed.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await readOrder(bed.db.db, order.id)).paymentStatus).toBe("paid");
  });
});

describe("Midtrans fails while a second payment attempt replaces a VA", () => {
  it("the cancel of the VA is refused (500): no second payable attempt; once Midtrans is back the new attempt replaces it, and both paying is flagged", async () => {
    const order = await bookOrder(bed.db.db, { paymentMethod: "bca_va", chatId: 5556006 });
    const va = await issueVirtualAccount(bed.db.db, { orderId: order.id });
    expect(va).toBeDefined();
    bed.midtrans.fault("cancel", { status: 500, times: 1 });
    expect((await startSnapPayment(bed.db.db, { token: order.statusToken })).ok).toBe(false);
    const afterRefusal = await readPayments(bed.db.db, order.id);
    expect(afterRefusal.map((p) => [p.kind, p.transactionStatus])).toEqual([["core", "pending"]]);

    const snap = await startSnapPayment(bed.db.db, { token: order.statusToken });
    expect(snap.ok).toBe(true);
    const attempts = await readPayments(bed.db.db, order.id);
    expect(attempts.map((p) => [p.kind, p.transactionStatus])).toEqual([["core", "cancel"], ["snap", null]]);

    // The bank took the VA transfer anyway (a race at Midtrans), and the customer also paid by Snap.
    for (const attempt of attempts) {
      bed.midtrans.setTransaction(attempt.midtransOrderId, { transaction_status: "settlement", fraud_status: "accept", payment_type: "bank_transfer" });
      expect((await bed.midtrans.sendNotification(notifyUrl(), attempt.midtransOrderId)).status).toBe(200);
    }
    expect(await readOrder(bed.db.db, order.id)).toMatchObject({ paymentStatus: "paid", needsRefund: true });
  });
});
