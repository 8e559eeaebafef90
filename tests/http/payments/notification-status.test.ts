import { POST } from "@/app/api/midtrans/notification/route";
import { eq } from "drizzle-orm";
import { saveStaffChats } from "@/db/queries/staff-chats";
import { orders, type Order } from "@/db/schema";
import { overrideEnv } from "@/lib/env";
import { startSnapPayment } from "@/lib/payments/start-payment";
import { startMidtransStandIn, type MidtransStandIn } from "@/tests/support/midtrans-stand-in";
import { bookOrder, readAudit, readOrder, readOutbox, readPayments } from "@/tests/support/payment-fixtures";
import { serveRoutes, type ServedRoutes } from "@/tests/support/serve-routes";
import { setupTestDatabase, type TestDatabase } from "@/tests/support/test-db";

/**
 * Midtrans signs order_id + status_code + gross_amount, not transaction_status:
 * a genuine body re-sent with another status keeps a valid signature. These
 * cases hold with the Status API check off (what MIDTRANS_VERIFY_STATUS=false
 * trusts) and on.
 */
let testDb: TestDatabase;
let midtrans: MidtransStandIn;
let app: ServedRoutes;
let notifyUrl: string;

beforeAll(async () => {
  [testDb, midtrans] = await Promise.all([setupTestDatabase(), startMidtransStandIn()]);
  app = await serveRoutes({ "POST /api/midtrans/notification": POST });
  notifyUrl = `${app.url}/api/midtrans/notification`;
});
afterAll(async () => {
  await Promise.all([testDb.close(), midtrans.stop(), app.stop()]);
});
beforeEach(async () => {
  await testDb.reset();
  midtrans.reset();
  overrideEnv({ ...midtrans.env(), APP_URL: "https://jiot.test", MIDTRANS_VERIFY_STATUS: "false" });
});

async function orderWithSnap(): Promise<{ order: Order; orderId: string }> {
  const order = await bookOrder(testDb.db, { paymentMethod: "bca_va" });
  const started = await startSnapPayment(testDb.db, { token: order.statusToken });
  if (!started.ok) throw new Error(started.reason);
  return { order, orderId: `${order.bookingCode}-1` };
}

function midtransSays(orderId: string, fields: Record<string, unknown>) {
  midtrans.setTransaction(orderId, { payment_type: "bank_transfer", fraud_status: "accept", ...fields });
}

async function paid(orderId: string) {
  midtransSays(orderId, { transaction_status: "settlement" });
  expect((await midtrans.sendNotification(notifyUrl, orderId)).status).toBe(200);
}

describe("transaction_status is bound to the signed status_code", () => {
  it("a body signed for 201 (pending) that says settlement is refused (400) and pays nothing", async () => {
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "pending" });
    const forged = midtrans.notificationBody(orderId, { tamper: { transaction_status: "settlement" } });
    expect(forged.status_code).toBe("201");
    const response = await midtrans.postNotification(notifyUrl, forged);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({ error: "status_mismatch" });
    expect(await readOrder(testDb.db, order.id)).toMatchObject({ paymentStatus: "unpaid", version: order.version });
    expect((await readPayments(testDb.db, order.id))[0]!.transactionStatus).toBeNull();
    expect(await readOutbox(testDb.db)).toHaveLength(0);
    const [rejected] = await readAudit(testDb.db, "payment.notification_rejected");
    expect(rejected!.after).toEqual({
      verdict: "status_mismatch",
      reason: "notification",
      notification: { order_id: orderId, transaction_status: "settlement", status_code: "201", fraud_status: "accept", gross_amount: "70000.00" },
    });
  });

  it.each(["202", "407", "201"])("a capture signed %s is never a payment", async (code) => {
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "capture", payment_type: "credit_card", status_code: code });
    expect((await midtrans.sendNotification(notifyUrl, orderId)).status).toBe(400);
    expect((await readOrder(testDb.db, order.id)).paymentStatus).toBe("unpaid");
  });

  it("a settlement signed 200 that is rewritten to deny does not reverse the payment", async () => {
    const { order, orderId } = await orderWithSnap();
    await paid(orderId);
    const forged = midtrans.notificationBody(orderId, { tamper: { transaction_status: "deny" } });
    expect((await midtrans.postNotification(notifyUrl, forged)).status).toBe(400);
    expect(await readOrder(testDb.db, order.id)).toMatchObject({ paymentStatus: "paid" });
    expect(await readOutbox(testDb.db)).toHaveLength(1);
  });

  it.each(["deny", "cancel", "expire", "refund", "failure", "DENY"])("a pending-signed (201) body saying %s reverses nothing", async (status) => {
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "pending" });
    const pendingBody = midtrans.notificationBody(orderId);
    await paid(orderId);
    const forged = { ...pendingBody, transaction_status: status };
    expect((await midtrans.postNotification(notifyUrl, forged)).status).toBe(400);
    expect(await readOrder(testDb.db, order.id)).toMatchObject({ paymentStatus: "paid", needsRefund: false });
    expect((await readPayments(testDb.db, order.id))[0]!.transactionStatus).toBe("settlement");
  });

  it("is refused with the Status API check on too, before Midtrans is asked", async () => {
    overrideEnv({ MIDTRANS_VERIFY_STATUS: "true" });
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "pending" });
    const forged = midtrans.notificationBody(orderId, { tamper: { transaction_status: "settlement" } });
    expect((await midtrans.postNotification(notifyUrl, forged)).status).toBe(400);
    expect((await readOrder(testDb.db, order.id)).paymentStatus).toBe("unpaid");
    expect(midtrans.callsTo("GET", /\/status$/)).toHaveLength(0);
  });

  it("a Status API answer whose status disagrees with its own status_code is not applied", async () => {
    overrideEnv({ MIDTRANS_VERIFY_STATUS: "true" });
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "settlement" });
    const genuine = midtrans.notificationBody(orderId);
    midtransSays(orderId, { status_code: "201" });
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect((await midtrans.postNotification(notifyUrl, genuine)).status).toBe(400);
    } finally {
      errors.mockRestore();
    }
    expect((await readOrder(testDb.db, order.id)).paymentStatus).toBe("unpaid");
    const [rejected] = await readAudit(testDb.db, "payment.notification_rejected");
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
      await testDb.reset();
      const { order, orderId } = await orderWithSnap();
      midtransSays(orderId, { transaction_status: status, status_code: code });
      expect((await midtrans.sendNotification(notifyUrl, orderId)).status).toBe(200);
      expect((await readOrder(testDb.db, order.id)).paymentStatus).toBe(expected);
    }
  });
});

describe("status case", () => {
  it("PENDING (as DANA and ShopeePay send it) is pending, and SETTLEMENT / ACCEPT pay", async () => {
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "PENDING", payment_type: "dana" });
    expect((await midtrans.sendNotification(notifyUrl, orderId)).status).toBe(200);
    expect((await readOrder(testDb.db, order.id)).paymentStatus).toBe("pending");
    expect((await readPayments(testDb.db, order.id))[0]!.transactionStatus).toBe("pending");

    midtransSays(orderId, { transaction_status: "SETTLEMENT", fraud_status: "ACCEPT" });
    expect((await midtrans.sendNotification(notifyUrl, orderId)).status).toBe(200);
    expect((await readOrder(testDb.db, order.id)).paymentStatus).toBe("paid");
    expect((await readPayments(testDb.db, order.id))[0]).toMatchObject({ transactionStatus: "settlement", fraudStatus: "accept" });
  });

  it("a CAPTURE with fraud_status CHALLENGE waits for review instead of paying", async () => {
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "CAPTURE", fraud_status: "CHALLENGE", payment_type: "credit_card", status_code: "201" });
    expect((await midtrans.sendNotification(notifyUrl, orderId)).status).toBe(200);
    expect((await readOrder(testDb.db, order.id)).paymentStatus).toBe("review");
  });
});

describe("a card capture cancelled before settlement", () => {
  it("is applied as a reversal: the order is not paid, no refund is owed, the customer is told once", async () => {
    const { order, orderId } = await orderWithSnap();
    midtransSays(orderId, { transaction_status: "capture", payment_type: "credit_card" });
    expect((await midtrans.sendNotification(notifyUrl, orderId)).status).toBe(200);
    expect((await readOrder(testDb.db, order.id)).paymentStatus).toBe("paid");

    midtransSays(orderId, { transaction_status: "cancel", status_code: "202" });
    const cancel = midtrans.notificationBody(orderId);
    expect((await midtrans.postNotification(notifyUrl, cancel)).status).toBe(200);
    expect((await midtrans.postNotification(notifyUrl, cancel)).status).toBe(200);
    expect(await readOrder(testDb.db, order.id)).toMatchObject({ paymentStatus: "failed", paidAt: null, needsRefund: false });
    const texts = (await readOutbox(testDb.db)).map((m) => m.payload.params.text as string);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain("gagal");
    expect((await readAudit(testDb.db, "payment.status_changed"))[1]!.after).toMatchObject({ verdict: "reversal", transactionStatus: "cancel" });
  });

  it("in English for a customer who books in English", async () => {
    const { order, orderId } = await orderWithSnap();
    await testDb.db.update(orders).set({ language: "en" }).where(eq(orders.id, order.id));
    midtransSays(orderId, { transaction_status: "capture", payment_type: "credit_card" });
    await midtrans.sendNotification(notifyUrl, orderId);
    midtransSays(orderId, { transaction_status: "cancel" });
    expect((await midtrans.sendNotification(notifyUrl, orderId)).status).toBe(200);
    const texts = (await readOutbox(testDb.db)).map((m) => m.payload.params.text as string);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain("did not go through");
  });

  it("after the money settled, the cancel still unpays the order and flags it for a refund", async () => {
    const { order, orderId } = await orderWithSnap();
    await paid(orderId);
    midtransSays(orderId, { transaction_status: "cancel" });
    expect((await midtrans.sendNotification(notifyUrl, orderId)).status).toBe(200);
    expect(await readOrder(testDb.db, order.id)).toMatchObject({ paymentStatus: "failed", needsRefund: true });
    const [flag] = await readAudit(testDb.db, "payment.needs_refund");
    expect(flag!.after).toMatchObject({ reason: "cancelled_after_settlement" });
  });

  describe("with a staff chat linked", () => {
    const STAFF_CHAT = -100_555;
    const staffTexts = async () =>
      (await readOutbox(testDb.db)).filter((m) => m.payload.params.chat_id === STAFF_CHAT).map((m) => (m.payload.params.text as string).split("\n")[0]);
    beforeEach(() => saveStaffChats(testDb.db, [STAFF_CHAT]));

    it("the shop hears the capture, then once that it was taken back and the order is unpaid", async () => {
      const { order, orderId } = await orderWithSnap();
      midtransSays(orderId, { transaction_status: "capture", payment_type: "credit_card" });
      await midtrans.sendNotification(notifyUrl, orderId);
      midtransSays(orderId, { transaction_status: "cancel", status_code: "202" });
      const cancel = midtrans.notificationBody(orderId);
      expect((await midtrans.postNotification(notifyUrl, cancel)).status).toBe(200);
      expect((await midtrans.postNotification(notifyUrl, cancel)).status).toBe(200);
      expect(await staffTexts()).toEqual([
        `💰 Pembayaran diterima · ${order.bookingCode}`,
        `↩️ Pembayaran dibatalkan, pesanan belum lunas · ${order.bookingCode}`,
      ]);
    });

    it("a cancel after settlement tells the shop it was taken back and that a refund is due", async () => {
      const { order, orderId } = await orderWithSnap();
      await paid(orderId);
      midtransSays(orderId, { transaction_status: "cancel" });
      expect((await midtrans.sendNotification(notifyUrl, orderId)).status).toBe(200);
      expect(await staffTexts()).toEqual([
        `💰 Pembayaran diterima · ${order.bookingCode}`,
        `↩️ Pembayaran dibatalkan, pesanan belum lunas · ${order.bookingCode}`,
        `⚠️ Perlu refund · ${order.bookingCode}`,
      ]);
    });

    it("a card refused before any money (deny of a pending attempt) is not news for the shop", async () => {
      const { orderId } = await orderWithSnap();
      midtransSays(orderId, { transaction_status: "deny", payment_type: "credit_card", status_code: "202" });
      expect((await midtrans.sendNotification(notifyUrl, orderId)).status).toBe(200);
      expect(await staffTexts()).toEqual([]);
    });
  });
});
