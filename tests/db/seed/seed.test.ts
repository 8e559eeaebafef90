import { sql } from "drizzle-orm";
import { countSeededRows, seedDatabase } from "@/db/seed";
import { listCatalog } from "@/db/queries/catalog";
import { listAllSlots } from "@/db/queries/slots";
import { getShopSettings } from "@/db/queries/settings";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ seed: false });

describe("db:seed", () => {
  it("loads the paper's catalog: Battery for the iPhone X is Rp70.000", async () => {
    await seedDatabase(suite.db);
    const catalog = await listCatalog(suite.db);
    const devices = new Set(catalog.map((c) => c.deviceName));
    for (const model of ["iPhone 5", "iPhone 5s", "iPhone 6", "iPhone 6+", "iPhone 6s", "iPhone X", "iPhone Xs"]) {
      expect(devices).toContain(model);
    }
    expect(new Set(catalog.map((c) => c.partName))).toEqual(new Set(["Battery", "LCD", "Finger", "Screen Guard", "Back Camera"]));
    expect(catalog.find((c) => c.deviceName === "iPhone X" && c.partName === "Battery")?.priceIdr).toBe(70_000);
    for (const entry of catalog) expect(Number.isInteger(entry.priceIdr) && entry.priceIdr > 0).toBe(true);
  });

  it("creates the four slots of capacity 2 and the default settings", async () => {
    await seedDatabase(suite.db);
    const slots = await listAllSlots(suite.db);
    expect(slots.map((s) => [s.label, s.capacity])).toEqual([
      ["09.00 - 11.00 WIB", 2],
      ["12.00 - 14.00 WIB", 2],
      ["15.00 - 17.00 WIB", 2],
      ["18.00 - 20.00 WIB", 2],
    ]);
    const settings = await getShopSettings(suite.db);
    expect(settings).toMatchObject({ bookingHorizonDays: 30, leadTimeMinutes: 60, holdHours: 24 });
  });

  it("running it twice changes nothing, and keeps a price the shop has edited", async () => {
    await seedDatabase(suite.db);
    await suite.db.execute(sql`update prices set price_idr = 75000 where device_id = 10 and part_id = 1`);
    const before = await countSeededRows(suite.db);
    await seedDatabase(suite.db);
    expect(await countSeededRows(suite.db)).toEqual(before);
    const catalog = await listCatalog(suite.db);
    expect(catalog.find((c) => c.deviceName === "iPhone X" && c.partName === "Battery")?.priceIdr).toBe(75_000);
  });
});
