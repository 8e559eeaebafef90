import { overrideEnv } from "@/lib/env";
import { resetDueWork, runDueWork } from "@/lib/jobs/due-work";
import { bookOrder, holdRanOut, readOrder } from "@/tests/support/payment-fixtures";
import { setupTestDatabase, type TestDatabase } from "@/tests/support/test-db";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await setupTestDatabase();
});
afterAll(() => testDb.close());
beforeEach(async () => {
  await testDb.reset();
  resetDueWork();
  overrideEnv({ APP_URL: "https://jiot.test" });
});

describe("due work after ordinary requests", () => {
  it("expires a hold that ran out, then waits its interval before sweeping again", async () => {
    const now = new Date();
    const first = await bookOrder(testDb.db, { ...holdRanOut(), chatId: 1 });
    expect(await runDueWork(now)).toContain("expiry");
    expect((await readOrder(testDb.db, first.id)).paymentStatus).toBe("expired");

    const second = await bookOrder(testDb.db, { ...holdRanOut(), chatId: 2 });
    expect(await runDueWork(new Date(now.getTime() + 5_000))).toEqual([]);
    expect((await readOrder(testDb.db, second.id)).paymentStatus).toBe("unpaid");
    expect(await runDueWork(new Date(now.getTime() + 31_000))).toEqual(["expiry"]);
    expect((await readOrder(testDb.db, second.id)).paymentStatus).toBe("expired");
  });
});
