import type { Database } from "@/db/client";
import { overrideEnv } from "@/lib/env";
import { settleAfterResponse } from "./after-response";
import { startMidtransStandIn, type MidtransStandIn } from "./midtrans-stand-in";
import { serveRoutes, type ServedRoutes } from "./serve-routes";
import { useStandInBot } from "./telegram-customer";
import { startTelegramStandIn, type TelegramStandIn } from "./telegram-stand-in";
import { setupTestDatabase, type TestDatabase } from "./test-db";

export interface SuiteOptions {
  /** Start the Telegram stand-in and point the bot at it (useStandInBot: APP_URL becomes TEST_APP_URL). */
  bot?: boolean;
  /** Start the Midtrans stand-in and point the app at it, with no Status API cross-check. */
  midtrans?: boolean;
  /** Route handlers to serve over loopback HTTP (serveRoutes), e.g. { "POST /api/midtrans/notification": POST }. */
  routes?: Parameters<typeof serveRoutes>[0];
  poolMax?: number;
  /** false: an empty database, before each test too (default: seeded). */
  seed?: boolean;
  /** More variables set before each test, after the stand-ins' (undefined unsets). */
  env?: Record<string, string | undefined>;
}

export interface SuiteContext {
  testDb: TestDatabase;
  /** testDb.db: this file's database, for queries and fixtures. */
  readonly db: Database;
  /** Set with `bot`. */
  tg: TelegramStandIn;
  /** Set with `midtrans`. */
  midtrans: MidtransStandIn;
  /** Set with `routes`. */
  app: ServedRoutes;
}

/**
 * Registers the hooks every database suite repeats: open this file's database
 * (and the stand-ins and routes asked for) once, empty and re-seed it, reset the
 * stand-ins and point the app at them before each test, close all at the end.
 * The returned object is filled in by beforeAll; read its fields inside tests.
 */
export function registerSuiteDatabase(options: SuiteOptions = {}): SuiteContext {
  const suite = {
    get db() {
      return this.testDb.db;
    },
  } as SuiteContext;
  beforeAll(async () => {
    [suite.testDb, suite.tg, suite.midtrans] = await Promise.all([
      setupTestDatabase({ poolMax: options.poolMax, seed: options.seed }),
      options.bot ? startTelegramStandIn() : (undefined as never),
      options.midtrans ? startMidtransStandIn() : (undefined as never),
    ]);
    if (options.routes) suite.app = await serveRoutes(options.routes);
  });
  afterAll(async () => {
    // Work a request left to run after its answer (due work, messages) ends here, on this file's database,
    // not after the file, when it would open a database of its own in a torn-down test environment.
    await settleAfterResponse();
    await Promise.all([suite.app?.stop(), suite.tg?.close(), suite.midtrans?.stop()]);
    await suite.testDb?.close();
  });
  beforeEach(async () => {
    await suite.testDb.reset({ seed: options.seed });
    suite.tg?.reset();
    suite.midtrans?.reset();
    const midtransEnv = suite.midtrans ? { ...suite.midtrans.env(), MIDTRANS_VERIFY_STATUS: undefined } : {};
    if (suite.tg) useStandInBot(suite.tg, { ...midtransEnv, ...options.env });
    else overrideEnv({ APP_URL: "https://jiot.test", ...midtransEnv, ...options.env });
  });
  return suite;
}

/** Runs something that logs an expected console.error (a refused or unanswered call) without the noise. */
export async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const errors = jest.spyOn(console, "error").mockImplementation(() => {});
  try {
    return await run();
  } finally {
    errors.mockRestore();
  }
}
