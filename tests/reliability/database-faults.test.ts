import { sql } from "drizzle-orm";
import { setDbHandle } from "@/db";
import { openDatabase } from "@/db/client";
import { conversations, orders } from "@/db/schema";
import { TOMORROW, walkWizard } from "@/tests/support/bot-flows";
import { startMidtransStandIn, type MidtransStandIn } from "@/tests/support/midtrans-stand-in";
import { expectRetriesApplyOnce, paidSnapOrder } from "@/tests/support/snap-order";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { setupFaultBed } from "@/tests/support/fault-bed";
import { postUpdate, TelegramCustomer, type Update } from "@/tests/support/telegram-customer";

/**
 * The database failing in the middle of Book Now (issue 3 §1, issue 7 "Faults"):
 * a trigger makes one write of the booking transaction fail the way a dying
 * server does (SQLSTATE 57P01 "terminating connection", 08006 "connection
 * failure"), after the earlier writes of that transaction went through. The
 * webhook must answer 503 (Telegram retries), keep nothing of the half-done
 * booking, and the retried update must book exactly once.
 */
const bed = setupFaultBed();
let midtrans: MidtransStandIn;
beforeAll(async () => {
  midtrans = await startMidtransStandIn();
});
afterAll(() => midtrans.stop());
afterEach(async () => {
  for (const table of ["orders", "audit_log", "outbox", "conversations", "payments"]) await heal(table);
});

type Fault = { table: string; op: "insert" | "update"; code: string };
const FAULTS: Fault[] = [
  { table: "orders", op: "insert", code: "57P01" },
  { table: "audit_log", op: "insert", code: "08006" },
  { table: "outbox", op: "insert", code: "57P01" },
  { table: "conversations", op: "update", code: "08006" },
];
const NOTIFICATION_FAULTS: Fault[] = [
  { table: "payments", op: "update", code: "57P01" },
  { table: "orders", op: "update", code: "08006" },
  { table: "outbox", op: "insert", code: "57P01" },
  { table: "audit_log", op: "insert", code: "08006" },
];

async function failNextWrite({ table, op, code }: Fault): Promise<void> {
  await bed.db.db.execute(
    sql.raw(`create or replace function reliability_fail() returns trigger language plpgsql as $$
      begin raise exception 'terminating connection (injected)' using errcode = '${code}'; end $$`),
  );
  await bed.db.db.execute(sql.raw(`create trigger reliability_fault before ${op} on ${table} for each row execute function reliability_fail()`));
}

async function heal(table: string): Promise<void> {
  await bed.db.db.execute(sql.raw(`drop trigger if exists reliability_fault on ${table}`));
}

const confirmations = () => bed.tg.callsOf("sendMessage").filter((c) => c.status === 200 && String(c.params.text).startsWith("✅ Booking berhasil!"));

/** Every row of every table: a failed request must leave them exactly as they were. */
const snapshot = () => snapshotTables(bed.db.db);

describe("the database fails in the middle of the Book Now transaction", () => {
  it.each(FAULTS)("a failure at the $op of $table ($code): 503, nothing half-written, the retry books exactly once", async (fault) => {
    const customer = new TelegramCustomer(bed.tg, { id: 5557001, firstName: "Rina", username: "rina_r" });
    await walkWizard(customer, "summary");
    const before = await snapshot();
    const callsBefore = bed.tg.calls.length;
    const bookNow: Update = customer.tapUpdate("Book Now");

    await failNextWrite(fault);
    expect((await postUpdate(bookNow)).status).toBe(503);
    expect(await snapshot()).toEqual(before);
    expect(bed.tg.calls.slice(callsBefore)).toEqual([]);
    expect(bed.logged()).toContain(`update ${bookNow.update_id}`);

    // Telegram retries the same update while the database is still failing, then after it is back.
    expect((await postUpdate(bookNow)).status).toBe(503);
    expect(await snapshot()).toEqual(before);
    await heal(fault.table);
    expect((await postUpdate(bookNow)).status).toBe(200);
    expect((await postUpdate(bookNow)).status).toBe(200);

    const booked = await bed.db.db.select().from(orders);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ chatId: 5557001, customerName: "Rina", telegramUsername: "rina_r", serviceDate: TOMORROW() });
    expect(confirmations()).toHaveLength(1);
    expect(String(confirmations()[0]!.params.text)).toContain(booked[0]!.bookingCode);
    const [conversation] = await bed.db.db.select().from(conversations);
    expect(conversation!.step).toBe("booked");
  });

  it("a wizard step while the database is unreachable answers 503 and the retry moves the wizard on", async () => {
    const customer = new TelegramCustomer(bed.tg, { id: 5557002, firstName: "Sari" });
    await walkWizard(customer, "date");
    const date = customer.textUpdate(TOMORROW().split("-").reverse().join("/"));
    const unreachable = await openDatabase({ driver: "pg", url: "postgres://postgres@127.0.0.1:9/none", poolMax: 1 });
    const callsBefore = bed.tg.calls.length;
    setDbHandle(unreachable);
    try {
      expect((await postUpdate(date)).status).toBe(503);
    } finally {
      setDbHandle(bed.db);
      await unreachable.close();
    }
    expect(bed.tg.calls.slice(callsBefore)).toEqual([]);
    expect((await bed.db.db.select().from(conversations))[0]!.step).toBe("date");
    expect((await postUpdate(date)).status).toBe(200);
    expect((await bed.db.db.select().from(conversations))[0]!.step).toBe("device");
    expect(customer.lastMessage().keyboard.flat().map((b) => b.text)).toContain("iPhone X");
  });
});

describe("the database fails in the middle of applying a Midtrans notification", () => {
  it.each(NOTIFICATION_FAULTS)("a failure at the $op of $table ($code): 503, the order untouched, Midtrans' retry applies it once", async (fault) => {
    const { order, notify } = await paidSnapOrder(bed.db.db, midtrans, 5557003);
    const before = await snapshot();

    await failNextWrite(fault);
    expect((await notify()).status).toBe(503);
    expect(await snapshot()).toEqual(before);
    await heal(fault.table);
    await expectRetriesApplyOnce(bed.db.db, order, notify);
  });
});
