import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

// Migration 0006: instances keep settings, catalog and schedule per config_version, so every change of them must replace it.
const suite = registerSuiteDatabase();

async function version(): Promise<string | undefined> {
  const [row] = await queryRows<{ version: string }>(suite.db, sql`select version from config_version where id = 1`);
  return row?.version;
}

const EDITS: Record<string, string> = {
  settings: `update settings set value = '"Toko"' where key = 'shopName'`,
  devices: `update devices set sort = sort + 1 where id = (select min(id) from devices)`,
  parts: `insert into parts (name) values ('Speaker')`,
  prices: `delete from prices where (device_id, part_id) = (select device_id, part_id from prices limit 1)`,
  slots: `update slots set capacity = 3 where id = (select min(id) from slots)`,
  slot_weekday_capacity: `insert into slot_weekday_capacity (slot_id, weekday, capacity) select min(id), 1, 1 from slots`,
  closed_dates: `insert into closed_dates (date, reason) values ('2031-01-01', 'Tahun baru')`,
};

describe("config_version", () => {
  it.each(Object.entries(EDITS))("is replaced by a change of %s", async (_table, edit) => {
    const before = await version();
    expect(before).toBeTruthy();
    await suite.db.execute(sql.raw(edit));
    expect(await version()).not.toBe(before);
  });

  it("is left as it was by a change rolled back, and by reading", async () => {
    const before = await version();
    await suite.db
      .transaction(async (tx) => {
        await tx.execute(sql.raw(EDITS.devices!));
        throw new Error("rollback");
      })
      .catch(() => undefined);
    await suite.db.execute(sql`select * from slots for update`);
    expect(await version()).toBe(before);
  });

  it("is set again when the tables are emptied (a test's reset truncates them all)", async () => {
    await suite.db.execute(sql`truncate config_version, devices, prices restart identity cascade`);
    expect(await version()).toBeTruthy();
  });
});
