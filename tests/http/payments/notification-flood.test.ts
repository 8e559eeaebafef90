import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { POST } from "@/app/api/midtrans/notification/route";
import { queryRows } from "@/db/client";
import { startSnapPayment } from "@/lib/payments/start-payment";
import { bookOrder, readAudit, readOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ midtrans: true, routes: { "POST /api/midtrans/notification": POST } });
const notifyUrl = () => `${suite.app.url}/api/midtrans/notification`;

/** Every table with its indexes and TOAST, in bytes: what a flood could make the database keep. */
async function databaseBytes(): Promise<number> {
  const [row] = await queryRows<{ bytes: string }>(
    suite.db,
    sql`select coalesce(sum(pg_total_relation_size(c.oid)), 0)::text as bytes from pg_class c
        join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'`,
  );
  return Number(row!.bytes);
}

/** Incompressible filler: compression must not be what keeps the database small. */
const noise = (bytes: number) => randomBytes(Math.ceil((bytes * 3) / 4)).toString("base64").slice(0, bytes);

async function inParallel<T>(items: T[], width: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await each(items[next++]!);
  }));
}

describe("a flood of junk at POST /api/midtrans/notification", () => {
  it("1 000 unsigned, malformed or badly signed posts, 20 at a time, grow the database by less than 1 MB", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    const started = await startSnapPayment(suite.db, { token: order.statusToken });
    if (!started.ok) throw new Error(started.reason);
    const orderId = `${order.bookingCode}-1`;
    suite.midtrans.setTransaction(orderId, { transaction_status: "settlement", fraud_status: "accept", payment_type: "bank_transfer" });
    const genuine = suite.midtrans.notificationBody(orderId);

    const junk = Array.from({ length: 1_000 }, (_, i) => {
      if (i % 3 === 0) {
        return JSON.stringify({ order_id: `${90_000_000 + i}-1`, status_code: "200", gross_amount: "70000.00", signature_key: noise(128), transaction_status: "settlement", padding: noise(62_000) });
      }
      if (i % 3 === 1) return `{"order_id": "${orderId}", ${noise(2_000)}`;
      return JSON.stringify({ ...genuine, signature_key: noise(128), padding: noise(62_000) });
    });
    expect(junk[0]!.length).toBeGreaterThan(62_000);
    const before = await databaseBytes();
    const statuses = new Map<number, number>();
    await inParallel(junk, 20, async (body) => {
      const { status } = await suite.midtrans.postNotification(notifyUrl(), body);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    const grown = (await databaseBytes()) - before;

    expect(Object.fromEntries(statuses)).toEqual({ 400: 333, 401: 333, 404: 334 });
    expect(grown).toBeLessThan(1_000_000);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("unpaid");
    // Kept: a few short excerpts per verdict, and the count of the rest.
    const rejected = await readAudit(suite.db, "payment.notification_rejected");
    expect(rejected.length).toBeLessThanOrEqual(15);
    for (const row of rejected) expect(JSON.stringify(row.after).length).toBeLessThan(400);
    const counted = await readAudit(suite.db, "payment.notifications_rejected_counted");
    // Per sender (no proxy header here: "unknown") and verdict, and over all senders together.
    expect(counted.map((row) => (row.after as { key: string }).key).sort()).toEqual([
      "midtrans-rejects:all",
      ...["bad_signature", "malformed", "unknown_order"].map((verdict) => `midtrans-rejects:unknown:${verdict}`),
    ]);

    // The genuine notification still goes through, audited in full less its signature.
    expect((await suite.midtrans.postNotification(notifyUrl(), genuine)).status).toBe(200);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("paid");
    const [applied] = await readAudit(suite.db, "payment.status_changed");
    const { signature_key: _signature, ...unsigned } = genuine;
    expect((applied!.after as { notification: unknown }).notification).toEqual(unsigned);
    // 62 MB of posts: 15–20 s on a quiet 2-core machine, past a minute when CI's other workers load it (seen once).
    // The subject is what the database keeps, not how fast the posts go (tests/bench measures that).
  }, 180_000);
});
