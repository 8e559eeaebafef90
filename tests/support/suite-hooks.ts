import { startTelegramStandIn, type TelegramStandIn } from "./telegram-stand-in";
import { setupTestDatabase, type TestDatabase } from "./test-db";

export interface SuiteContext {
  testDb: TestDatabase;
  tg: TelegramStandIn;
}

/**
 * Registers the usual hooks of a database (and, with `bot`, Telegram stand-in)
 * suite: open once, reset and re-seed before each test, close at the end. The
 * returned object is filled in by beforeAll.
 */
export function registerSuiteDatabase({ bot = false, poolMax }: { bot?: boolean; poolMax?: number } = {}): SuiteContext {
  const context = {} as SuiteContext;
  beforeAll(async () => {
    [context.testDb, context.tg] = await Promise.all([setupTestDatabase({ poolMax }), bot ? startTelegramStandIn() : (undefined as never)]);
  });
  afterAll(async () => {
    await context.tg?.close();
    await context.testDb?.close();
  });
  beforeEach(async () => {
    await context.testDb.reset();
    context.tg?.reset();
  });
  return context;
}
