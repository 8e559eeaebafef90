import { and, asc, eq, isNotNull, lt, ne, notInArray, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { devices, FIRST_BRANCH_ID, orders, parts, partStock, type Order, type PartStock } from "../schema";
import { holdsPlaceAt, lapsedHold } from "./slots";

const notDoneYet = and(isNotNull(orders.partId), notInArray(orders.repairStatus, ["completed", "cancelled"]));

/** An order that has promised a unit of its part: live (holding its place at `now`) and not completed yet. */
export function promisesUnitAt(now: Date) {
  return and(notDoneYet, holdsPlaceAt(now));
}

export interface StockLevel extends PartStock {
  reserved: number;
}

export interface StockLine extends StockLevel {
  deviceName: string;
  partName: string;
}

/** A branch's shelf of one device's part; the first branch's when none is named. */
export interface StockKey {
  branchId?: number;
  deviceId: number;
  partId: number;
}

const stockRow = ({ branchId = FIRST_BRANCH_ID, deviceId, partId }: StockKey) =>
  and(eq(partStock.branchId, branchId), eq(partStock.deviceId, deviceId), eq(partStock.partId, partId));
const ordersOfPart = ({ branchId = FIRST_BRANCH_ID, deviceId, partId }: StockKey) =>
  and(eq(orders.branchId, branchId), eq(orders.deviceId, deviceId), eq(orders.partId, partId));

const reservedUnits = (now: Date) =>
  sql<number>`(select count(*)::int from ${orders} where ${orders.branchId} = ${partStock.branchId} and ${orders.deviceId} = ${partStock.deviceId} and ${orders.partId} = ${partStock.partId} and ${promisesUnitAt(now)})`;

/** The stock row of a device's part, locked for the rest of the transaction (undefined: the part is untracked). */
export async function lockPartStock(tx: Database, key: StockKey): Promise<PartStock | undefined> {
  const rows = await tx.select().from(partStock).where(stockRow(key)).for("update");
  return rows[0];
}

/**
 * Units promised to orders not cancelled nor completed, lapsed holds included (a booking
 * expires those when it needs their unit); read after lockPartStock, so it sees every
 * booking that committed while we waited.
 */
export async function countReservedUnits(tx: Database, key: StockKey): Promise<number> {
  const rows = await tx
    .select({ reserved: sql<number>`count(*)::int` })
    .from(orders)
    .where(and(ordersOfPart(key), notDoneYet));
  return rows[0]?.reserved ?? 0;
}

/**
 * Live orders of the same part booked before `order` (oldest first take the units on
 * the shelf, as at booking): with as many or more than on hand, `order` waits for a back-order.
 */
export async function countUnitsPromisedBefore(tx: Database, { order, now }: { order: Order; now: Date }): Promise<number> {
  if (order.partId === null) return 0;
  const rows = await tx
    .select({ before: sql<number>`count(*)::int` })
    .from(orders)
    .where(
      and(
        eq(orders.branchId, order.branchId),
        eq(orders.deviceId, order.deviceId),
        eq(orders.partId, order.partId),
        ne(orders.id, order.id),
        promisesUnitAt(now),
        or(lt(orders.createdAt, order.createdAt), and(eq(orders.createdAt, order.createdAt), lt(orders.id, order.id))),
      ),
    );
  return rows[0]?.before ?? 0;
}

/** Orders of the part whose hold ran out unpaid, not marked expired yet, locked (one being paid or moved right now is skipped). */
export async function lockLapsedUnitHolds(tx: Database, { now, ...key }: StockKey & { now: Date }): Promise<Order[]> {
  return tx
    .select()
    .from(orders)
    .where(and(ordersOfPart(key), lapsedHold(now)))
    .for("update", { skipLocked: true });
}

/** The tracked parts of one device at a branch, each with its reserved units (a part with no row is not in the map). */
export async function listDeviceStock(
  db: Database,
  { deviceId, now, branchId = FIRST_BRANCH_ID }: { deviceId: number; now: Date; branchId?: number },
): Promise<Map<number, StockLevel>> {
  const rows = await db
    .select({ stock: partStock, reserved: reservedUnits(now) })
    .from(partStock)
    .where(and(eq(partStock.branchId, branchId), eq(partStock.deviceId, deviceId)));
  return new Map(rows.map(({ stock, reserved }) => [stock.partId, { ...stock, reserved }]));
}

/** Every tracked part of every device at a branch, with names and reserved units, in the catalog's order. */
export async function listStockLines(db: Database, { now, branchId = FIRST_BRANCH_ID }: { now: Date; branchId?: number }): Promise<StockLine[]> {
  const rows = await db
    .select({ stock: partStock, reserved: reservedUnits(now), deviceName: devices.name, partName: parts.name })
    .from(partStock)
    .innerJoin(devices, eq(devices.id, partStock.deviceId))
    .innerJoin(parts, eq(parts.id, partStock.partId))
    .where(eq(partStock.branchId, branchId))
    .orderBy(asc(devices.sort), asc(devices.id), asc(parts.sort), asc(parts.id));
  return rows.map(({ stock, reserved, deviceName, partName }) => ({ ...stock, reserved, deviceName, partName }));
}

/** Creates the row (untracked → tracked at 0) if missing, then locks it. */
export async function lockOrCreatePartStock(tx: Database, { branchId = FIRST_BRANCH_ID, deviceId, partId }: StockKey): Promise<PartStock> {
  await tx.insert(partStock).values({ branchId, deviceId, partId }).onConflictDoNothing();
  const row = await lockPartStock(tx, { branchId, deviceId, partId });
  if (!row) throw new Error("part_stock row vanished under its lock");
  return row;
}

export async function updatePartStock(
  tx: Database,
  { changes, now, ...key }: StockKey & { changes: Partial<Pick<PartStock, "onHand" | "lowAt" | "backorderDays" | "lowAlertSentAt">>; now: Date },
): Promise<PartStock> {
  const rows = await tx
    .update(partStock)
    .set({ ...changes, updatedAt: now })
    .where(stockRow(key))
    .returning();
  const row = rows[0];
  if (!row) throw new Error("part_stock row not found");
  return row;
}

/** A device's part's stock row with its names, locked for the rest of the transaction (undefined: untracked). */
export async function lockStockLine(tx: Database, key: StockKey): Promise<(PartStock & { deviceName: string; partName: string }) | undefined> {
  const rows = await tx
    .select({ stock: partStock, deviceName: devices.name, partName: parts.name })
    .from(partStock)
    .innerJoin(devices, eq(devices.id, partStock.deviceId))
    .innerJoin(parts, eq(parts.id, partStock.partId))
    .where(stockRow(key))
    .for("update", { of: partStock });
  const row = rows[0];
  return row && { ...row.stock, deviceName: row.deviceName, partName: row.partName };
}

/** The part stops being counted: its row goes, so it is untracked (always offered) again. */
export async function deletePartStock(tx: Database, key: StockKey): Promise<void> {
  await tx.delete(partStock).where(stockRow(key));
}
