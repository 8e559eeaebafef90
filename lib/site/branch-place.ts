import type { Database } from "@/db";
import { findBranch } from "@/db/queries/branches";
import type { ShopSettings } from "@/db/queries/settings";
import { FIRST_BRANCH_ID } from "@/db/schema";

export type ShopPlace = Pick<ShopSettings, "shopName" | "address" | "phone" | "mapsUrl">;

/**
 * Where an order is served, as the customer reads it: the first branch is the shop of the
 * settings (the owner edits it at /admin/schedule, as before branches); any other branch is its own row.
 */
export async function placeOfBranch(db: Database, { branchId, settings }: { branchId: number; settings: ShopPlace }): Promise<ShopPlace> {
  if (branchId === FIRST_BRANCH_ID) return settings;
  const branch = await findBranch(db, { id: branchId });
  return branch ? { shopName: branch.name, address: branch.address, phone: branch.phone, mapsUrl: branch.mapsUrl } : settings;
}
