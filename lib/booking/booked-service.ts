import type { Database } from "@/db";
import { findActiveDevice, findPricedItem } from "@/db/queries/catalog";
import { FIRST_BRANCH_ID } from "@/db/schema";
import { atBranchPrices } from "./branch-prices";

/** The part name an order carries while the fault is still to be found at the shop (part_id null), in the customer's language. */
export const DIAGNOSIS_PART_NAME = "Belum tahu / cek dulu";
export const DIAGNOSIS_LABEL = { id: DIAGNOSIS_PART_NAME, en: "Not sure / check first" } as const;

export interface BookedService {
  deviceId: number;
  deviceName: string;
  /** Null for a diagnosis. */
  partId: number | null;
  partName: string;
  priceIdr: number;
}

/**
 * What is being booked, at today's price at the branch (its own, else the shared catalog's): a priced part of an active device, or
 * (partId null) a diagnosis of an active device at the shop's diagnosis fee.
 * Undefined when the catalog does not offer it.
 */
export async function findBookedService(
  db: Database,
  {
    deviceId,
    partId,
    diagnosisFeeIdr,
    language = "id",
    branchId = FIRST_BRANCH_ID,
  }: { deviceId: number; partId: number | null; diagnosisFeeIdr: number; language?: "id" | "en"; branchId?: number },
): Promise<BookedService | undefined> {
  if (partId !== null) {
    const item = await findPricedItem(db, { deviceId, partId });
    return item && (await atBranchPrices(db, [item], { branchId }))[0];
  }
  const device = await findActiveDevice(db, { id: deviceId });
  return device && { deviceId: device.id, deviceName: device.name, partId: null, partName: DIAGNOSIS_LABEL[language], priceIdr: diagnosisFeeIdr };
}
