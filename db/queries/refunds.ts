import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../client";
import { refunds, type Refund } from "../schema";

export type NewRefund = typeof refunds.$inferInsert;

/** Inserts a refund unless its refund_key is already taken (a double submit): then undefined. */
export async function insertRefundUnlessKeyTaken(tx: Database, values: NewRefund): Promise<Refund | undefined> {
  const rows = await tx.insert(refunds).values(values).onConflictDoNothing({ target: refunds.refundKey }).returning();
  return rows[0];
}

export async function findRefundByKey(db: Database, { refundKey }: { refundKey: string }): Promise<Refund | undefined> {
  const rows = await db.select().from(refunds).where(eq(refunds.refundKey, refundKey)).limit(1);
  return rows[0];
}

/** Locks one refund's row for the rest of the transaction: its answer from Midtrans is recorded once. */
export async function lockRefund(tx: Database, { id }: { id: number }): Promise<Refund | undefined> {
  const rows = await tx.select().from(refunds).where(eq(refunds.id, id)).for("update");
  return rows[0];
}

export async function updateRefund(tx: Database, { id, changes }: { id: number; changes: Partial<Pick<Refund, "status" | "response" | "doneAt">> }): Promise<Refund> {
  const rows = await tx.update(refunds).set(changes).where(eq(refunds.id, id)).returning();
  return rows[0]!;
}

export async function listOrderRefunds(db: Database, { orderId }: { orderId: string }): Promise<Refund[]> {
  return db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.createdAt), asc(refunds.id));
}

/** Money given back or on its way back (done or still requested), per payment attempt and in all. */
export async function sumRefunds(db: Database, { orderId, doneOnly = false }: { orderId: string; doneOnly?: boolean }): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`coalesce(sum(${refunds.amountIdr}), 0)::int` })
    .from(refunds)
    .where(and(eq(refunds.orderId, orderId), doneOnly ? eq(refunds.status, "done") : ne(refunds.status, "failed")));
  return rows[0]?.n ?? 0;
}
