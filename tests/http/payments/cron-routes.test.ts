import { sql } from "drizzle-orm";
import { GET as MAINTENANCE } from "@/app/api/cron/maintenance/route";
import { GET as REMINDERS } from "@/app/api/cron/reminders/route";
import { setDbHandle } from "@/db";
import { openDatabase } from "@/db/client";
import { processedUpdates } from "@/db/schema";
import { addDays, todayInJakarta, wibInstant } from "@/lib/booking/calendar";
import { issueVirtualAccount } from "@/lib/payments/issue-virtual-account";
import { startSnapPayment } from "@/lib/payments/start-payment";
import { bookOrder, holdRanOut, readAudit, readOrder, readOutbox, readPayments } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const CRON_SECRET = "cron-secret-for-tests-0123456789";
const suite = registerSuiteDatabase({ midtrans: true, env: { CRON_SECRET } });
const cron = (handler: (r: Request) => Promise<Response>, token: string | null = CRON_SECRET) =>
  handler(new Request("https://jiot.test/api/cron/x", { headers: token ? { authorization: `Bearer ${token}` } : {} }));


describe("cron routes", () => {
  it("refuse a missing or wrong Bearer token with 401 and do nothing", async () => {
    const order = await bookOrder(suite.db, holdRanOut());
    expect((await cron(MAINTENANCE, null)).status).toBe(401);
    expect((await cron(MAINTENANCE, "wrong-secret-0123456789")).status).toBe(401);
    expect((await cron(REMINDERS, null)).status).toBe(401);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("unpaid");
    expect(await readOutbox(suite.db)).toEqual([]);
  });

  it("expiry frees the slot: orders past their hold are expired, cancelled and their customers told", async () => {
    const first = await bookOrder(suite.db, { ...holdRanOut(), chatId: 1 });
    const second = await bookOrder(suite.db, { ...holdRanOut(), chatId: 2 });
    // (A booking would take their places even before the sweep: tests/db/booking/lapsed-holds.test.ts.)
    const response = await cron(MAINTENANCE);
    expect(response.status).toBe(200);
    expect((await response.json()).expiry).toEqual({ expired: 2, checked: 2 });
    for (const order of [first, second]) {
      expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "expired", repairStatus: "cancelled" });
    }
    const texts = (await readOutbox(suite.db)).map((m) => m.payload.params.text as string);
    expect(texts).toHaveLength(2);
    expect(texts.every((t) => t.includes("Batas waktu pembayaran"))).toBe(true);
    expect(await readAudit(suite.db, "order.expired")).toHaveLength(2);
    // The place is free again.
    await expect(bookOrder(suite.db, { chatId: 3 })).resolves.toBeDefined();
    // A second run finds nothing more to do and says nothing twice.
    expect((await (await cron(MAINTENANCE)).json()).expiry).toEqual({ expired: 0, checked: 0 });
    expect(await readOutbox(suite.db)).toHaveLength(2);
  });

  it("expiry cancels the order's pending VA at Midtrans, so it can no longer be paid", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    await issueVirtualAccount(suite.db, { orderId: order.id });
    await suite.db.execute(sql`update orders set hold_expires_at = now() - interval '1 minute' where id = ${order.id}`);
    await cron(MAINTENANCE);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "expired", repairStatus: "cancelled" });
    expect(suite.midtrans.transaction(`${order.bookingCode}-1`)!.transaction_status).toBe("cancel");
    expect((await readPayments(suite.db, order.id))[0]!.transactionStatus).toBe("cancel");
    expect(await readOutbox(suite.db)).toHaveLength(1);
  });

  it("a VA paid at the last moment, with no notification yet, is honoured instead of expired", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    await issueVirtualAccount(suite.db, { orderId: order.id });
    suite.midtrans.setTransaction(`${order.bookingCode}-1`, { transaction_status: "settlement" });
    await suite.db.execute(sql`update orders set hold_expires_at = now() - interval '1 minute' where id = ${order.id}`);
    await cron(MAINTENANCE);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "paid", repairStatus: "booked", needsRefund: false });
    expect((await readOutbox(suite.db))[0]!.payload.params.text).toContain("Pembayaran diterima");
  });

  it("a pending attempt with no notification is settled from the Status API", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "gopay" });
    await startSnapPayment(suite.db, { token: order.statusToken });
    suite.midtrans.setTransaction(`${order.bookingCode}-1`, { transaction_status: "settlement", payment_type: "gopay" });
    // Fresh attempts are left to their notification for a few minutes.
    expect((await (await cron(MAINTENANCE)).json()).reconciled.changed).toBe(0);
    await suite.db.execute(sql`update payments set updated_at = now() - interval '10 minutes'`);
    const report = await (await cron(MAINTENANCE)).json();
    expect(report.reconciled.changed).toBe(1);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("paid");
    expect((await readAudit(suite.db, "payment.status_changed"))[0]).toMatchObject({ actor: "midtrans" });
    expect(await readOutbox(suite.db)).toHaveLength(1);
  });

  it("prunes Telegram update ids older than three days", async () => {
    await suite.db.insert(processedUpdates).values([
      { updateId: 1, at: new Date(Date.now() - 4 * 86_400_000) },
      { updateId: 2, at: new Date() },
    ]);
    expect((await (await cron(MAINTENANCE)).json()).prunedUpdates).toBe(1);
    expect((await suite.db.select().from(processedUpdates)).map((r) => r.updateId)).toEqual([2]);
  });

  it("the reminders route queues tomorrow's reminders once it is 08.00 WIB", async () => {
    await bookOrder(suite.db, { serviceDate: addDays(todayInJakarta(), 1), slotIndex: 3 });
    const afterEight = new Date() >= wibInstant(todayInJakarta(), "08:00");
    const response = await cron(REMINDERS);
    expect(response.status).toBe(200);
    expect((await response.json()).reminders.queued).toBe(afterEight ? 1 : 0);
  });

  it("every cron answers a database outage with 503 and a JSON error, so nothing is half-reported as done", async () => {
    // Port 9 on loopback: nothing listens, the connection is refused at once.
    const unreachable = await openDatabase({ driver: "pg", url: "postgres://postgres@127.0.0.1:9/none", poolMax: 1 });
    setDbHandle(unreachable);
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const route of [MAINTENANCE, REMINDERS]) {
        expect((await cron(route, "wrong-secret-0123456789")).status).toBe(401);
        const response = await cron(route);
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("5");
        expect(await response.json()).toEqual({ error: expect.any(String) });
      }
      expect(errors.mock.calls.join(" ")).not.toContain("postgres://");
    } finally {
      errors.mockRestore();
      await unreachable.close();
      setDbHandle(suite.testDb);
    }
  });
});
