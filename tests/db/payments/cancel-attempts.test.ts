import { listOrdersToRefund } from "@/db/queries/admin-dashboard";
import { saveStaffChats } from "@/db/queries/staff-chats";
import { cancelOrderByShop } from "@/lib/admin/order-actions";
import { applyPaymentNotification } from "@/lib/payments/apply-notification";
import { closeAttemptsOfCancelledOrders, closeOrderAttempts } from "@/lib/payments/close-attempts";
import { issueVirtualAccount } from "@/lib/payments/issue-virtual-account";
import { startSnapPayment } from "@/lib/payments/start-payment";
import { bookOrder, readAudit, readOrder, readOutbox, readPayments } from "@/tests/support/payment-fixtures";
import { quietly, registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ midtrans: true });
const by = { username: "owner", ip: null };
/** The shop cancels an order whose VA the customer pays at the bank before it could be closed. */
async function cancelledThenPaid() {
  const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
  await issueVirtualAccount(suite.db, { orderId: order.id });
  const orderId = `${order.bookingCode}-1`;
  await cancelOrderByShop(suite.db, { orderId: order.id, reason: "", by });
  suite.midtrans.setTransaction(orderId, { transaction_status: "settlement", fraud_status: "accept" });
  await closeOrderAttempts(order.id);
  return { order, orderId };
}

describe("a cancelled order's Midtrans attempts are closed", () => {
  it("the shop cancels: the pending VA is cancelled at Midtrans (POST /v2/{id}/cancel) and can no longer be paid", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    expect((await issueVirtualAccount(suite.db, { orderId: order.id })).ok).toBe(true);
    const orderId = `${order.bookingCode}-1`;
    expect((await cancelOrderByShop(suite.db, { orderId: order.id, reason: "", by })).ok).toBe(true);
    expect(suite.midtrans.callsTo("POST", `/v2/${orderId}/cancel`)).toHaveLength(0); // not inside the cancel's transaction

    await closeOrderAttempts(order.id);
    expect(suite.midtrans.callsTo("POST", `/v2/${orderId}/cancel`)).toEqual([expect.objectContaining({ authorized: true, status: 200 })]);
    expect(suite.midtrans.transaction(orderId)!.transaction_status).toBe("cancel");
    expect((await readPayments(suite.db, order.id))[0]!.transactionStatus).toBe("cancel");
    expect(await readOrder(suite.db, order.id)).toMatchObject({ repairStatus: "cancelled", needsRefund: false });
  });

  it("an unused Snap page has its session cancelled (Snap cancel API), and the customer cannot pay on it afterwards", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    const started = await startSnapPayment(suite.db, { token: order.statusToken });
    if (!started.ok) throw new Error(started.reason);
    await cancelOrderByShop(suite.db, { orderId: order.id, reason: "", by });
    await closeOrderAttempts(order.id);

    expect(suite.midtrans.callsTo("POST", `/snap/v1/transactions/${started.token}/cancel`)).toEqual([expect.objectContaining({ status: 200 })]);
    const pay = await fetch(`${suite.midtrans.snapBaseUrl}/transactions/${started.token}/pay`, { method: "POST" });
    expect(pay.status).toBe(412);
    expect((await readAudit(suite.db, "payment.attempt_closed"))[0]!.after).toMatchObject({ snapSession: "cancelled" });
    // Closed: the retry job finds nothing left to do.
    expect(await closeAttemptsOfCancelledOrders()).toEqual({ closed: 0, unavailable: 0 });
  });

  it("with Midtrans down the cancel still succeeds, and the due-work retry closes the VA later", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    await issueVirtualAccount(suite.db, { orderId: order.id });
    const orderId = `${order.bookingCode}-1`;
    suite.midtrans.fault("cancel", { status: 503 });
    expect((await cancelOrderByShop(suite.db, { orderId: order.id, reason: "", by })).ok).toBe(true);
    await quietly(() => closeOrderAttempts(order.id));
    expect(suite.midtrans.transaction(orderId)!.transaction_status).toBe("pending");
    expect(await quietly(() => closeAttemptsOfCancelledOrders())).toEqual({ closed: 0, unavailable: 1 });

    suite.midtrans.fault("cancel");
    expect(await closeAttemptsOfCancelledOrders()).toEqual({ closed: 1, unavailable: 0 });
    expect(suite.midtrans.transaction(orderId)!.transaction_status).toBe("cancel");
  });

  it("money that still arrives for a cancelled order is flagged for refund, audited, and listed for the shop", async () => {
    const { order, orderId } = await cancelledThenPaid();
    expect(suite.midtrans.callsTo("POST", `/v2/${orderId}/cancel`)).toEqual([expect.objectContaining({ status: 412 })]);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ repairStatus: "cancelled", paymentStatus: "paid", needsRefund: true });
    expect((await readAudit(suite.db, "payment.needs_refund"))[0]!.after).toMatchObject({ reason: "paid_after_cancellation" });
    expect((await listOrdersToRefund(suite.db)).map((o) => o.id)).toEqual([order.id]);
    // The notification that follows changes nothing more.
    expect(await applyPaymentNotification({ body: JSON.stringify(suite.midtrans.notificationBody(orderId)) })).toMatchObject({ kind: "unchanged" });
  });

  it("a new attempt cancels the older unpaid one at Midtrans (a VA superseded by Snap)", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    await issueVirtualAccount(suite.db, { orderId: order.id });
    const started = await startSnapPayment(suite.db, { token: order.statusToken });
    expect(started.ok).toBe(true);
    expect(suite.midtrans.callsTo("POST", `/v2/${order.bookingCode}-1/cancel`)).toEqual([expect.objectContaining({ authorized: true, status: 200 })]);
    expect(suite.midtrans.transaction(`${order.bookingCode}-1`)!.transaction_status).toBe("cancel");
    expect((await readPayments(suite.db, order.id)).map((p) => p.transactionStatus)).toEqual(["cancel", null]);
  });
});

describe("the shop's staff chat is told a refund is due", () => {
  const STAFF_CHAT = -100_777;
  /** The first line of each alert queued for the staff chat, in order. */
  const staffHeadlines = async () =>
    (await readOutbox(suite.db)).filter((m) => m.payload.params.chat_id === STAFF_CHAT).map((m) => (m.payload.params.text as string).split("\n")[0]);
  const notify = (orderId: string) => applyPaymentNotification({ body: JSON.stringify(suite.midtrans.notificationBody(orderId)) });
  beforeEach(() => saveStaffChats(suite.db, [STAFF_CHAT]));

  it("when money still arrives for a cancelled order: 'Perlu refund', once", async () => {
    const { order, orderId } = await cancelledThenPaid();
    await notify(orderId);
    expect(await staffHeadlines()).toEqual([`❌ Pesanan dibatalkan · ${order.bookingCode}`, `⚠️ Perlu refund · ${order.bookingCode}`]);
  });

  it("when a settled payment is cancelled at Midtrans: 'Perlu refund', once", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    await issueVirtualAccount(suite.db, { orderId: order.id });
    const orderId = `${order.bookingCode}-1`;
    suite.midtrans.setTransaction(orderId, { transaction_status: "settlement", fraud_status: "accept" });
    await notify(orderId);
    suite.midtrans.setTransaction(orderId, { transaction_status: "cancel", fraud_status: "accept" });
    await notify(orderId);
    await notify(orderId);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "failed", needsRefund: true });
    expect((await staffHeadlines()).filter((line) => line?.startsWith("⚠️ Perlu refund"))).toEqual([`⚠️ Perlu refund · ${order.bookingCode}`]);
  });
});
