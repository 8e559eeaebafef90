import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { MIGRATIONS_FOLDER, openDatabase, queryRows, type Database, type DbHandle } from "@/db/client";
import { createScratchPostgres, testDbKind } from "@/tests/support/test-db";

// Migration 0012: today's shop becomes branch 1, with every order, slot, closed date, stock row, wait and admin in it.

const BEFORE_BRANCHES = fs
  .readdirSync(MIGRATIONS_FOLDER)
  .filter((name) => /^\d{4}_.*\.sql$/.test(name))
  .sort()
  .filter((name) => name < "0012");

/** One statement at a time: a prepared statement (PGlite, pg with parameters) takes only one. */
async function runStatements(db: Database, text: string) {
  for (const statement of text.split(/;\s*\n/)) {
    if (statement.trim()) await db.execute(sql.raw(statement));
  }
}

async function runMigration(db: Database, file: string) {
  const text = fs.readFileSync(path.join(MIGRATIONS_FOLDER, file), "utf8");
  for (const statement of text.split("--> statement-breakpoint")) {
    if (statement.trim()) await db.execute(sql.raw(statement));
  }
}

/** A database as 0011 left it, with a shop's day in it: settings, slots, a closed date, stock, orders, a wait, two admins. */
async function shopAtTechnicians(db: Database) {
  for (const file of BEFORE_BRANCHES) await runMigration(db, file);
  await runStatements(db, `
    insert into settings (key, value) values ('shopName', '"Jiot Kemang"'), ('address', '"Jl. Kemang Raya 8"'), ('phone', '"+6281234567890"'), ('mapsUrl', '"https://maps.example/kemang"');
    insert into devices (id, name) values (1, 'iPhone X');
    insert into parts (id, name) values (1, 'Battery');
    insert into prices (device_id, part_id, price_idr) values (1, 1, 250000);
    insert into slots (id, label, start_time, end_time, capacity) values (1, '09.00 - 11.00 WIB', '09:00', '11:00', 2), (2, '12.00 - 14.00 WIB', '12:00', '14:00', 2);
    insert into closed_dates (date, reason) values ('2031-01-01', 'Tahun baru');
    insert into part_stock (device_id, part_id, on_hand) values (1, 1, 3);
    insert into admins (id, username, password_hash, role) values (1, 'owner', 'x', 'owner'), (2, 'kasir', 'x', 'staff');
    insert into orders (booking_code, status_token, chat_id, device_id, part_id, slot_id, device_name, part_name, slot_label, service_date, payment_method, amount_idr)
      values ('12345678', 'tok-1', 77, 1, 1, 1, 'iPhone X', 'Battery', '09.00 - 11.00 WIB', '2030-05-02', 'bca_va', 250000),
             ('87654321', 'tok-2', 78, 1, 1, 2, 'iPhone X', 'Battery', '12.00 - 14.00 WIB', '2030-05-02', 'pay_at_shop', 250000);
    insert into waitlist (chat_id, service_date) values (79, '2030-05-02');
  `);
}

async function openEmptyDatabase(): Promise<DbHandle & { drop(): Promise<void> }> {
  if (testDbKind() === "pglite") {
    const handle = await openDatabase({ driver: "pglite" });
    return { ...handle, drop: async () => {} };
  }
  const scratch = await createScratchPostgres();
  const handle = await openDatabase({ driver: "pg", url: scratch.url });
  return { ...handle, drop: scratch.drop };
}

describe("migration 0012_branches", () => {
  let handle: DbHandle & { drop(): Promise<void> };
  beforeAll(async () => {
    handle = await openEmptyDatabase();
    await shopAtTechnicians(handle.db);
    await runMigration(handle.db, "0012_branches.sql");
  }, 60_000);
  afterAll(async () => {
    await handle.close();
    await handle.drop();
  });

  it("makes branch 1 from the shop's settings", async () => {
    expect(await queryRows(handle.db, sql`select id, name, address, phone, maps_url, active from branches`)).toEqual([
      { id: 1, name: "Jiot Kemang", address: "Jl. Kemang Raya 8", phone: "+6281234567890", maps_url: "https://maps.example/kemang", active: true },
    ]);
  });

  it.each([
    ["orders", 2],
    ["slots", 2],
    ["closed_dates", 1],
    ["part_stock", 1],
    ["waitlist", 1],
  ])("keeps every row of %s, all in branch 1", async (table, rows) => {
    const [count] = await queryRows<{ all: number; first: number }>(
      handle.db,
      sql.raw(`select count(*)::int as "all", (count(*) filter (where branch_id = 1))::int as "first" from ${table}`),
    );
    expect(count).toEqual({ all: rows, first: rows });
  });

  it("keeps the orders' own data and puts every admin in branch 1", async () => {
    expect(await queryRows(handle.db, sql`select booking_code, slot_id, amount_idr from orders order by booking_code`)).toEqual([
      { booking_code: "12345678", slot_id: 1, amount_idr: 250000 },
      { booking_code: "87654321", slot_id: 2, amount_idr: 250000 },
    ]);
    expect(await queryRows(handle.db, sql`select admin_id, branch_id from admin_branches order by admin_id`)).toEqual([
      { admin_id: 1, branch_id: 1 },
      { admin_id: 2, branch_id: 1 },
    ]);
    expect(await queryRows(handle.db, sql`select on_hand from part_stock`)).toEqual([{ on_hand: 3 }]);
  });

  it("lets a second branch use the same slot label, closed date and stock key, and numbers it 2", async () => {
    await runStatements(handle.db, `
      insert into branches (name) values ('Cabang Depok');
      insert into slots (id, branch_id, label, start_time, end_time) values (3, 2, '09.00 - 11.00 WIB', '09:00', '11:00');
      insert into closed_dates (branch_id, date) values (2, '2031-01-01');
      insert into part_stock (branch_id, device_id, part_id, on_hand) values (2, 1, 1, 5);
    `);
    expect(await queryRows(handle.db, sql`select id from branches where name = 'Cabang Depok'`)).toEqual([{ id: 2 }]);
    await expect(handle.db.execute(sql`insert into closed_dates (branch_id, date) values (2, '2031-01-01')`)).rejects.toThrow();
  });
});
