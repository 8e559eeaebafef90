import { and, asc, eq, gt, inArray, isNull, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { orders, payments, type Order, type Payment } from "../schema";
import { lapsedHold } from "./slots";

/** Orders whose payment hold has run out while still unpaid, oldest first (pay-at-shop orders have none to run out). */
export async function listExpiredHolds(db: Database, { now, limit }: { now: Date; limit: number }): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(lapsedHold(now))
    .orderBy(asc(orders.holdExpiresAt))
    .limit(limit);
}

/**
 * Attempts that may have been paid without us hearing of it: Midtrans-side
 * still open (no status yet, or pending), untouched since `quietSince`, newer
 * than `notBefore`, on an order still waiting for money. Least recently checked first.
 */
export async function listPaymentsToReconcile(
  db: Database,
  { quietSince, notBefore, limit }: { quietSince: Date; notBefore: Date; limit: number },
): Promise<Payment[]> {
  // A Snap page nobody used is not worth asking about once it has expired.
  const where = and(
    openAttempt(notBefore),
    lt(payments.updatedAt, quietSince),
    sql`${payments.createdAt} > ${notBefore}`,
    inArray(orders.paymentStatus, ["unpaid", "pending", "failed", "expired"]),
  );
  return listAttempts(db, where!, limit);
}

/** Live orders whose appointment is on `serviceDate` (the reminder goes out the day before). */
export async function listOrdersToRemind(
  db: Database,
  { serviceDate, limit }: { serviceDate: string; limit: number },
): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.serviceDate, serviceDate),
        notInArray(orders.repairStatus, ["cancelled", "completed"]),
        notInArray(orders.paymentStatus, ["expired", "refunded"]),
      ),
    )
    .orderBy(asc(orders.createdAt))
    .limit(limit);
}

/** Attempts still payable at Midtrans on orders that were cancelled: a Snap page not expired, or a pending transaction. */
export async function listOpenAttemptsOfCancelledOrders(db: Database, { now, limit }: { now: Date; limit: number }): Promise<Payment[]> {
  return listAttempts(db, and(eq(orders.repairStatus, "cancelled"), openAttempt(now))!, limit);
}

/** A Snap or Core attempt Midtrans may still take money on: no status yet and its page not expired at `at`, or pending. */
function openAttempt(at: Date): SQL {
  return and(
    inArray(payments.kind, ["snap", "core"]),
    or(and(isNull(payments.transactionStatus), gt(payments.expiresAt, at)), inArray(payments.transactionStatus, ["pending", "authorize"])),
  )!;
}

/** Attempts (joined to their order for `where`), least recently updated first. */
async function listAttempts(db: Database, where: SQL, limit: number): Promise<Payment[]> {
  const rows = await db
    .select({ payment: payments })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(where)
    .orderBy(asc(payments.updatedAt))
    .limit(limit);
  return rows.map((row) => row.payment);
}
