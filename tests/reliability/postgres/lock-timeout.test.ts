import { orders } from "@/db/schema";
import { expectRefusedUntouched, expectRetriesApplyOnce, paidSnapOrder } from "@/tests/support/snap-order";
import { expectBookNowKeptNothing, pendingBookNow, setupFaultBed, setupMidtransStandIn, setupSecondSession } from "@/tests/support/fault-bed";
import { postUpdate } from "@/tests/support/telegram-customer";

/**
 * Real Postgres only: another session holds a row the request needs (a stuck
 * admin query, a function frozen inside its transaction). The app's
 * connections wait at most lock_timeout (5 s in production, 300 ms here), then
 * the request answers "try again" with nothing kept, and the sender's retry
 * succeeds once the row is free.
 */
const bed = setupFaultBed({ poolMax: 4, lockTimeoutMs: 300 });
const outside = setupSecondSession(bed);
const stub = setupMidtransStandIn();

async function whileLocked<T>(lockSql: string, params: unknown[], work: () => Promise<T>): Promise<T> {
  await outside.hold(lockSql, params);
  try {
    return await work();
  } finally {
    await outside.release();
  }
}

describe("a row held by another session", () => {
  it("Book Now waiting on the customer's conversation answers 503 with nothing kept; Telegram's retry books once", async () => {
    expect(bed.db.kind).toBe("postgres");
    const pending = await pendingBookNow(bed, { id: 5559001, firstName: "Wati" });
    const bookNow = pending.bookNow;

    const answer = await whileLocked("select * from conversations where chat_id = $1 for update", [5559001], () => postUpdate(bookNow));
    await expectBookNowKeptNothing(bed, pending, answer);
    expect(bed.logged()).toMatch(/database unavailable, Telegram will retry/);

    expect((await postUpdate(bookNow)).status).toBe(200);
    expect(await bed.db.db.select().from(orders)).toHaveLength(1);
  });

  it("a notification waiting on its order answers 503 with the order untouched; Midtrans' retry applies it once", async () => {
    const { order, notify } = await paidSnapOrder(bed.db.db, stub.standIn, 5559002);

    const answer = await whileLocked("select * from orders where id = $1 for update", [order.id], notify);
    await expectRefusedUntouched(bed.db.db, order, answer);

    await expectRetriesApplyOnce(bed.db.db, order, notify);
  });
});
