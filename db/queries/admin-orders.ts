import { and, asc, desc, eq, gte, ilike, lte, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { orders, type Order, type PaymentStatus, type RepairStatus } from "../schema";

export const ORDER_SORTS = ["created_desc", "created_asc", "service_asc", "service_desc"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export interface OrderFilter {
  q?: string;
  from?: string;
  to?: string;
  paymentStatus?: PaymentStatus;
  repairStatus?: RepairStatus;
  sort?: OrderSort;
}

/** Keyset cursor: the sort key of the last row shown and its id, so a page never scans the rows before it. */
export interface OrderCursor {
  key: string;
  id: string;
}

function filterConditions(filter: OrderFilter): SQL[] {
  const conditions: SQL[] = [];
  const q = filter.q?.trim();
  if (q) {
    if (/^\d{8}$/.test(q)) conditions.push(eq(orders.bookingCode, q));
    else {
      const like = `%${q.replace(/^@/, "").replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(or(ilike(orders.customerName, like), ilike(orders.telegramUsername, like), ilike(orders.bookingCode, like))!);
    }
  }
  if (filter.from) conditions.push(gte(orders.serviceDate, filter.from));
  if (filter.to) conditions.push(lte(orders.serviceDate, filter.to));
  if (filter.paymentStatus) conditions.push(eq(orders.paymentStatus, filter.paymentStatus));
  if (filter.repairStatus) conditions.push(eq(orders.repairStatus, filter.repairStatus));
  return conditions;
}

const CREATED_KEY = sql<string>`to_char(${orders.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const SERVICE_KEY = sql<string>`${orders.serviceDate}::text`;

/**
 * One page of the filtered list, sorted, after `cursor`. Fetches one row more
 * than asked to know whether there is a next page, instead of counting them all.
 */
export async function listOrdersPage(
  db: Database,
  { filter, cursor, limit = 50 }: { filter: OrderFilter; cursor?: OrderCursor; limit?: number },
): Promise<{ rows: Order[]; next?: OrderCursor }> {
  const sort = filter.sort ?? "created_desc";
  const descending = sort.endsWith("desc");
  const column = sort.startsWith("service") ? orders.serviceDate : orders.createdAt;
  const conditions = filterConditions(filter);
  const byService = sort.startsWith("service");
  if (cursor) {
    // Compared on the columns themselves, so (created_at, id) / (service_date, id) indexes serve deep pages too.
    const key = byService ? sql`${cursor.key}::date` : sql`${cursor.key}::timestamptz`;
    const op = descending ? sql`<` : sql`>`;
    conditions.push(sql`(${column}, ${orders.id}) ${op} (${key}, ${cursor.id}::uuid)`);
  }
  const rows = await db
    .select({ order: orders, key: byService ? SERVICE_KEY : CREATED_KEY })
    .from(orders)
    .where(and(...conditions))
    .orderBy(descending ? desc(column) : asc(column), descending ? desc(orders.id) : asc(orders.id))
    .limit(limit + 1);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { rows: rows.slice(0, limit).map((row) => row.order), next: last ? { key: last.key, id: last.order.id } : undefined };
}

/** Every order of the filter, in pages, for the CSV export (never the whole table in memory at once). */
export async function* iterateOrders(db: Database, filter: OrderFilter, pageSize = 1000): AsyncGenerator<Order> {
  let cursor: OrderCursor | undefined;
  do {
    const page = await listOrdersPage(db, { filter, cursor, limit: pageSize });
    yield* page.rows;
    cursor = page.next;
  } while (cursor);
}

/** The orders of a service day, by slot start, for the Today page. */
export async function listOrdersOfDay(db: Database, { serviceDate }: { serviceDate: string }): Promise<Order[]> {
  return db.select().from(orders).where(eq(orders.serviceDate, serviceDate)).orderBy(asc(orders.slotLabel), asc(orders.createdAt));
}

export interface DayRevenue {
  day: string;
  revenue: number;
  count: number;
}

/** Paid revenue and bookings per service day between two dates (cancelled orders left out). */
export async function revenueByDay(db: Database, { from, to }: { from: string; to: string }): Promise<DayRevenue[]> {
  const rows = await db
    .select({
      day: sql<string>`${orders.serviceDate}::text`,
      revenue: sql<number>`coalesce(sum(${orders.amountIdr}) filter (where ${orders.paymentStatus} = 'paid'), 0)::int`,
      count: sql<number>`count(*)::int`,
    })
    .from(orders)
    .where(and(gte(orders.serviceDate, from), lte(orders.serviceDate, to), sql`${orders.repairStatus} <> 'cancelled'`))
    .groupBy(orders.serviceDate)
    .orderBy(orders.serviceDate);
  return rows;
}
