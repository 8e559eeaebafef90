import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { devices, parts, prices, type Device, type Part } from "../schema";
import { readConfig } from "./config-cache";

export interface CatalogEntry {
  deviceId: number;
  deviceName: string;
  partId: number;
  partName: string;
  priceIdr: number;
}

/** The offered (device, part, price) rows, with both names: active price, device and part, plus `where`. */
function offeredItems(db: Database, ...where: SQL[]) {
  return db
    .select({ deviceId: devices.id, deviceName: devices.name, partId: parts.id, partName: parts.name, priceIdr: prices.priceIdr })
    .from(prices)
    .innerJoin(devices, eq(prices.deviceId, devices.id))
    .innerJoin(parts, eq(prices.partId, parts.id))
    .where(and(...where, eq(prices.active, true), eq(devices.active, true), eq(parts.active, true)));
}

/** Every active (device, part, price), in the shop's order. */
export async function listCatalog(db: Database): Promise<CatalogEntry[]> {
  return offeredItems(db).orderBy(asc(devices.sort), asc(devices.id), asc(parts.sort), asc(parts.id));
}

export function listActiveDevices(db: Database): Promise<Device[]> {
  return readConfig(db, "activeDevices", () => db.select().from(devices).where(eq(devices.active, true)).orderBy(asc(devices.sort), asc(devices.id)));
}

export async function listActiveParts(db: Database): Promise<Part[]> {
  return db.select().from(parts).where(eq(parts.active, true)).orderBy(asc(parts.sort), asc(parts.id));
}

/** The current price of a part for a device, with both names, or undefined when it is not offered. */
export function findPricedItem(
  db: Database,
  { deviceId, partId }: { deviceId: number; partId: number },
): Promise<CatalogEntry | undefined> {
  return readConfig(db, `pricedItem:${deviceId}:${partId}`, () => readPricedItem(db, { deviceId, partId }));
}

async function readPricedItem(db: Database, { deviceId, partId }: { deviceId: number; partId: number }): Promise<CatalogEntry | undefined> {
  const rows = await offeredItems(db, eq(prices.deviceId, deviceId), eq(prices.partId, partId)).limit(1);
  return rows[0];
}

/** The parts offered for one device with their prices, in the shop's order. */
export function listDevicePrices(db: Database, { deviceId }: { deviceId: number }): Promise<CatalogEntry[]> {
  return readConfig(db, `devicePrices:${deviceId}`, () => offeredItems(db, eq(prices.deviceId, deviceId)).orderBy(asc(parts.sort), asc(parts.id)));
}

export function findActiveDevice(db: Database, { id }: { id: number }): Promise<Device | undefined> {
  return readConfig(db, `activeDevice:${id}`, () => readActiveDevice(db, { id }));
}

async function readActiveDevice(db: Database, { id }: { id: number }): Promise<Device | undefined> {
  const rows = await db
    .select()
    .from(devices)
    .where(and(eq(devices.id, id), eq(devices.active, true)))
    .limit(1);
  return rows[0];
}

/** A part's warranty days as the catalog has them now (0 for no part, or one gone). */
export async function findPartWarrantyDays(db: Database, { partId }: { partId: number | null }): Promise<number> {
  if (partId === null) return 0;
  const rows = await db.select({ warrantyDays: parts.warrantyDays }).from(parts).where(eq(parts.id, partId)).limit(1);
  return rows[0]?.warrantyDays ?? 0;
}
