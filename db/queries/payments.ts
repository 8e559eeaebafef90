import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { payments, type Payment } from "../schema";

export type NewPayment = typeof payments.$inferInsert;

export async function findPaymentByMidtransOrderId(
  db: Database,
  { midtransOrderId }: { midtransOrderId: string },
): Promise<Payment | undefined> {
  const rows = await db.select().from(payments).where(eq(payments.midtransOrderId, midtransOrderId)).limit(1);
  return rows[0];
}

/** Every attempt of an order, oldest first. Lock the order row first: that is what serialises payment changes. */
export async function listOrderPayments(db: Database, { orderId }: { orderId: string }): Promise<Payment[]> {
  return db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.attempt));
}

export async function findLatestPayment(db: Database, { orderId }: { orderId: string }): Promise<Payment | undefined> {
  const rows = await db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(desc(payments.attempt)).limit(1);
  return rows[0];
}

export async function insertPayment(tx: Database, values: NewPayment): Promise<Payment> {
  const rows = await tx.insert(payments).values(values).returning();
  return rows[0]!;
}

export async function updatePayment(
  tx: Database,
  { id, changes }: { id: string; changes: Partial<Omit<NewPayment, "id" | "orderId" | "attempt">> },
): Promise<Payment> {
  const rows = await tx
    .update(payments)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(payments.id, id))
    .returning();
  const row = rows[0];
  if (!row) throw new Error(`payment ${id} vanished during update`);
  return row;
}

/** The next attempt number of an order (1 for its first). Call with the order row locked. */
export async function nextAttemptNumber(tx: Database, { orderId }: { orderId: string }): Promise<number> {
  const rows = await tx
    .select({ max: sql<number>`coalesce(max(${payments.attempt}), 0)::int` })
    .from(payments)
    .where(and(eq(payments.orderId, orderId)));
  return (rows[0]?.max ?? 0) + 1;
}

/** Only for an attempt Midtrans never made (its request failed): nothing else refers to it yet. */
export async function deletePayment(tx: Database, { id }: { id: string }): Promise<void> {
  await tx.delete(payments).where(eq(payments.id, id));
}
