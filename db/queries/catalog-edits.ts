import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { devices, orders, parts, prices, type Device, type Part, type Price } from "../schema";

/** Devices and parts share one shape (name, sort, active); the admin edits both the same way. */
export type CatalogKind = "device" | "part";
export type CatalogItem = Device | Part;
/** warrantyDays: parts only. */
export type CatalogItemValues = { name: string; sort: number; active: boolean; warrantyDays?: number };
const TABLE = { device: devices, part: parts } as const;
const ORDER_COLUMN = { device: orders.deviceId, part: orders.partId } as const;
const PRICE_COLUMN = { device: prices.deviceId, part: prices.partId } as const;

export async function listCatalogItems(db: Database, { kind }: { kind: CatalogKind }): Promise<CatalogItem[]> {
  const table = TABLE[kind];
  return db.select().from(table).orderBy(asc(table.sort), asc(table.id));
}

export async function findCatalogItem(db: Database, { kind, id }: { kind: CatalogKind; id: number }): Promise<CatalogItem | undefined> {
  const table = TABLE[kind];
  const rows = await db.select().from(table).where(eq(table.id, id)).for("update");
  return rows[0];
}

export async function findCatalogItemByName(db: Database, { kind, name }: { kind: CatalogKind; name: string }): Promise<CatalogItem | undefined> {
  const table = TABLE[kind];
  const rows = await db.select().from(table).where(sql`lower(${table.name}) = lower(${name})`).limit(1);
  return rows[0];
}

export async function insertCatalogItem(
  db: Database,
  { kind, values }: { kind: CatalogKind; values: CatalogItemValues },
): Promise<CatalogItem> {
  const rows = await db.insert(TABLE[kind]).values(values).returning();
  return rows[0]!;
}

export async function updateCatalogItem(
  db: Database,
  { kind, id, values }: { kind: CatalogKind; id: number; values: Partial<CatalogItemValues> },
): Promise<CatalogItem> {
  const table = TABLE[kind];
  const rows = await db.update(table).set(values).where(eq(table.id, id)).returning();
  return rows[0]!;
}

/** Deletes the item and its prices; only for an item no order refers to. */
export async function deleteCatalogItem(db: Database, { kind, id }: { kind: CatalogKind; id: number }): Promise<void> {
  await db.delete(prices).where(eq(PRICE_COLUMN[kind], id));
  const table = TABLE[kind];
  await db.delete(table).where(eq(table.id, id));
}

/** How many orders (of any status) name this device or part: those keep it from being deleted. */
export async function countOrdersOfItem(db: Database, { kind, id }: { kind: CatalogKind; id: number }): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(eq(ORDER_COLUMN[kind], id));
  return rows[0]?.n ?? 0;
}

export async function countOrdersOfPrice(db: Database, { deviceId, partId }: { deviceId: number; partId: number }): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(and(eq(orders.deviceId, deviceId), eq(orders.partId, partId)));
  return rows[0]?.n ?? 0;
}

/** Every price row, active or not. */
export async function listAllPrices(db: Database): Promise<Price[]> {
  return db.select().from(prices);
}

export async function findPrice(db: Database, { deviceId, partId }: { deviceId: number; partId: number }): Promise<Price | undefined> {
  const rows = await db
    .select()
    .from(prices)
    .where(and(eq(prices.deviceId, deviceId), eq(prices.partId, partId)))
    .for("update");
  return rows[0];
}

export async function upsertPrice(db: Database, values: Price): Promise<Price> {
  const rows = await db
    .insert(prices)
    .values(values)
    .onConflictDoUpdate({ target: [prices.deviceId, prices.partId], set: { priceIdr: values.priceIdr, active: values.active } })
    .returning();
  return rows[0]!;
}

export async function deletePrice(db: Database, { deviceId, partId }: { deviceId: number; partId: number }): Promise<void> {
  await db.delete(prices).where(and(eq(prices.deviceId, deviceId), eq(prices.partId, partId)));
}
