import { expectRefusedUntouched, expectRetriesApplyOnce, paidSnapOrder } from "@/tests/support/snap-order";
import { orders, slots } from "@/db/schema";
import { deliverDueMessages } from "@/lib/notify/deliver";
import { walkWizard } from "@/tests/support/bot-flows";
import { expectBookNowKeptNothing, pendingBookNow, setupFaultBed, setupMidtransStandIn, setupSecondSession } from "@/tests/support/fault-bed";
import { postUpdate, TelegramCustomer } from "@/tests/support/telegram-customer";

/**
 * Real Postgres only: the server kills the app's connection (pg_terminate_backend,
 * what a failover, a restart or an admin does) while the Book Now transaction
 * is inside it. To catch it there, another session holds the slot's row lock,
 * so the booking transaction stops at the slot, after claiming the update and
 * locking the conversation, and is terminated while it waits.
 */
const bed = setupFaultBed({ poolMax: 4 });
const outside = setupSecondSession(bed);
const stub = setupMidtransStandIn();

/** Holds a row lock in another session, runs `work` until it waits on it, terminates its backend, and returns its outcome. */
async function terminatedWhileWaiting<T>(lockSql: string, params: unknown[], work: () => Promise<T>): Promise<T> {
  await outside.hold(lockSql, params);
  const outcome = work();
  const pid = await waitingBackend();
  const { rows } = await outside.client.query<{ done: boolean }>("select pg_terminate_backend($1) as done", [pid]);
  expect(rows[0]!.done).toBe(true);
  await outside.release();
  return outcome;
}

/** The pid of the app's backend waiting for a lock in this database (polled until it shows). */
async function waitingBackend(): Promise<number> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await outside.client.query<{ pid: number }>(
      `select pid from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the booking transaction never reached the slot lock");
}

const confirmations = () => bed.tg.callsOf("sendMessage").filter((c) => c.status === 200 && String(c.params.text).startsWith("✅ Booking berhasil!"));

describe("pg_terminate_backend during Book Now", () => {
  it("answers 503, leaves no order, claim or queued message, and Telegram's retry books exactly once", async () => {
    expect(bed.db.kind).toBe("postgres");
    const pending = await pendingBookNow(bed, { id: 5558001, firstName: "Tono" });
    const bookNow = pending.bookNow;
    const [slot] = await bed.db.db.select().from(slots).orderBy(slots.startTime).limit(1);

    const answer = await terminatedWhileWaiting("select * from slots where id = $1 for update", [slot!.id], () => postUpdate(bookNow));
    await expectBookNowKeptNothing(bed, pending, answer);

    // The pool lost a connection; the retry gets a fresh one.
    expect((await postUpdate(bookNow)).status).toBe(200);
    expect((await postUpdate(bookNow)).status).toBe(200);
    const booked = await bed.db.db.select().from(orders);
    expect(booked).toHaveLength(1);
    expect(confirmations()).toHaveLength(1);
    expect(String(confirmations()[0]!.params.text)).toContain(booked[0]!.bookingCode);
    expect(await deliverDueMessages({ limit: 10 })).toEqual({ sent: 0, failed: 0, retried: 0 });
  });

  it("an outbox retry after every pool connection was terminated sends the confirmation exactly once", async () => {
    const customer = new TelegramCustomer(bed.tg, { id: 5558002, firstName: "Umi" });
    await walkWizard(customer, "summary");
    // The confirmation is queued in the booking transaction; the send after commit is refused once (500).
    bed.tg.failNext(1, { status: 500 }, { method: "sendMessage" });
    expect((await customer.tap("Book Now")).status).toBe(200);
    expect(confirmations()).toHaveLength(0);

    // Every idle connection of the app's pool is killed before the retry.
    await outside.client.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
    const later = new Date(Date.now() + 3_600_000);
    const first = await deliverDueMessages({ limit: 10, now: later }).catch((error: Error) => error);
    const second = await deliverDueMessages({ limit: 10, now: later });
    const sent = (first instanceof Error ? 0 : first.sent) + second.sent;
    expect(sent).toBe(1);
    expect(confirmations()).toHaveLength(1);
  });

  it("while a Midtrans notification is being applied: 503, the order untouched, and Midtrans' retry applies it once", async () => {
    const { order, notify } = await paidSnapOrder(bed.db.db, stub.standIn, 5558003);

    const answer = await terminatedWhileWaiting("select * from orders where id = $1 for update", [order.id], notify);
    await expectRefusedUntouched(bed.db.db, order, answer);

    await expectRetriesApplyOnce(bed.db.db, order, notify);
  });
});
