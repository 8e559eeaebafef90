import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { orders, PAYMENT_STATUSES, REPAIR_STATUSES, type Order, type PaymentStatus, type RepairStatus } from "../schema";

/**
 * The admin's order list: search, filters, sorting and keyset pagination.
 * Keyset (not OFFSET) so that page 2 000 of 100 000 orders costs what page 1 does;
 * every sort ends in the order id so the cursor is exact.
 */
export const ORDER_SORTS = ["created_desc", "created_asc", "service_asc", "service_desc"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export interface OrderFilters {
  q?: string;
  /** "+62…": q read as (the start of) a customer's phone number, already normalised by the caller. */
  phonePrefix?: string;
  from?: string;
  to?: string;
  payment?: PaymentStatus;
  repair?: RepairStatus;
  refund?: boolean;
  /** Warranty jobs only: claims made on an earlier order's warranty. */
  warranty?: boolean;
  /** Only these branches' orders (a staff member's); undefined: every branch. */
  branchIds?: number[];
}

export interface OrderPage {
  rows: Order[];
  /** Cursor of the next page, undefined on the last one. */
  next?: string;
}

const likeEscaped = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Phones starting with a "+62…" prefix. The range (prefix up to the next number
 * of its length) lets orders_phone_idx serve it whatever the database's collation,
 * which a bare LIKE does only under "C"; the LIKE keeps it exact.
 */
function phoneStartsWith(prefix: string): SQL | undefined {
  const digits = prefix.replace(/9+$/, "");
  const upper = digits.slice(0, -1) + String.fromCharCode(digits.charCodeAt(digits.length - 1) + 1);
  return and(gte(orders.customerPhone, prefix), lt(orders.customerPhone, upper), sql`${orders.customerPhone} like ${`${prefix}%`}`);
}

function filterCondition(f: OrderFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  const q = f.q?.trim();
  if (q) {
    // A run of digits may be a booking code and the start of a phone number ("62812…") at once: either matches.
    const matches: (SQL | undefined)[] = [];
    if (/^\d{8}$/.test(q)) matches.push(eq(orders.bookingCode, q));
    else if (/^\d{1,7}$/.test(q)) matches.push(sql`${orders.bookingCode} like ${`${q}%`}`);
    if (f.phonePrefix) matches.push(phoneStartsWith(f.phonePrefix));
    if (matches.length === 0) {
      const pattern = likeEscaped(q.replace(/^@/, ""));
      matches.push(sql`lower(${orders.customerName}) like ${pattern}`, sql`lower(${orders.telegramUsername}) like ${pattern}`);
    }
    conditions.push(or(...matches));
  }
  if (f.from) conditions.push(gte(orders.serviceDate, f.from));
  if (f.to) conditions.push(lte(orders.serviceDate, f.to));
  if (f.payment && PAYMENT_STATUSES.includes(f.payment)) conditions.push(eq(orders.paymentStatus, f.payment));
  if (f.repair && REPAIR_STATUSES.includes(f.repair)) conditions.push(eq(orders.repairStatus, f.repair));
  if (f.refund) conditions.push(eq(orders.needsRefund, true));
  if (f.warranty) conditions.push(isNotNull(orders.warrantyOfOrderId));
  if (f.branchIds) conditions.push(f.branchIds.length ? inArray(orders.branchId, f.branchIds) : sql`false`);
  return and(...conditions);
}

type Key = [string, string, string];

function keyOf(order: Order, sort: OrderSort): Key {
  const created = order.createdAt.toISOString();
  return sort.startsWith("service") ? [order.serviceDate, created, order.id] : [created, created, order.id];
}

function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeCursor(cursor: string | undefined): Key | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    const valid = Array.isArray(key) && key.length === 3 && key.every((part) => typeof part === "string" && part.length <= 40);
    return valid && !Number.isNaN(Date.parse(key[1])) ? (key as Key) : undefined;
  } catch {
    return undefined;
  }
}

function afterCursor(key: Key, sort: OrderSort): SQL {
  const [first, created, id] = key;
  const ahead = sort.endsWith("asc") ? sql`>` : sql`<`;
  return sort.startsWith("service")
    ? sql`(${orders.serviceDate}, ${orders.createdAt}, ${orders.id}) ${ahead} (${first}::date, ${created}::timestamptz, ${id}::uuid)`
    : sql`(${orders.createdAt}, ${orders.id}) ${ahead} (${created}::timestamptz, ${id}::uuid)`;
}

function ordering(sort: OrderSort) {
  const dir = sort.endsWith("asc") ? asc : desc;
  return sort.startsWith("service") ? [dir(orders.serviceDate), dir(orders.createdAt), dir(orders.id)] : [dir(orders.createdAt), dir(orders.id)];
}

export async function listAdminOrders(
  db: Database,
  { filters, sort = "created_desc", cursor, limit = 50 }: { filters: OrderFilters; sort?: OrderSort; cursor?: string; limit?: number },
): Promise<OrderPage> {
  const key = decodeCursor(cursor);
  const rows = await db
    .select()
    .from(orders)
    .where(and(filterCondition(filters), key ? afterCursor(key, sort) : undefined))
    .orderBy(...ordering(sort))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? encodeCursor(keyOf(last, sort)) : undefined };
}

/** Every order matching the filters, a batch at a time (for the CSV export). */
export async function* eachFilteredOrder(db: Database, { filters, sort = "created_desc", batch = 1000 }: { filters: OrderFilters; sort?: OrderSort; batch?: number }) {
  let cursor: string | undefined;
  do {
    const page = await listAdminOrders(db, { filters, sort, cursor, limit: batch });
    yield* page.rows;
    cursor = page.next;
  } while (cursor);
}
