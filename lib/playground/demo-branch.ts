import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { upsertBranchPrice } from "@/db/queries/branches";
import { branches, devices, parts, partStock, slots } from "@/db/schema";

/** The demo's second branch: its own two slots, one price of its own and a shelf of its own, so the bot asks "Pilih cabang". */
export const DEMO_BRANCH = {
  name: "Cabang Depok",
  address: "Jl. Margonda Raya No. 100, Depok",
  phone: "+6281298765432",
  mapsUrl: "https://www.google.com/maps/search/?api=1&query=Margonda+Raya+Depok",
  slots: [
    { label: "10.00 - 13.00 WIB", startTime: "10:00", endTime: "13:00", capacity: 1 },
    { label: "14.00 - 17.00 WIB", startTime: "14:00", endTime: "17:00", capacity: 1 },
  ],
  /** iPhone X Battery at Depok: Rp65.000 (the shared catalog says Rp70.000), three on the shelf. */
  ownPrice: { device: "iPhone X", part: "Battery", priceIdr: 65_000, onHand: 3 },
} as const;

/** Adds the demo's second branch on the first start (one branch only); later starts keep what the owner changed. */
export async function seedDemoBranch(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await tx.select({ id: branches.id }).from(branches)).length !== 1) return false;
    const { slots: branchSlots, ownPrice, ...details } = DEMO_BRANCH;
    const [branch] = await tx.insert(branches).values({ ...details, sort: 1 }).returning();
    if (!branch) return false;
    await tx.insert(slots).values(branchSlots.map((slot) => ({ ...slot, branchId: branch.id })));
    const [device] = await tx.select().from(devices).where(eq(devices.name, ownPrice.device));
    const [part] = await tx.select().from(parts).where(and(eq(parts.name, ownPrice.part)));
    if (device && part) {
      await upsertBranchPrice(tx, { branchId: branch.id, deviceId: device.id, partId: part.id, priceIdr: ownPrice.priceIdr });
      await tx.insert(partStock).values({ branchId: branch.id, deviceId: device.id, partId: part.id, onHand: ownPrice.onHand, lowAt: 1 });
    }
    return true;
  });
}
