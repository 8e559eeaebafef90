import { eq } from "drizzle-orm";
import { orders, refunds } from "@/db/schema";
import { applyPaymentNotification } from "@/lib/payments/apply-notification";
import { issueVirtualAccount } from "@/lib/payments/issue-virtual-account";
import { refundOrder, type RefundRequest } from "@/lib/payments/refund-order";
import { startSnapPayment } from "@/lib/payments/start-payment";
import { refundedSoFar } from "@/lib/playground/midtrans/refund";
import { quietly, registerSuiteDatabase } from "@/tests/support/suite-hooks";
import { bookOrder, readAudit, readOrder, readOutbox } from "@/tests/support/payment-fixtures";

const suite = registerSuiteDatabase({ midtrans: true });
const OWNER = { username: "owner", ip: "203.0.113.9" };
/** An order paid through Snap with GoPay (Rp70.000), as Midtrans' settlement notification makes it paid. */
async function paidByGopay({ language = "id", chatId = 5550001 }: { language?: string; chatId?: number } = {}) {
  const booked = await bookOrder(suite.db, { paymentMethod: "gopay", chatId });
  await suite.db.update(orders).set({ language }).where(eq(orders.id, booked.id));
  const started = await startSnapPayment(suite.db, { token: booked.statusToken });
  if (!started.ok) throw new Error(started.reason);
  const midtransOrderId = `${booked.bookingCode}-1`;
  suite.midtrans.setTransaction(midtransOrderId, { transaction_status: "settlement", payment_type: "gopay" });
  expect(await applyPaymentNotification({ body: JSON.stringify(suite.midtrans.notificationBody(midtransOrderId)) })).toMatchObject({ kind: "applied" });
  const order = await readOrder(suite.db, booked.id);
  expect(order.paymentStatus).toBe("paid");
  return { order, midtransOrderId };
}

/** An order paid into a BCA virtual account: Midtrans cannot refund it by API. */
async function paidByVa() {
  const booked = await bookOrder(suite.db, { paymentMethod: "bca_va" });
  expect((await issueVirtualAccount(suite.db, { orderId: booked.id })).ok).toBe(true);
  const midtransOrderId = `${booked.bookingCode}-1`;
  suite.midtrans.setTransaction(midtransOrderId, { transaction_status: "settlement" });
  await applyPaymentNotification({ body: JSON.stringify(suite.midtrans.notificationBody(midtransOrderId)) });
  return { order: await readOrder(suite.db, booked.id), midtransOrderId };
}

const request = (orderId: string, fields: Partial<RefundRequest> = {}): RefundRequest => ({
  orderId,
  via: "midtrans",
  amountIdr: 70_000,
  reason: "pesanan dibatalkan",
  refundKey: `rf-test-${Math.random().toString(36).slice(2)}`,
  by: OWNER,
  ...fields,
});

const refundMessages = async () => (await readOutbox(suite.db)).filter((row) => /refund/.test(row.dedupeKey));
const readRefunds = () => suite.db.select().from(refunds).orderBy(refunds.id);

describe("refund through Midtrans' refund API", () => {
  it("refunds the whole GoPay payment: POST /v2/{order_id}/refund with the key, the order refunded, the customer told the amount, the owner in the audit", async () => {
    const { order, midtransOrderId } = await paidByGopay();
    const result = await refundOrder(suite.db, request(order.id, { refundKey: "rf-full-1" }));
    expect(result).toMatchObject({ ok: true, repeated: false, refund: { status: "done", amountIdr: 70_000, via: "midtrans", actor: "owner" } });

    expect(suite.midtrans.callsTo("POST", `/v2/${midtransOrderId}/refund`)).toEqual([
      expect.objectContaining({ authorized: true, status: 200, body: { refund_key: "rf-full-1", amount: 70_000, reason: "pesanan dibatalkan" } }),
    ]);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "refunded", needsRefund: false });
    const messages = await refundMessages();
    expect(messages).toHaveLength(1);
    expect(messages[0]!.payload.params.text).toContain("Toko telah mengembalikan dana Rp70.000");
    const audit = await readAudit(suite.db);
    expect(audit.filter((a) => a.action.startsWith("refund.")).map((a) => [a.action, a.actor, a.ip])).toEqual([
      ["refund.requested", "owner", "203.0.113.9"],
      ["refund.done", "owner", "203.0.113.9"],
    ]);
  });

  it("Midtrans' refund notification afterwards agrees and counts nothing twice", async () => {
    const { order, midtransOrderId } = await paidByGopay();
    await refundOrder(suite.db, request(order.id, { amountIdr: 20_000 }));
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "partially_refunded" });
    const verdict = await applyPaymentNotification({ body: JSON.stringify(suite.midtrans.notificationBody(midtransOrderId)) });
    expect(verdict.kind).not.toBe("applied");
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "partially_refunded", needsRefund: false });
    expect(await refundMessages()).toHaveLength(1);
    expect(await readRefunds()).toHaveLength(1);
  });

  it("a refund notification that arrives before the shop's answer is recorded sends no second message", async () => {
    const { order, midtransOrderId } = await paidByGopay();
    // Midtrans refunded (e.g. the shop's first try's answer was lost) and notified; the row is still requested.
    suite.midtrans.fault("refund", { status: 503, times: 1 });
    const first = await quietly(() => refundOrder(suite.db, request(order.id, { refundKey: "rf-early-1" })));
    expect(first).toMatchObject({ ok: false, refund: { status: "requested" } });
    await fetch(`${suite.midtrans.apiBaseUrl}/v2/${midtransOrderId}/refund`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${suite.midtrans.serverKey}:`).toString("base64")}`, "content-type": "application/json" },
      body: JSON.stringify({ refund_key: "rf-early-1", amount: 70_000 }),
    });
    expect(await applyPaymentNotification({ body: JSON.stringify(suite.midtrans.notificationBody(midtransOrderId)) })).toMatchObject({ kind: "applied" });
    expect(await refundMessages()).toHaveLength(0);

    const retry = await refundOrder(suite.db, request(order.id, { refundKey: "rf-early-1" }));
    expect(retry).toMatchObject({ ok: true, refund: { status: "done" } });
    expect(refundedSoFar(suite.midtrans.transaction(midtransOrderId)!)).toBe(70_000);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "refunded", needsRefund: false });
    expect(await refundMessages()).toHaveLength(1);
  });

  it("partial refunds add up: 20.000 then 50.000 makes the order refunded; an English customer is told in English", async () => {
    const { order } = await paidByGopay({ language: "en" });
    expect(await refundOrder(suite.db, request(order.id, { amountIdr: 20_000 }))).toMatchObject({ ok: true, order: { paymentStatus: "partially_refunded" } });
    const tooMuch = await refundOrder(suite.db, request(order.id, { amountIdr: 50_001 }));
    expect(tooMuch).toEqual({ ok: false, message: "Jumlah refund melebihi sisa pembayaran (Rp50.000)." });
    expect(await refundOrder(suite.db, request(order.id, { amountIdr: 50_000 }))).toMatchObject({ ok: true, order: { paymentStatus: "refunded" } });
    const texts = (await refundMessages()).map((m) => m.payload.params.text as string);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain("The shop has refunded Rp20.000");
    expect(texts[0]).toContain("(part of the payment)");
    expect(texts[1]).toContain("The shop has refunded Rp50.000");
    expect(texts[1]).not.toContain("part of the payment");
  });

  it("the same refund key again (a retry, a reload) refunds nothing more and calls Midtrans no more", async () => {
    const { order, midtransOrderId } = await paidByGopay();
    const first = await refundOrder(suite.db, request(order.id, { refundKey: "rf-same-key" }));
    const again = await refundOrder(suite.db, request(order.id, { refundKey: "rf-same-key" }));
    expect(first).toMatchObject({ ok: true, repeated: false });
    expect(again).toMatchObject({ ok: true, repeated: true });
    expect(suite.midtrans.callsTo("POST", `/v2/${midtransOrderId}/refund`)).toHaveLength(1);
    expect(await readRefunds()).toHaveLength(1);
    expect(await refundMessages()).toHaveLength(1);
  });

  it("Midtrans not answering leaves the refund requested; the retry sends the same refund_key and it is done once", async () => {
    const { order, midtransOrderId } = await paidByGopay();
    suite.midtrans.fault("refund", { status: 503, times: 1 });
    const first = await quietly(() => refundOrder(suite.db, request(order.id, { refundKey: "rf-retry" })));
    expect(first).toMatchObject({ ok: false, message: expect.stringContaining("Midtrans belum menjawab") });
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "paid" });
    // Meanwhile another refund would be too much: the requested one counts.
    expect(await refundOrder(suite.db, request(order.id, { amountIdr: 1 }))).toEqual({ ok: false, message: "Seluruh pembayaran sudah dikembalikan atau sedang diproses." });

    expect(await refundOrder(suite.db, request(order.id, { refundKey: "rf-retry" }))).toMatchObject({ ok: true, refund: { status: "done" } });
    expect(suite.midtrans.callsTo("POST", `/v2/${midtransOrderId}/refund`).map((c) => (c.body as { refund_key: string }).refund_key)).toEqual(["rf-retry", "rf-retry"]);
    expect(refundedSoFar(suite.midtrans.transaction(midtransOrderId)!)).toBe(70_000);
  });

  it("a double submit at the same moment makes one refund", async () => {
    const { order, midtransOrderId } = await paidByGopay();
    const results = await Promise.all([0, 1, 2].map(() => refundOrder(suite.db, request(order.id, { refundKey: "rf-double" }))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.repeated)).toHaveLength(1);
    expect(await readRefunds()).toEqual([expect.objectContaining({ refundKey: "rf-double", status: "done", amountIdr: 70_000 })]);
    expect(refundedSoFar(suite.midtrans.transaction(midtransOrderId)!)).toBe(70_000);
    expect(await refundMessages()).toHaveLength(1);
  });

  it("two owners refunding the whole amount at once with different keys: one refund, the other refused", async () => {
    const { order, midtransOrderId } = await paidByGopay();
    const results = await Promise.all([request(order.id), request(order.id)].map((r) => refundOrder(suite.db, r)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(refundedSoFar(suite.midtrans.transaction(midtransOrderId)!)).toBe(70_000);
    expect(await readRefunds()).toHaveLength(1);
  });

  it("Midtrans refusing marks the refund failed, leaves the order as it was and tells nobody", async () => {
    const { order, midtransOrderId } = await paidByGopay();
    suite.midtrans.setTransaction(midtransOrderId, { transaction_status: "refund" }); // refunded already at Midtrans' dashboard
    const result = await refundOrder(suite.db, request(order.id));
    expect(result).toMatchObject({ ok: false, message: "Midtrans menolak refund: Transaction status cannot be updated. Pesanan tidak berubah.", refund: { status: "failed" } });
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "paid", needsRefund: false, version: order.version });
    expect(await refundMessages()).toHaveLength(0);
    expect((await readAudit(suite.db, "refund.failed"))[0]).toMatchObject({ actor: "owner", after: { httpStatus: 412 } });
    // The same key again is not sent again.
    expect(await refundOrder(suite.db, request(order.id, { refundKey: result.refund!.refundKey }))).toMatchObject({ ok: false, message: expect.stringContaining("sudah ditolak") });
    expect(suite.midtrans.callsTo("POST", `/v2/${midtransOrderId}/refund`)).toHaveLength(1);
  });
});

describe("refund by hand", () => {
  it("a VA payment cannot go through Midtrans' refund API: refused with the way to do it, nothing written", async () => {
    const { order, midtransOrderId } = await paidByVa();
    const result = await refundOrder(suite.db, request(order.id));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("tandai sudah dikembalikan manual") });
    expect(suite.midtrans.callsTo("POST", `/v2/${midtransOrderId}/refund`)).toHaveLength(0);
    expect(await readRefunds()).toEqual([]);
  });

  it("marks a paid-then-cancelled VA order refunded by hand, with amount and note, flag cleared, customer told", async () => {
    const { order } = await paidByVa();
    await suite.db.update(orders).set({ repairStatus: "cancelled", needsRefund: true }).where(eq(orders.id, order.id));
    const result = await refundOrder(suite.db, request(order.id, { via: "manual", reason: "transfer BCA 06/12" }));
    expect(result).toMatchObject({ ok: true, refund: { via: "manual", status: "done", reason: "transfer BCA 06/12", paymentId: null } });
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "refunded", needsRefund: false });
    expect(suite.midtrans.calls.filter((c) => c.path.endsWith("/refund"))).toHaveLength(0);
    expect((await refundMessages())[0]!.payload.params.text).toContain("Rp70.000");
    expect((await readAudit(suite.db, "refund.manual"))[0]).toMatchObject({ actor: "owner", after: { amountIdr: 70_000, reason: "transfer BCA 06/12" } });
  });

  it("an unpaid order has nothing to refund; an order made at the counter (no chat) gets no message", async () => {
    const unpaid = await bookOrder(suite.db, { chatId: 1 });
    expect(await refundOrder(suite.db, request(unpaid.id, { via: "manual" }))).toEqual({ ok: false, message: "Tidak ada pembayaran yang bisa dikembalikan pada pesanan ini." });
    const { order } = await paidByVa();
    await suite.db.update(orders).set({ chatId: null }).where(eq(orders.id, order.id));
    expect(await refundOrder(suite.db, request(order.id, { via: "manual", amountIdr: 10_000 }))).toMatchObject({ ok: true, order: { paymentStatus: "partially_refunded" } });
    expect(await refundMessages()).toHaveLength(0);
  });
});
