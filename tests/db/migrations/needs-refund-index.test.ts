import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

// Migration 0007: the order list's "Perlu refund" filter reads a partial index in its own order, not the whole table.
const suite = registerSuiteDatabase();

describe("the needs_refund partial indexes", () => {
  it.each([
    ["orders_needs_refund_idx", "(created_at, id)"],
    ["orders_needs_refund_service_idx", "(service_date, created_at, id)"],
  ])("%s holds only the orders that need a refund, on %s", async (name, columns) => {
    const [index] = await queryRows<{ indexdef: string }>(
      suite.db,
      sql`select indexdef from pg_indexes where tablename = 'orders' and indexname = ${name}`,
    );
    expect(index?.indexdef.endsWith(`${columns} WHERE needs_refund`)).toBe(true);
  });

  it("serves the filter's first page without reading the table in full", async () => {
    const plan = await suite.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<{ "QUERY PLAN": string }>(tx, sql`explain select * from orders where needs_refund order by created_at desc, id desc limit 51`);
    });
    // Either partial index will do on a near-empty table; without them it is a walk of orders_created_id_idx.
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toMatch(/orders_needs_refund(_service)?_idx/);
  });
});
