import type { Database } from "@/db";
import { readBranchPrices } from "@/db/queries/branches";
import type { CatalogEntry } from "@/db/queries/catalog";

/** Catalog entries at a branch's prices: its own where the owner set one, else the shared catalog's. */
export async function atBranchPrices<T extends Pick<CatalogEntry, "deviceId" | "partId" | "priceIdr">>(
  db: Database,
  entries: T[],
  { branchId }: { branchId: number },
): Promise<T[]> {
  const own = await readBranchPrices(db, { branchId });
  if (own.size === 0) return entries;
  return entries.map((entry) => {
    const priceIdr = own.get(`${entry.deviceId}:${entry.partId}`);
    return priceIdr === undefined ? entry : { ...entry, priceIdr };
  });
}
