import { and, asc, desc, eq, inArray, isNull, ne, notInArray, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { conversations, orders, payments, type NewOrder, type Order, type Payment } from "../schema";
import { configVersionSql } from "./config-cache";

/**
 * Inserts an order unless its booking code (or token) is taken; returns undefined
 * on such a collision so the caller can draw another code without aborting its transaction.
 */
export async function insertOrderUnlessCodeTaken(tx: Database, values: NewOrder): Promise<Order | undefined> {
  const rows = await tx.insert(orders).values(values).onConflictDoNothing().returning();
  return rows[0];
}

export async function findOrderById(db: Database, { id }: { id: string }): Promise<Order | undefined> {
  const rows = await db.select().from(orders).where(eq(orders.id, id)).limit(1);
  return rows[0];
}

/** Status tokens are url-safe base64; anything else (a NUL, a 4 kB guess) is not sent to the database at all. */
const TOKEN_ALPHABET = /^[A-Za-z0-9_-]{1,64}$/;

export async function findOrderByStatusToken(db: Database, { token }: { token: string }): Promise<Order | undefined> {
  if (!TOKEN_ALPHABET.test(token)) return undefined;
  const rows = await db.select().from(orders).where(eq(orders.statusToken, token)).limit(1);
  return rows[0];
}

/** The status page's read in one statement: the order, its payment attempts (oldest first) and the config version. */
export async function findOrderPageByStatusToken(
  db: Database,
  { token }: { token: string },
): Promise<{ order: Order; attempts: Payment[]; configVersion: string | null } | undefined> {
  if (!TOKEN_ALPHABET.test(token)) return undefined;
  const rows = await db
    .select({ order: orders, attempt: payments, configVersion: configVersionSql })
    .from(orders)
    .leftJoin(payments, eq(payments.orderId, orders.id))
    .where(eq(orders.statusToken, token))
    .orderBy(asc(payments.attempt));
  const first = rows[0];
  if (!first) return undefined;
  return { order: first.order, attempts: rows.flatMap((row) => (row.attempt ? [row.attempt] : [])), configVersion: first.configVersion };
}

export async function findOrderByBookingCode(db: Database, { code }: { code: string }): Promise<Order | undefined> {
  const rows = await db.select().from(orders).where(eq(orders.bookingCode, code)).limit(1);
  return rows[0];
}

/** A chat's own order by code: another chat's code is "not found" here. */
export async function findChatOrderByCode(
  db: Database,
  { chatId, code }: { chatId: number; code: string },
): Promise<Order | undefined> {
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.bookingCode, code), eq(orders.chatId, chatId)))
    .limit(1);
  return rows[0];
}

/** A customer's orders, newest first (the chat index; a customer has tens, not thousands). */
export async function listChatOrders(db: Database, { chatId, limit = 5 }: { chatId: number; limit?: number }): Promise<Order[]> {
  return db.select().from(orders).where(eq(orders.chatId, chatId)).orderBy(desc(orders.createdAt)).limit(limit);
}

/**
 * Every order of one customer known by phone ("+62…"), newest first: those
 * carrying that phone, and all orders of any chat that ever gave it (on an
 * order or in its conversation), so bot and counter visits read as one history.
 */
export async function listPhoneOrders(db: Database, { phone, limit = 500 }: { phone: string; limit?: number }): Promise<Order[]> {
  const chatsWithPhone = sql`(select ${orders.chatId} from ${orders} where ${orders.customerPhone} = ${phone} and ${orders.chatId} is not null
    union select ${conversations.chatId} from ${conversations} where ${conversations.phone} = ${phone})`;
  return db
    .select()
    .from(orders)
    .where(or(eq(orders.customerPhone, phone), inArray(orders.chatId, chatsWithPhone)))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
}

/** Any number that names this lock among the app's advisory locks ("jiot" in ASCII). */
const CHAT_BOOKINGS_LOCK = 0x6a696f74;

/**
 * Makes bookings of one chat take turns until the transaction ends (a
 * transaction-level advisory lock: no row needs to exist, nothing to clean up).
 * The bot already holds the chat's conversation row; this covers every other caller.
 */
export async function lockChatBookings(tx: Database, { chatId }: { chatId: number }): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAT_BOOKINGS_LOCK}::int, hashtext(${String(chatId)}))`);
}

/**
 * The chat's bookings still waiting for their money: not paid, not cancelled
 * or expired, not yet started on. Exactly the ones the customer may pay or
 * cancel from /status, oldest first.
 */
const unpaidOfChat = (chatId: number) =>
  and(eq(orders.chatId, chatId), eq(orders.repairStatus, "booked"), inArray(orders.paymentStatus, ["unpaid", "pending", "failed"]));

export async function listUnpaidChatBookingCodes(db: Database, { chatId }: { chatId: number }): Promise<string[]> {
  const rows = await db.select({ code: orders.bookingCode }).from(orders).where(unpaidOfChat(chatId)).orderBy(asc(orders.createdAt));
  return rows.map((row) => row.code);
}

/** The same bookings whole (their status links are mentioned when /order starts another). */
export async function listUnpaidChatOrders(db: Database, { chatId }: { chatId: number }): Promise<Order[]> {
  return db.select().from(orders).where(unpaidOfChat(chatId)).orderBy(asc(orders.createdAt));
}

/**
 * The chat's bookings that are still going somewhere (not completed, cancelled
 * or expired), soonest appointment first: what a customer who forgot the code
 * is shown.
 */
export async function listOpenChatOrders(db: Database, { chatId, limit = 10 }: { chatId: number; limit?: number }): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.chatId, chatId), notInArray(orders.repairStatus, ["completed", "cancelled"]), ne(orders.paymentStatus, "expired")))
    .orderBy(asc(orders.serviceDate), asc(orders.createdAt))
    .limit(limit);
}

/**
 * Orders staff made at the counter under this phone, with no chat yet, now
 * belong to the chat that proved the phone is its own (a contact shared by its
 * owner; a typed number proves nothing). Returns their booking codes.
 */
export async function linkCounterOrdersToChat(
  tx: Database,
  { phone, chatId, telegramUserId }: { phone: string; chatId: number; telegramUserId: number },
): Promise<string[]> {
  const rows = await tx
    .update(orders)
    .set({ chatId, telegramUserId, updatedAt: new Date() })
    .where(and(eq(orders.customerPhone, phone), isNull(orders.chatId), eq(orders.source, "counter")))
    .returning({ code: orders.bookingCode });
  return rows.map((row) => row.code).sort();
}

/**
 * The language of the chat's orders still going somewhere, after the customer
 * chose another with /bahasa: their later messages and status page follow it.
 */
export async function setOpenChatOrdersLanguage(tx: Database, { chatId, language }: { chatId: number; language: string }): Promise<void> {
  await tx
    .update(orders)
    .set({ language })
    .where(and(eq(orders.chatId, chatId), notInArray(orders.repairStatus, ["completed", "cancelled"]), ne(orders.language, language)));
}

export async function lockOrder(tx: Database, { id }: { id: string }): Promise<Order | undefined> {
  const rows = await tx.select().from(orders).where(eq(orders.id, id)).for("update");
  return rows[0];
}

/** Writes changed fields, bumping version and updated_at. */
export async function updateOrder(
  tx: Database,
  { id, changes }: { id: string; changes: Partial<Omit<NewOrder, "id" | "version">> },
): Promise<Order> {
  const rows = await tx
    .update(orders)
    .set({ ...changes, updatedAt: new Date(), version: sql`${orders.version} + 1` })
    .where(eq(orders.id, id))
    .returning();
  const row = rows[0];
  if (!row) throw new Error(`order ${id} vanished during update`);
  return row;
}

/** The claim still open (not completed or cancelled) on an order's warranty, if any. */
export async function findOpenWarrantyClaim(db: Database, { orderId }: { orderId: string }): Promise<Order | undefined> {
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.warrantyOfOrderId, orderId), notInArray(orders.repairStatus, ["completed", "cancelled"])))
    .limit(1);
  return rows[0];
}

/** Every warranty claim made on an order, oldest first. */
export async function listWarrantyClaims(db: Database, { orderId }: { orderId: string }): Promise<Order[]> {
  return db.select().from(orders).where(eq(orders.warrantyOfOrderId, orderId)).orderBy(asc(orders.createdAt));
}
