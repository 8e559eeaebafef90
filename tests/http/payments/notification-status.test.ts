import { POST } from "@/app/api/midtrans/notification/route";
import { eq } from "drizzle-orm";
import { saveStaffChats } from "@/db/queries/staff-chats";
import { orders } from "@/db/schema";
import { overrideEnv } from "@/lib/env";
import { readAudit, readOrder, readOutbox, readPayments } from "@/tests/support/payment-fixtures";
import { snapOrder } from "@/tests/support/snap-order";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/**
 * Midtrans signs order_id + status_code + gross_amount, not transaction_status:
 * a genuine body re-sent with another status keeps a valid signature. These
 * cases hold with the Status API check off (what MIDTRANS_VERIFY_STATUS=false
 * trusts) and on.
 */
const suite = registerSuiteDatabase({ midtrans: true, routes: { "POST /api/midtrans/notification": POST }, env: { MIDTRANS_VERIFY_STATUS: "false" } });
const notifyUrl = () => `${suite.app.url}/api/midtrans/notification`;

/** An order with a Snap attempt "<code>-1" at the stand-in, as after "Bayar Sekarang". */
const orderWithSnap = () => snapOrder(suite.db, suite.midtrans, { paymentMethod: "bca_va" });

function midtransSays(orderId: string, fields: Record<string, unknown>) {
  suite.midtrans.setTransaction(orderId, { payment_type: "bank_transfer", fraud_status: "accept", ...fields });
}

async function paid(orderId: string) {
  midtransSays(orderId, { transaction_status: "settlement" });
  expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
}

describe("transaction_status is bound to the signed status_code", () => {
  it("a body signed for 201 (pending) that says settlement is refused (400) and pays nothing", async () => {
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "pending" });
    const forged = suite.midtrans.notificationBody(orderId, { tamper: { transaction_status: "settlement" } });
    expect(forged.status_code).toBe("201");
    const response = await suite.midtrans.postNotification(notifyUrl(), forged);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({ error: "status_mismatch" });
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "unpaid", version: order.version });
    expect((await readPayments(suite.db, order.id))[0]!.transactionStatus).toBeNull();
    expect(await readOutbox(suite.db)).toHaveLength(0);
    const [rejected] = await readAudit(suite.db, "payment.notification_rejected");
    expect(rejected!.after).toEqual({
      verdict: "status_mismatch",
      reason: "notification",
      notification: { order_id: orderId, transaction_status: "settlement", status_code: "201", fraud_status: "accept", gross_amount: "70000.00" },
    });
  });

  it.each(["202", "407", "201"])("a capture signed %s is never a payment", async (code) => {
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "capture", payment_type: "credit_card", status_code: code });
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(400);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("unpaid");
  });

  it("a settlement signed 200 that is rewritten to deny does not reverse the payment", async () => {
    const { order, orderId } = await orderWithSnap();
    await paid(orderId);
    const forged = suite.midtrans.notificationBody(orderId, { tamper: { transaction_status: "deny" } });
    expect((await suite.midtrans.postNotification(notifyUrl(), forged)).status).toBe(400);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "paid" });
    expect(await readOutbox(suite.db)).toHaveLength(1);
  });

  it.each(["deny", "cancel", "expire", "refund", "failure", "DENY"])("a pending-signed (201) body saying %s reverses nothing", async (status) => {
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "pending" });
    const pendingBody = suite.midtrans.notificationBody(orderId);
    await paid(orderId);
    const forged = { ...pendingBody, transaction_status: status };
    expect((await suite.midtrans.postNotification(notifyUrl(), forged)).status).toBe(400);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "paid", needsRefund: false });
    expect((await readPayments(suite.db, order.id))[0]!.transactionStatus).toBe("settlement");
  });

  it("is refused with the Status API check on too, before Midtrans is asked", async () => {
    overrideEnv({ MIDTRANS_VERIFY_STATUS: "true" });
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "pending" });
    const forged = suite.midtrans.notificationBody(orderId, { tamper: { transaction_status: "settlement" } });
    expect((await suite.midtrans.postNotification(notifyUrl(), forged)).status).toBe(400);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("unpaid");
    expect(suite.midtrans.callsTo("GET", /\/status$/)).toHaveLength(0);
  });

  it("a Status API answer whose status disagrees with its own status_code is not applied", async () => {
    overrideEnv({ MIDTRANS_VERIFY_STATUS: "true" });
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "settlement" });
    const genuine = suite.midtrans.notificationBody(orderId);
    midtransSays(orderId, { status_code: "201" });
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect((await suite.midtrans.postNotification(notifyUrl(), genuine)).status).toBe(400);
    } finally {
      errors.mockRestore();
    }
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("unpaid");
    const [rejected] = await readAudit(suite.db, "payment.notification_rejected");
    expect(rejected!.after).toMatchObject({ verdict: "status_mismatch", reason: "status_api" });
  });

  it("the documented codes of each outcome are accepted: deny 202, expire 202 and 407, cancel 200 and 202", async () => {
    for (const [status, code, expected] of [
      ["deny", "202", "failed"],
      ["expire", "202", "expired"],
      ["expire", "407", "expired"],
      ["cancel", "200", "failed"],
      ["cancel", "202", "failed"],
    ] as const) {
      await suite.testDb.reset();
      const { order, orderId } = await orderWithSnap();
      midtransSays(orderId, { transaction_status: status, status_code: code });
      expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
      expect((await readOrder(suite.db, order.id)).paymentStatus).toBe(expected);
    }
  });
});

describe("status case", () => {
  it("PENDING (as DANA and ShopeePay send it) is pending, and SETTLEMENT / ACCEPT pay", async () => {
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "PENDING", payment_type: "dana" });
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("pending");
    expect((await readPayments(suite.db, order.id))[0]!.transactionStatus).toBe("pending");

    midtransSays(orderId, { transaction_status: "SETTLEMENT", fraud_status: "ACCEPT" });
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("paid");
    expect((await readPayments(suite.db, order.id))[0]).toMatchObject({ transactionStatus: "settlement", fraudStatus: "accept" });
  });

  it("a CAPTURE with fraud_status CHALLENGE waits for review instead of paying", async () => {
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "CAPTURE", fraud_status: "CHALLENGE", payment_type: "credit_card", status_code: "201" });
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("review");
  });
});

describe("a card capture cancelled before settlement", () => {
  it("is applied as a reversal: the order is not paid, no refund is owed, the customer is told once", async () => {
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "capture", payment_type: "credit_card" });
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("paid");

    midtransSays(orderId, { transaction_status: "cancel", status_code: "202" });
    const cancel = suite.midtrans.notificationBody(orderId);
    expect((await suite.midtrans.postNotification(notifyUrl(), cancel)).status).toBe(200);
    expect((await suite.midtrans.postNotification(notifyUrl(), cancel)).status).toBe(200);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "failed", paidAt: null, needsRefund: false });
    const texts = (await readOutbox(suite.db)).map((m) => m.payload.params.text as string);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain("gagal");
    expect((await readAudit(suite.db, "payment.status_changed"))[1]!.after).toMatchObject({ verdict: "reversal", transactionStatus: "cancel" });
  });

  it("in English for a customer who books in English", async () => {
    const { order, orderId } = await orderWithSnap();
    await suite.db.update(orders).set({ language: "en" }).where(eq(orders.id, order.id));
    midtransSays(orderId, { transaction_status: "capture", payment_type: "credit_card" });
    await suite.midtrans.sendNotification(notifyUrl(), orderId);
    midtransSays(orderId, { transaction_status: "cancel" });
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    const texts = (await readOutbox(suite.db)).map((m) => m.payload.params.text as string);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain("did not go through");
  });

  it("after the money settled, the cancel still unpays the order and flags it for a refund", async () => {
    const { order, orderId } = await orderWithSnap();
    await paid(orderId);
    midtransSays(orderId, { transaction_status: "cancel" });
    expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "failed", needsRefund: true });
    const [flag] = await readAudit(suite.db, "payment.needs_refund");
    expect(flag!.after).toMatchObject({ reason: "cancelled_after_settlement" });
  });

  describe("with a staff chat linked", () => {
    const STAFF_CHAT = -100_555;
    const staffTexts = async () =>
      (await readOutbox(suite.db)).filter((m) => m.payload.params.chat_id === STAFF_CHAT).map((m) => (m.payload.params.text as string).split("\n")[0]);
    beforeEach(() => saveStaffChats(suite.db, [STAFF_CHAT]));

    it("the shop hears the capture, then once that it was taken back and the order is unpaid", async () => {
      const { order, orderId } = await orderWithSnap();
      midtransSays(orderId, { transaction_status: "capture", payment_type: "credit_card" });
      await suite.midtrans.sendNotification(notifyUrl(), orderId);
      midtransSays(orderId, { transaction_status: "cancel", status_code: "202" });
      const cancel = suite.midtrans.notificationBody(orderId);
      expect((await suite.midtrans.postNotification(notifyUrl(), cancel)).status).toBe(200);
      expect((await suite.midtrans.postNotification(notifyUrl(), cancel)).status).toBe(200);
      expect(await staffTexts()).toEqual([
        `💰 Pembayaran diterima · ${order.bookingCode}`,
        `↩️ Pembayaran dibatalkan, pesanan belum lunas · ${order.bookingCode}`,
      ]);
    });

    it("a cancel after settlement tells the shop it was taken back and that a refund is due", async () => {
      const { order, orderId } = await orderWithSnap();
      await paid(orderId);
      midtransSays(orderId, { transaction_status: "cancel" });
      expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
      expect(await staffTexts()).toEqual([
        `💰 Pembayaran diterima · ${order.bookingCode}`,
        `↩️ Pembayaran dibatalkan, pesanan belum lunas · ${order.bookingCode}`,
        `⚠️ Perlu refund · ${order.bookingCode}`,
      ]);
    });

    it("a card refused before any money (deny of a pending attempt) is not news for the shop", async () => {
      const { orderId } = await orderWithSnap();
      midtransSays(orderId, { transaction_status: "deny", payment_type: "credit_card", status_code: "202" });
      expect((await suite.midtrans.sendNotification(notifyUrl(), orderId)).status).toBe(200);
      expect(await staffTexts()).toEqual([]);
    });
  });
});

describe("replays of genuine notifications", () => {
  const notify = (body: Record<string, unknown>) => suite.midtrans.postNotification(notifyUrl(), body);

  it.each([true, false])("never move a refunded or settled order backwards (Status API check %s)", async (verify) => {
    overrideEnv({ MIDTRANS_VERIFY_STATUS: String(verify) });
    const { order, orderId } = await orderWithSnap();
    const captured: Record<string, Record<string, unknown>> = {};
    for (const status of ["pending", "settlement"]) {
      midtransSays(orderId, { transaction_status: status });
      captured[status] = suite.midtrans.notificationBody(orderId);
      expect((await notify(captured[status])).status).toBe(200);
    }
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("paid");
    // After settlement: the old pending comes again.
    expect((await notify(captured.pending!)).status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("paid");

    suite.midtrans.setTransaction(orderId, { transaction_status: "refund" });
    expect((await notify(suite.midtrans.notificationBody(orderId))).status).toBe(200);
    const refunded = await readOrder(suite.db, order.id);
    expect(refunded.paymentStatus).toBe("refunded");
    const messages = (await readOutbox(suite.db)).length;

    // An attacker (or a late Midtrans retry) replays the genuine settlement and pending after the refund.
    if (!verify) suite.midtrans.setTransaction(orderId, { transaction_status: "settlement" });
    for (const replay of [captured.settlement!, captured.pending!, captured.settlement!]) {
      expect((await notify(replay)).status).toBe(200);
    }
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "refunded", version: refunded.version });
    expect(await readOutbox(suite.db)).toHaveLength(messages);
  });
});
