import { sql } from "drizzle-orm";
import { lockOrder, updateOrder } from "@/db/queries/orders";
import { payments, type Order } from "@/db/schema";
import { cancelOrderByShop, recordCashPayment } from "@/lib/admin/order-actions";
import { closeAttemptsOfCancelledOrders, closeOrderAttempts } from "@/lib/payments/close-attempts";
import { issueVirtualAccount } from "@/lib/payments/issue-virtual-account";
import { startSnapPayment } from "@/lib/payments/start-payment";
import type { StandInRoute } from "@/tests/support/midtrans-stand-in";
import { bookOrder, readAudit, readOrder, readPayments } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ midtrans: true });
const db = () => suite.db;
const by = { username: "owner", ip: null };

/** Snap ("Bayar Sekarang") and the VA charge go through the same attempt skeleton. */
const kinds: { name: string; route: StandInRoute; path: string; start: (order: Order) => Promise<{ ok: boolean; reason?: string }> }[] = [
  { name: "Snap", route: "snap", path: "/snap/v1/transactions", start: (order) => startSnapPayment(db(), { token: order.statusToken }) },
  { name: "VA", route: "charge", path: "/v2/charge", start: (order) => issueVirtualAccount(db(), { orderId: order.id }) },
];

/** Starts the attempt with Midtrans holding its answer; resolves (to the attempt under way) once the request has reached Midtrans. */
async function startHeld(kind: (typeof kinds)[number], order: Order, delayMs: number) {
  suite.midtrans.fault(kind.route, { delayMs, times: 1 });
  const started = kind.start(order);
  for (let i = 0; i < 500 && suite.midtrans.callsTo("POST", kind.path).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(suite.midtrans.callsTo("POST", kind.path)).toEqual([expect.objectContaining({ status: 0 })]);
  return { started };
}

describe.each(kinds)("a new $name attempt", (kind) => {
  it("asks Midtrans with no lock on the order: while Midtrans holds its answer, another transaction locks and updates the order at once", async () => {
    const order = await bookOrder(db(), { paymentMethod: "bca_va" });
    const { started } = await startHeld(kind, order, 3_000);

    const t0 = Date.now();
    await db().transaction(async (tx) => {
      // Waiting for the row would fail here (Postgres), or take the 3 s (PGlite runs one transaction at a time).
      await tx.execute(sql`set local lock_timeout = '500ms'`);
      await lockOrder(tx, { id: order.id });
      await updateOrder(tx, { id: order.id, changes: { customerName: "Budi S." } });
    });
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(suite.midtrans.callsTo("POST", kind.path)[0]!.status).toBe(0); // still held

    expect(await started).toMatchObject({ ok: true });
    expect(await readPayments(db(), order.id)).toHaveLength(1);
  });

  it("for an order cancelled while Midtrans is asked: the new attempt is closed at Midtrans, the order stays cancelled, the answer is 'closed'", async () => {
    const order = await bookOrder(db(), { paymentMethod: "bca_va" });
    const { started } = await startHeld(kind, order, 1_500);
    expect((await cancelOrderByShop(db(), { orderId: order.id, reason: "", by })).ok).toBe(true);
    await closeOrderAttempts(order.id); // what follows a cancel: nothing of the attempt under way is known to close yet

    expect(await started).toEqual({ ok: false, reason: "closed" });
    const [attempt] = await readPayments(db(), order.id);
    if (kind.route === "snap") {
      expect(suite.midtrans.callsTo("POST", `/snap/v1/transactions/${attempt!.snapToken}/cancel`)).toEqual([expect.objectContaining({ status: 200 })]);
      expect((await fetch(`${suite.midtrans.snapBaseUrl}/transactions/${attempt!.snapToken}/pay`, { method: "POST" })).status).toBe(412);
      expect((await readAudit(db(), "payment.attempt_closed"))[0]!.after).toMatchObject({ snapSession: "cancelled" });
    } else {
      expect(suite.midtrans.transaction(attempt!.midtransOrderId)!.transaction_status).toBe("cancel");
      expect(attempt!.transactionStatus).toBe("cancel");
    }
    expect(await readOrder(db(), order.id)).toMatchObject({ repairStatus: "cancelled", paymentStatus: "unpaid", needsRefund: false });
    // No money path left open: the retry job finds nothing to close.
    expect(await closeAttemptsOfCancelledOrders()).toEqual({ closed: 0, unavailable: 0 });
  });

  it("for an order paid in cash while Midtrans is asked: the new attempt is closed and the answer is 'paid'", async () => {
    const order = await bookOrder(db(), { paymentMethod: "bri_va" });
    const { started } = await startHeld(kind, order, 1_500);
    expect((await recordCashPayment(db(), { orderId: order.id, by })).ok).toBe(true);

    expect(await started).toEqual({ ok: false, reason: "paid" });
    const attempts = await readPayments(db(), order.id);
    expect(attempts.map((p) => [p.attempt, p.kind])).toEqual([
      [1, kind.route === "snap" ? "snap" : "core"],
      [2, "cash"],
    ]);
    if (kind.route === "charge") expect(suite.midtrans.transaction(`${order.bookingCode}-1`)!.transaction_status).toBe("cancel");
    else expect(suite.midtrans.callsTo("POST", `/snap/v1/transactions/${attempts[0]!.snapToken}/cancel`)).toHaveLength(1);
    expect(await readOrder(db(), order.id)).toMatchObject({ paymentStatus: "paid", needsRefund: false });
  });

  it("asked twice at once: one attempt at Midtrans, the second request waits for it and hands out the same one", async () => {
    const order = await bookOrder(db(), { paymentMethod: "bni_va" });
    suite.midtrans.fault(kind.route, { delayMs: 500, times: 1 });
    const results = await Promise.all([kind.start(order), kind.start(order)]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(suite.midtrans.callsTo("POST", kind.path)).toHaveLength(1);
    expect(await readPayments(db(), order.id)).toHaveLength(1);
  });
});

describe("attempts under way", () => {
  it("'Bayar Sekarang' while the VA is being issued waits for it, then supersedes it as before: the VA is cancelled, Snap is the one payable attempt", async () => {
    const order = await bookOrder(db(), { paymentMethod: "bca_va" });
    const { started: va } = await startHeld(kinds[1]!, order, 1_000);
    const snap = await startSnapPayment(db(), { token: order.statusToken });
    expect(await va).toMatchObject({ ok: true, reused: false });
    expect(snap).toMatchObject({ ok: true, reused: false });
    const attempts = await readPayments(db(), order.id);
    expect(attempts.map((p) => [p.attempt, p.kind, p.transactionStatus])).toEqual([
      [1, "core", "cancel"],
      [2, "snap", null],
    ]);
    expect(suite.midtrans.transaction(`${order.bookingCode}-1`)!.transaction_status).toBe("cancel");
  });

  it("one left by a request that died mid-call no longer holds anyone up: the next request makes the next attempt", async () => {
    const order = await bookOrder(db(), { paymentMethod: "bca_va" });
    const longAgo = new Date(Date.now() - 60_000);
    await db().insert(payments).values({ orderId: order.id, attempt: 1, midtransOrderId: `${order.bookingCode}-1`, kind: "snap", grossAmount: 70_000, createdAt: longAgo });
    const t0 = Date.now();
    expect(await startSnapPayment(db(), { token: order.statusToken })).toMatchObject({ ok: true, reused: false });
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect((await readPayments(db(), order.id)).map((p) => [p.attempt, Boolean(p.snapToken)])).toEqual([
      [1, false],
      [2, true],
    ]);
  });
});
