import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { devices, parts, partStock } from "@/db/schema";

/** What the demo's shelf shows: a part down to its last unit, one out of stock on back-order, one plentiful. */
export const DEMO_STOCK = [
  { device: "iPhone X", part: "Battery", onHand: 1, lowAt: 1, backorderDays: null },
  { device: "iPhone 11", part: "LCD", onHand: 0, lowAt: 1, backorderDays: 3 },
  { device: "iPhone 12", part: "Battery", onHand: 6, lowAt: 2, backorderDays: null },
] as const;

/**
 * Fills the demo's stock on its first start (no stock row at all); later starts keep
 * what the person trying the demo received, counted or booked since.
 */
export async function seedDemoStock(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [{ rows } = { rows: 0 }] = await tx.select({ rows: sql<number>`count(*)::int` }).from(partStock);
    if (rows > 0) return false;
    for (const item of DEMO_STOCK) {
      const [device] = await tx.select().from(devices).where(eq(devices.name, item.device));
      const [part] = await tx.select().from(parts).where(eq(parts.name, item.part));
      if (!device || !part) continue;
      await tx.insert(partStock).values({ deviceId: device.id, partId: part.id, onHand: item.onHand, lowAt: item.lowAt, backorderDays: item.backorderDays });
    }
    return true;
  });
}
