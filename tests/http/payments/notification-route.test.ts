import { SEED_SETTINGS } from "@/db/seed";
import { POST } from "@/app/api/midtrans/notification/route";
import { POST as PAPER_POST } from "@/app/payments/midtrans-notification/route";
import { setDbHandle } from "@/db";
import { openDatabase } from "@/db/client";
import { eq } from "drizzle-orm";
import { orders, type Order } from "@/db/schema";
import { overrideEnv } from "@/lib/env";
import { issueVirtualAccount } from "@/lib/payments/issue-virtual-account";
import { startSnapPayment } from "@/lib/payments/start-payment";
import { bookOrder, readAudit, readOrder, readOutbox, readPayments } from "@/tests/support/payment-fixtures";
import { signNotification } from "@/tests/support/midtrans-stand-in";
import { snapOrder } from "@/tests/support/snap-order";
import { changingNothing } from "@/tests/support/db-snapshot";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ midtrans: true, routes: { "POST /api/midtrans/notification": POST, "POST /payments/midtrans-notification": PAPER_POST } });
const notifyUrl = () => `${suite.app.url}/api/midtrans/notification`;

/** An order with a Snap attempt "<code>-1" at the stand-in, as after "Bayar Sekarang". */
const orderWithSnap = () => snapOrder(suite.db, suite.midtrans, { paymentMethod: "bca_va" });

function customerPaysByVa(orderId: string, status = "settlement", fraud_status = "accept") {
  suite.midtrans.setTransaction(orderId, {
    transaction_status: status,
    fraud_status,
    payment_type: "bank_transfer",
    va_numbers: [{ bank: "bca", va_number: "12345100000099" }],
  });
}

async function nothingChanged(order: Order) {
  const after = await readOrder(suite.db, order.id);
  expect(after.paymentStatus).toBe("unpaid");
  expect(after.version).toBe(order.version);
  expect((await readPayments(suite.db, order.id))[0]!.transactionStatus).toBeNull();
  expect(await readOutbox(suite.db)).toHaveLength(0);
  expect(await readAudit(suite.db, "payment.status_changed")).toHaveLength(0);
}

describe("POST /api/midtrans/notification", () => {
  it("a correctly signed settlement marks the order paid and queues one Telegram message", async () => {
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId);
    const response = await suite.midtrans.sendNotification(notifyUrl(), orderId);
    expect(response.status).toBe(200);

    const paid = await readOrder(suite.db, order.id);
    expect(paid.paymentStatus).toBe("paid");
    expect(paid.paidAt).not.toBeNull();
    const [payment] = await readPayments(suite.db, order.id);
    expect(payment).toMatchObject({
      transactionStatus: "settlement",
      fraudStatus: "accept",
      paymentType: "bank_transfer",
      vaBank: "bca",
      vaNumber: "12345100000099",
    });
    const messages = await readOutbox(suite.db);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.chatId).toBe(order.chatId);
    expect(messages[0]!.payload.params.text).toContain("Pembayaran diterima");
    expect(messages[0]!.payload.params.text).toContain(order.bookingCode);
    expect(messages[0]!.payload.params.text).toContain(`Silakan datang sesuai jadwal.\n📍 ${SEED_SETTINGS.address}\nPeta: ${SEED_SETTINGS.mapsUrl}`);
    // The Status API was asked (the cross-check is on by default).
    expect(suite.midtrans.callsTo("GET", `/v2/${orderId}/status`)).toHaveLength(1);
  });

  it("writes the change to the audit log: actor midtrans, before/after and the notification less its signature_key", async () => {
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId);
    const sent = suite.midtrans.notificationBody(orderId);
    await suite.midtrans.postNotification(notifyUrl(), sent);
    const [entry] = await readAudit(suite.db, "payment.status_changed");
    expect(entry).toMatchObject({ actor: "midtrans", entity: "order", entityId: order.id });
    expect(entry!.before).toMatchObject({ attemptStatus: "unpaid", paymentStatus: "unpaid" });
    expect(entry!.after).toMatchObject({ verdict: "applied", attemptStatus: "paid", paymentStatus: "paid", source: "notification" });
    // Whole, except the signature_key, which is never stored.
    const { signature_key: _signature, ...unsigned } = sent;
    expect((entry!.after as { notification: unknown }).notification).toEqual(unsigned);
    expect(JSON.stringify(entry)).not.toContain(String(sent.signature_key));
  });

  it("answers the same way at the paper's URL /payments/midtrans-notification", async () => {
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId);
    const response = await suite.midtrans.sendNotification(`${suite.app.url}/payments/midtrans-notification`, orderId);
    expect(response.status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("paid");
  });

  it("a signature zeroed, made with another key, over another order, empty or cut short is refused with 401 (a re-coded status: 400), audited, and changes nothing", async () => {
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId);
    const genuine = suite.midtrans.notificationBody(orderId);
    const other = await snapOrder(suite.db, suite.midtrans, { chatId: 5556202, status: "settlement" });
    const forgeries = [
      { ...genuine, signature_key: "0".repeat(128) },
      { ...genuine, signature_key: signNotification(genuine as never, "SB-Mid-server-guessed-key") },
      { ...genuine, signature_key: suite.midtrans.notificationBody(other.orderId).signature_key },
      { ...genuine, signature_key: "" },
      { ...genuine, signature_key: String(genuine.signature_key).slice(0, 64) },
      { ...genuine, status_code: "201" },
    ];
    for (const forged of forgeries) {
      // A refused notification leaves its audit excerpt and counts towards the rejection counters, nothing else.
      const { status } = await changingNothing(suite.db, () => suite.midtrans.postNotification(notifyUrl(), forged), { except: ["audit_log", "rate_limits"] });
      expect([400, 401]).toContain(status);
    }
    await nothingChanged(order);
    const [rejected] = await readAudit(suite.db, "payment.notification_rejected");
    expect(rejected!.after).toMatchObject({ verdict: "bad_signature" });
  });

  it("an amount tampered with after signing fails the signature (401); a signed wrong amount is refused (400)", async () => {
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId);
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId, { tamper: { gross_amount: "1000.00" } })).status).toBe(401);
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId, { set: { gross_amount: "1000.00" } })).status).toBe(400);
    await nothingChanged(order);
    expect((await readAudit(suite.db, "payment.notification_rejected")).map((e) => (e.after as { verdict: string }).verdict)).toEqual([
      "bad_signature",
      "amount_mismatch",
    ]);
  });

  it("an unknown order is 404; bad JSON, an empty body or missing fields are 400; a huge body is 413", async () => {
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId);
    const unknown = suite.midtrans.notificationBody(orderId, { set: { order_id: "99999999-1" } });
    expect((await suite.midtrans.postNotification(notifyUrl(), unknown)).status).toBe(404);
    expect((await suite.midtrans.postNotification(notifyUrl(), "{not json")).status).toBe(400);
    expect((await suite.midtrans.postNotification(notifyUrl(), "")).status).toBe(400);
    expect((await suite.midtrans.postNotification(notifyUrl(), "[1,2]")).status).toBe(400);
    expect((await suite.midtrans.postNotification(notifyUrl(), { order_id: orderId })).status).toBe(400);
    const huge = { ...suite.midtrans.notificationBody(orderId), padding: "x".repeat(200_000) };
    expect((await suite.midtrans.postNotification(notifyUrl(), huge)).status).toBe(413);
    await nothingChanged(order);
  });

  it("the same notification 5 times at once changes the order once and queues one message", async () => {
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId);
    const body = suite.midtrans.notificationBody(orderId);
    const responses = await Promise.all(Array.from({ length: 5 }, () => suite.midtrans.postNotification(notifyUrl(), body)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const after = await readOrder(suite.db, order.id);
    expect(after.paymentStatus).toBe("paid");
    expect(after.version).toBe(order.version + 1);
    expect(await readOutbox(suite.db)).toHaveLength(1);
    expect(await readAudit(suite.db, "payment.status_changed")).toHaveLength(1);
    expect(await readAudit(suite.db, "payment.notification_ignored")).toHaveLength(4);
  });

  it("answers 503 while the database is down, so that Midtrans retries", async () => {
    const { orderId } = await orderWithSnap();
    customerPaysByVa(orderId);
    const body = suite.midtrans.notificationBody(orderId);
    const unreachable = await openDatabase({ driver: "pg", url: "postgres://postgres@127.0.0.1:9/none", poolMax: 1 });
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    setDbHandle(unreachable);
    try {
      expect((await suite.midtrans.postNotification(notifyUrl(), body)).status).toBe(503);
    } finally {
      setDbHandle(suite.testDb);
      errors.mockRestore();
      await unreachable.close();
    }
    // Midtrans' retry, once the database is back, goes through.
    expect((await suite.midtrans.postNotification(notifyUrl(), body)).status).toBe(200);
  });

  it("applies what the Status API says, not what the notification claims", async () => {
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId);
    const claim = suite.midtrans.notificationBody(orderId);
    suite.midtrans.setTransaction(orderId, { transaction_status: "pending" });
    expect((await suite.midtrans.postNotification(notifyUrl(), claim)).status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("pending");
    expect(await readOutbox(suite.db)).toHaveLength(0);
  });

  it("answers 503 and changes nothing when the Status API fails or times out", async () => {
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId);
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      suite.midtrans.fault("status", { status: 503, times: 1 });
      expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(503);
      suite.midtrans.fault("status", { status: 0, delayMs: 5_000, times: 1 });
      expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(503);
    } finally {
      errors.mockRestore();
    }
    await nothingChanged(order);
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
  });

  it("with MIDTRANS_VERIFY_STATUS=false the signed notification is applied without asking", async () => {
    overrideEnv({ MIDTRANS_VERIFY_STATUS: "false" });
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId);
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("paid");
    expect(suite.midtrans.callsTo("GET", /\/status$/)).toHaveLength(0);
  });

  it("a late pending after the settlement changes nothing (out-of-order delivery)", async () => {
    overrideEnv({ MIDTRANS_VERIFY_STATUS: "false" });
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId, "pending");
    const pending = suite.midtrans.notificationBody(orderId);
    customerPaysByVa(orderId, "settlement");
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await suite.midtrans.postNotification(notifyUrl(), pending)).status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("paid");
    expect((await readPayments(suite.db, order.id))[0]!.transactionStatus).toBe("settlement");
    expect((await readAudit(suite.db, "payment.notification_ignored"))[0]!.after).toMatchObject({ verdict: "backwards" });
  });

  it("a settlement that turns into deny is applied as a reversal and the customer is told", async () => {
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId);
    await suite.midtrans.sendNotification(notifyUrl(), orderId);
    suite.midtrans.setTransaction(orderId, { transaction_status: "deny" });
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    const after = await readOrder(suite.db, order.id);
    expect(after).toMatchObject({ paymentStatus: "failed", paidAt: null });
    const texts = (await readOutbox(suite.db)).map((m) => m.payload.params.text as string);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain("gagal");
    expect((await readAudit(suite.db, "payment.status_changed"))[1]!.after).toMatchObject({ verdict: "reversal" });
  });

  it("a card payment held for review (capture/challenge, signed 201) tells the customer it is being checked, once; the accept that follows pays", async () => {
    const { order, orderId } = await orderWithSnap();
    suite.midtrans.setTransaction(orderId, { transaction_status: "capture", fraud_status: "challenge", payment_type: "credit_card", status_code: "201" });
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("review");
    let texts = (await readOutbox(suite.db)).map((m) => m.payload.params.text as string);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(`Pembayaran kartu untuk booking ${order.bookingCode} sedang diperiksa`);

    suite.midtrans.setTransaction(orderId, { transaction_status: "capture", fraud_status: "accept", payment_type: "credit_card", status_code: "200" });
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("paid");
    texts = (await readOutbox(suite.db)).map((m) => m.payload.params.text as string);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain("Pembayaran diterima");
  });

  it("a refund after payment makes the order refunded and tells the customer", async () => {
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId);
    await suite.midtrans.sendNotification(notifyUrl(), orderId);
    suite.midtrans.setTransaction(orderId, { transaction_status: "refund" });
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("refunded");
    expect((await readOutbox(suite.db)).at(-1)!.payload.params.text).toContain("dikembalikan");
  });

  it("a partial refund made outside the app (Midtrans' dashboard) tells the customer it is partial, with the amount", async () => {
    const { order, orderId } = await orderWithSnap();
    suite.midtrans.setTransaction(orderId, { transaction_status: "settlement", payment_type: "gopay" });
    await suite.midtrans.sendNotification(notifyUrl(), orderId);
    const refund = await fetch(`${suite.midtrans.apiBaseUrl}/v2/${orderId}/refund`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from(`${suite.midtrans.serverKey}:`).toString("base64")}` },
      body: JSON.stringify({ refund_key: "dashboard-1", amount: 20_000, reason: "goodwill" }),
    });
    expect(refund.status).toBe(200);
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("partially_refunded");
    const told = (await readOutbox(suite.db)).at(-1)!.payload.params.text as string;
    expect(told).toContain(`Sebagian pembayaran untuk booking ${order.bookingCode} sudah dikembalikan: Rp20.000`);
  });

  it("an expire notification expires the order, frees its slot and tells the customer", async () => {
    const { order, orderId } = await orderWithSnap();
    customerPaysByVa(orderId, "expire");
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "expired", repairStatus: "cancelled" });
    expect((await readOutbox(suite.db))[0]!.payload.params.text).toContain("Batas waktu pembayaran");
  });

  it("an order the shop marked paid in cash is not unpaid or cancelled by its old Snap attempt expiring", async () => {
    const { order, orderId } = await orderWithSnap();
    await suite.db.update(orders).set({ paymentStatus: "paid" }).where(eq(orders.id, order.id));
    customerPaysByVa(orderId, "expire");
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "paid", repairStatus: "booked", needsRefund: false });
    expect(await readOutbox(suite.db)).toHaveLength(0);
  });

  it("two attempts both settling flags the order for a refund", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    const va = await issueVirtualAccount(suite.db, { orderId: order.id });
    expect(va.ok).toBe(true);
    // The customer opens the page and pays by Snap: the VA is cancelled first…
    const snap = await startSnapPayment(suite.db, { token: order.statusToken });
    expect(snap.ok).toBe(true);
    customerPaysByVa(`${order.bookingCode}-2`);
    expect((await suite.midtrans.sendNotification(notifyUrl(), `${order.bookingCode}-2`)).status).toBe(200);
    // …and yet the bank says the first one was paid too (a race at the bank).
    suite.midtrans.setTransaction(`${order.bookingCode}-1`, { transaction_status: "settlement" });
    expect((await suite.midtrans.sendNotification(notifyUrl(), `${order.bookingCode}-1`)).status).toBe(200);

    const after = await readOrder(suite.db, order.id);
    expect(after).toMatchObject({ paymentStatus: "paid", needsRefund: true });
    const [flag] = await readAudit(suite.db, "payment.needs_refund");
    expect(flag!.after).toMatchObject({ reason: "double_payment", midtransOrderIds: [`${order.bookingCode}-1`, `${order.bookingCode}-2`] });
    expect(await readOutbox(suite.db)).toHaveLength(1);
  });
});
