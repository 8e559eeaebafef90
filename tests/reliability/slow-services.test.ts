import { dropAfterResponse, restoreAfterResponse } from "@/tests/support/after-response";
import { orders, outbox } from "@/db/schema";
import { deliverDueMessages } from "@/lib/notify/deliver";
import { walkWizard } from "@/tests/support/bot-flows";
import { readOutbox } from "@/tests/support/payment-fixtures";
import { setupServiceBed } from "@/tests/support/service-bed";
import { TelegramCustomer } from "@/tests/support/telegram-customer";

/**
 * Telegram or Midtrans not answering at all (issue 7, "Faults"): each such call
 * waits for its client's timeout, so these tests take seconds. Messages still
 * reach the customer exactly once, and a booking that was made is never
 * followed by an apology.
 */
const bed = setupServiceBed();
const { delivered, notifyUrl, paidAtMidtrans } = bed;
const after = (from: Date, ms: number) => new Date(from.getTime() + ms);

afterEach(restoreAfterResponse);

describe("the Bot API does not answer", () => {
  it("a payment message refused with 429 (retry_after), then 500, then no answer at all, reaches the customer exactly once", async () => {
    // The instance that took the notification never got to send after its answer: only the senders below do.
    dropAfterResponse();
    const { order, orderId } = await paidAtMidtrans(5556001);
    expect((await bed.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
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
    expect(delivered(order.chatId!, "✅ Pembayaran diterima")).toHaveLength(0);

    // Midtrans repeats the notification meanwhile: nothing new is queued.
    expect((await bed.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect(await deliverDueMessages({ now: after(t0, 7_200_000) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await deliverDueMessages({ now: after(t0, 36_000_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(delivered(order.chatId!, "✅ Pembayaran diterima")).toHaveLength(1);
    expect(await readOutbox(bed.db.db)).toMatchObject([{ attempts: 4 }]);
  }, 30_000);

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
    bed.midtrans.fault("charge", { delayMs: 6_000, times: 1 });
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

