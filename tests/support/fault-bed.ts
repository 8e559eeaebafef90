import { Client } from "pg";
import { conversations, orders, outbox, processedUpdates, type Conversation } from "@/db/schema";
import { walkWizard } from "./bot-flows";
import { consistencyProblems } from "./consistency";
import { startMidtransStandIn, type MidtransStandIn } from "./midtrans-stand-in";
import { useStandInBot as pointAppAtStandIn, TelegramCustomer, type Update } from "./telegram-customer";
import { startTelegramStandIn, type TelegramStandIn } from "./telegram-stand-in";
import { setupTestDatabase, type TestDatabase } from "./test-db";

export interface FaultBed {
  db: TestDatabase;
  tg: TelegramStandIn;
  /** console.error, silenced: fault tests make the app log on purpose; assert on it here. */
  errors: jest.SpyInstance;
  /** The logged lines, joined. */
  logged(): string;
}

/**
 * The reliability suite's test bed: this file's database and a stand-in Bot API,
 * both reset before each test, console.error captured, and after every test the
 * consistency check (tests/support/consistency.ts) must find nothing. Call at
 * the top of a test file; read the fields inside tests.
 */
export function setupFaultBed(options: { poolMax?: number; lockTimeoutMs?: number; env?: Record<string, string | undefined> } = {}): FaultBed {
  const bed = { logged: () => bed.errors.mock.calls.map((c) => c.join(" ")).join("\n") } as FaultBed;
  beforeAll(async () => {
    [bed.db, bed.tg] = await Promise.all([setupTestDatabase({ poolMax: options.poolMax, lockTimeoutMs: options.lockTimeoutMs }), startTelegramStandIn()]);
  });
  afterAll(async () => {
    await bed.tg.close();
    await bed.db.close();
  });
  beforeEach(async () => {
    pointAppAtStandIn(bed.tg, options.env);
    await bed.db.reset();
    bed.tg.reset();
    bed.errors = jest.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(async () => {
    bed.errors.mockRestore();
    expect(await consistencyProblems(bed.db.db, { tg: bed.tg })).toEqual([]);
  });
  return bed;
}

/**
 * A second Postgres session on the bed's database, for holding a row lock or
 * killing the app's backends from outside (real Postgres only). Use inside tests.
 */
export interface SecondSession {
  client: Client;
  /** Opens a transaction and takes the row lock of `lockSql` (a SELECT … FOR UPDATE). */
  hold(lockSql: string, params: unknown[]): Promise<void>;
  /** Ends that transaction: the row is free again. */
  release(): Promise<void>;
}

export function setupSecondSession(bed: FaultBed): SecondSession {
  const session = {
    async hold(lockSql: string, params: unknown[]) {
      await session.client.query("begin");
      await session.client.query(lockSql, params);
    },
    async release() {
      await session.client.query("rollback");
    },
  } as SecondSession;
  beforeAll(async () => {
    session.client = new Client({ connectionString: bed.db.url });
    // The bed drops this file's database WITH (FORCE) when done, which may end this session first.
    session.client.on("error", () => {});
    await session.client.connect();
  });
  afterAll(() => session.client.end());
  return session;
}

/** A Midtrans stand-in for the file's tests, started before and stopped after them. */
export function setupMidtransStandIn(): { standIn: MidtransStandIn } {
  const holder = {} as { standIn: MidtransStandIn };
  beforeAll(async () => {
    holder.standIn = await startMidtransStandIn();
  });
  afterAll(() => holder.standIn.stop());
  return holder;
}

export interface PendingBookNow {
  customer: TelegramCustomer;
  /** The Book Now tap, made but not yet sent. */
  bookNow: Update;
  conversation: Conversation;
  callsBefore: number;
}

/** A customer at the wizard's summary with the Book Now update ready, and what a refused tap must leave as it was. */
export async function pendingBookNow(bed: FaultBed, profile: { id: number; firstName: string }): Promise<PendingBookNow> {
  const customer = new TelegramCustomer(bed.tg, profile);
  await walkWizard(customer, "summary");
  const [conversation] = await bed.db.db.select().from(conversations);
  return { customer, bookNow: customer.tapUpdate("Book Now"), conversation: conversation!, callsBefore: bed.tg.calls.length };
}

/** A Book Now answered "try again" (503) kept nothing: no order, claim or queued message, the conversation as it was, nothing said. */
export async function expectBookNowKeptNothing(bed: FaultBed, pending: PendingBookNow, answer: Response): Promise<void> {
  expect(answer.status).toBe(503);
  expect(await bed.db.db.select().from(orders)).toEqual([]);
  expect(await bed.db.db.select().from(outbox)).toEqual([]);
  expect((await bed.db.db.select().from(processedUpdates)).map((r) => r.updateId)).not.toContain(pending.bookNow.update_id);
  expect(await bed.db.db.select().from(conversations)).toEqual([pending.conversation]);
  expect(bed.tg.calls.slice(pending.callsBefore)).toEqual([]);
}
