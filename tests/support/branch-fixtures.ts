import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { branches, devices, parts, slots } from "@/db/schema";
import { updateBranch, upsertBranchPrice } from "@/db/queries/branches";

export const DEPOK = { name: "Cabang Depok", address: "Jl. Margonda Raya No. 100, Depok", phone: "+6281298765432" };

/** A second branch with one slot of its own (capacity 1) and its own price of an iPhone X battery (Rp65.000). */
export async function addDepokBranch(db: Database): Promise<{ branchId: number; slotId: number }> {
  const [branch] = await db.insert(branches).values({ ...DEPOK, sort: 1 }).returning();
  const [slot] = await db
    .insert(slots)
    .values({ branchId: branch!.id, label: "10.00 - 12.00 WIB", startTime: "10:00", endTime: "12:00", capacity: 1 })
    .returning();
  const [device] = await db.select().from(devices).where(eq(devices.name, "iPhone X"));
  const [part] = await db.select().from(parts).where(and(eq(parts.name, "Battery")));
  await upsertBranchPrice(db, { branchId: branch!.id, deviceId: device!.id, partId: part!.id, priceIdr: 65_000 });
  return { branchId: branch!.id, slotId: slot!.id };
}

/** The owner makes a branch inactive (customers no longer book there). */
export async function deactivateBranch(db: Database, branchId: number): Promise<void> {
  const [row] = await db.select().from(branches).where(eq(branches.id, branchId));
  await updateBranch(db, { id: branchId, values: { ...row!, active: false } });
}
