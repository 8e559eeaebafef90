import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

// Migration 0007: the order list's "Perlu refund" filter reads a partial index in its own order, not the whole table.
const suite = registerSuiteDatabase();

describe("orders_needs_refund_idx", () => {
  it("holds only the orders that need a refund, in the list's (created_at, id) order", async () => {
    const [index] = await queryRows<{ indexdef: string }>(
      suite.testDb.db,
      sql`select indexdef from pg_indexes where tablename = 'orders' and indexname = 'orders_needs_refund_idx'`,
    );
    expect(index?.indexdef).toMatch(/\(created_at, id\) WHERE needs_refund$/);
  });

  it("serves the filter's first page without reading the table in full", async () => {
    const plan = await suite.testDb.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<{ "QUERY PLAN": string }>(tx, sql`explain select * from orders where needs_refund order by created_at desc, id desc limit 51`);
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("orders_needs_refund_idx");
  });
});
