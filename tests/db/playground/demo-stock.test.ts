import { partStock } from "@/db/schema";
import { listStockLines } from "@/db/queries/part-stock";
import { seedDemoStock } from "@/lib/playground/demo-stock";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase();

describe("the demo's stock", () => {
  it("is filled on the first start (a last unit, a back-order part) and left as it is afterwards", async () => {
    expect(await seedDemoStock(suite.db)).toBe(true);
    const lines = await listStockLines(suite.db, { now: new Date() });
    expect(lines.map((l) => [l.deviceName, l.partName, l.onHand, l.backorderDays])).toEqual([
      ["iPhone X", "Battery", 1, null],
      ["iPhone 11", "LCD", 0, 3],
      ["iPhone 12", "Battery", 6, null],
    ]);
    await suite.db.update(partStock).set({ onHand: 9 });
    expect(await seedDemoStock(suite.db)).toBe(false);
    expect((await suite.db.select().from(partStock)).every((row) => row.onHand === 9)).toBe(true);
  });
});
