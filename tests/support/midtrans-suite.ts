import { overrideEnv } from "@/lib/env";
import { startMidtransStandIn, type MidtransStandIn } from "./midtrans-stand-in";
import { setupTestDatabase, type TestDatabase } from "./test-db";

export interface MidtransSuite {
  testDb: TestDatabase;
  midtrans: MidtransStandIn;
}

/**
 * A database suite that talks to the Midtrans stand-in over real HTTP: both
 * opened once, reset before each test, the app pointed at the stand-in (no
 * Status API cross-check unless a test asks). Filled in by beforeAll.
 */
export function registerMidtransSuite(): MidtransSuite {
  const suite = {} as MidtransSuite;
  beforeAll(async () => {
    [suite.testDb, suite.midtrans] = await Promise.all([setupTestDatabase(), startMidtransStandIn()]);
  });
  afterAll(async () => {
    await Promise.all([suite.testDb?.close(), suite.midtrans?.stop()]);
  });
  beforeEach(async () => {
    await suite.testDb.reset();
    suite.midtrans.reset();
    overrideEnv({ ...suite.midtrans.env(), APP_URL: "https://jiot.test", MIDTRANS_VERIFY_STATUS: undefined });
  });
  return suite;
}

/** Runs something that logs an expected console.error (a refused or unanswered Midtrans call) without the noise. */
export async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const errors = jest.spyOn(console, "error").mockImplementation(() => {});
  try {
    return await run();
  } finally {
    errors.mockRestore();
  }
}
