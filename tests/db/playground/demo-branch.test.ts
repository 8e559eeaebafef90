import { listActiveBranches } from "@/db/queries/branches";
import { listBranchSlots } from "@/db/queries/slots";
import { listStockLines } from "@/db/queries/part-stock";
import { findBookedService } from "@/lib/booking/booked-service";
import { seedDemoBranch } from "@/lib/playground/demo-branch";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase();

describe("the demo's second branch", () => {
  it("is added on the first start with its own slots, price and shelf, and not again", async () => {
    expect(await seedDemoBranch(suite.db)).toBe(true);
    const [, depok] = await listActiveBranches(suite.db);
    expect(depok).toMatchObject({ name: "Cabang Depok", phone: "+6281298765432" });
    expect((await listBranchSlots(suite.db, { branchId: depok!.id })).map((s) => s.label)).toEqual(["10.00 - 13.00 WIB", "14.00 - 17.00 WIB"]);
    expect((await listBranchSlots(suite.db)).map((s) => s.label)).not.toContain("10.00 - 13.00 WIB");
    const battery = { deviceId: 10, partId: 1, diagnosisFeeIdr: 0 };
    expect((await findBookedService(suite.db, { ...battery, branchId: depok!.id }))?.priceIdr).toBe(65_000);
    expect((await findBookedService(suite.db, battery))?.priceIdr).toBe(70_000);
    expect((await listStockLines(suite.db, { now: new Date(), branchId: depok!.id })).map((l) => [l.deviceName, l.partName, l.onHand])).toEqual([["iPhone X", "Battery", 3]]);
    expect(await seedDemoBranch(suite.db)).toBe(false);
    expect(await listActiveBranches(suite.db)).toHaveLength(2);
  });
});
