import { consistencyProblems } from "./consistency";
import { useStandInBot as pointAppAtStandIn } from "./telegram-customer";
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
export function setupFaultBed(options: { poolMax?: number; env?: Record<string, string | undefined> } = {}): FaultBed {
  const bed = { logged: () => bed.errors.mock.calls.map((c) => c.join(" ")).join("\n") } as FaultBed;
  beforeAll(async () => {
    [bed.db, bed.tg] = await Promise.all([setupTestDatabase({ poolMax: options.poolMax }), startTelegramStandIn()]);
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
