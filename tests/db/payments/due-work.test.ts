import { resetDueWork, runDueWork } from "@/lib/jobs/due-work";
import { bookOrder, holdRanOut, readOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase();
beforeEach(() => resetDueWork());

describe("due work after ordinary requests", () => {
  it("expires a hold that ran out, then waits its interval before sweeping again", async () => {
    const now = new Date();
    const first = await bookOrder(suite.db, { ...holdRanOut(), chatId: 1 });
    expect(await runDueWork(now)).toContain("expiry");
    expect((await readOrder(suite.db, first.id)).paymentStatus).toBe("expired");

    const second = await bookOrder(suite.db, { ...holdRanOut(), chatId: 2 });
    expect(await runDueWork(new Date(now.getTime() + 5_000))).toEqual([]);
    expect((await readOrder(suite.db, second.id)).paymentStatus).toBe("unpaid");
    expect(await runDueWork(new Date(now.getTime() + 31_000))).toEqual(["expiry"]);
    expect((await readOrder(suite.db, second.id)).paymentStatus).toBe("expired");
  });
});
