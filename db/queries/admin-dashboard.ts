import { and, desc, eq, gte, inArray, lt, ne, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog, orders, payments, type AuditEntry, type Order, type Payment } from "../schema";

/** The WIB calendar day of a timestamptz, whatever the session's time zone. */
const wibDay = (column: SQL | typeof orders.paidAt) => sql`((${column} at time zone 'UTC') + interval '7 hours')::date`;

// An empty list matches nothing (staff in no branch), not everything.
const ofBranches = (branchIds: number[] | undefined) =>
  branchIds === undefined ? undefined : branchIds.length === 0 ? sql`false` : inArray(orders.branchId, branchIds);

/** A day's live orders; `branchIds` narrows them to those branches (undefined: every branch). */
export async function listOrdersOfDay(db: Database, { serviceDate, branchIds }: { serviceDate: string; branchIds?: number[] }): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.serviceDate, serviceDate), ne(orders.repairStatus, "cancelled"), ofBranches(branchIds)))
    .orderBy(orders.slotLabel, orders.createdAt);
}

export interface DayRevenue {
  day: string;
  revenue: number;
  paidOrders: number;
}

/** Money received per WIB day (paid orders by the day they were paid), oldest first, days without money included. */
export async function revenueByDay(db: Database, { from, to }: { from: string; to: string }): Promise<DayRevenue[]> {
  const rows = await db
    .select({
      day: sql<string>`${wibDay(orders.paidAt)}::text`,
      revenue: sql<number>`coalesce(sum(${orders.amountIdr}), 0)::int`,
      paidOrders: sql<number>`count(*)::int`,
    })
    .from(orders)
    .where(and(inArray(orders.paymentStatus, ["paid"]), sql`${wibDay(orders.paidAt)} between ${from}::date and ${to}::date`))
    .groupBy(wibDay(orders.paidAt));
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const days: DayRevenue[] = [];
  for (let at = new Date(`${from}T00:00:00Z`); at <= new Date(`${to}T00:00:00Z`); at.setUTCDate(at.getUTCDate() + 1)) {
    const day = at.toISOString().slice(0, 10);
    days.push(byDay.get(day) ?? { day, revenue: 0, paidOrders: 0 });
  }
  return days;
}

export async function countBookingsCreated(db: Database, { since, branchIds }: { since: Date; branchIds?: number[] }): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(and(gte(orders.createdAt, since), ofBranches(branchIds)));
  return rows[0]?.n ?? 0;
}

export interface AttemptRow {
  payment: Payment;
  bookingCode: string;
  orderId: string;
  customerName: string;
}

export async function listRecentAttempts(db: Database, { limit = 50 }: { limit?: number } = {}): Promise<AttemptRow[]> {
  return db
    .select({ payment: payments, bookingCode: orders.bookingCode, orderId: orders.id, customerName: orders.customerName })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .orderBy(desc(payments.updatedAt))
    .limit(limit);
}

export async function listOrdersToRefund(db: Database): Promise<Order[]> {
  return db.select().from(orders).where(eq(orders.needsRefund, true)).orderBy(desc(orders.updatedAt)).limit(200);
}

export const NOTIFICATION_ACTIONS = ["payment.notification_rejected", "payment.status_changed", "payment.notification_ignored"];

export interface AuditFilters {
  entity?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  before?: number;
}

/** Audit entries, newest first, a page at a time (`before` is the last id seen). */
export async function listAuditEntries(db: Database, { filters, limit = 100 }: { filters: AuditFilters; limit?: number }): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        filters.entity ? eq(auditLog.entity, filters.entity) : undefined,
        filters.entityId ? eq(auditLog.entityId, filters.entityId) : undefined,
        filters.actor ? eq(auditLog.actor, filters.actor) : undefined,
        filters.action ? eq(auditLog.action, filters.action) : undefined,
        filters.before ? lt(auditLog.id, filters.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

export async function listNotificationEntries(db: Database, { limit = 50 }: { limit?: number } = {}): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actor, "midtrans"), inArray(auditLog.action, NOTIFICATION_ACTIONS)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
