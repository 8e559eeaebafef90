import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { adminBranches, branches, branchPrices, FIRST_BRANCH_ID, type Branch, type BranchPrice } from "../schema";
import { readConfig } from "./config-cache";

/** Every branch, active or not, in the owner's order. */
export function listAllBranches(db: Database): Promise<Branch[]> {
  return readConfig(db, "branches", () => db.select().from(branches).orderBy(asc(branches.sort), asc(branches.id)));
}

/** The branches customers can book at, in the owner's order. */
export async function listActiveBranches(db: Database): Promise<Branch[]> {
  return (await listAllBranches(db)).filter((branch) => branch.active);
}

export async function findBranch(db: Database, { id }: { id: number }): Promise<Branch | undefined> {
  return (await listAllBranches(db)).find((branch) => branch.id === id);
}

/** The branches an admin works for (ids, ascending). */
export async function listAdminBranchIds(db: Database, { adminId }: { adminId: number }): Promise<number[]> {
  const rows = await db.select({ branchId: adminBranches.branchId }).from(adminBranches).where(eq(adminBranches.adminId, adminId)).orderBy(asc(adminBranches.branchId));
  return rows.map((row) => row.branchId);
}

/**
 * Puts an admin in a branch (the first one unless told), if that branch exists: a new account works
 * where the owner's shop is until moved. (An empty database, before its seed, has no branch yet.)
 */
export async function addAdminToBranch(db: Database, { adminId, branchId = FIRST_BRANCH_ID }: { adminId: number; branchId?: number }): Promise<void> {
  await db.execute(sql`
    insert into ${adminBranches} (admin_id, branch_id)
    select ${adminId}, ${branches.id} from ${branches} where ${branches.id} = ${branchId}
    on conflict do nothing`);
}

export async function removeAdminFromBranch(db: Database, { adminId, branchId }: { adminId: number; branchId: number }): Promise<void> {
  await db.delete(adminBranches).where(and(eq(adminBranches.adminId, adminId), eq(adminBranches.branchId, branchId)));
}

/** A branch's own prices, keyed "deviceId:partId" (a price with no key is the shared catalog's). */
export async function readBranchPrices(db: Database, { branchId }: { branchId: number }): Promise<Map<string, number>> {
  const rows = await readConfig(db, `branchPrices:${branchId}`, () => db.select().from(branchPrices).where(eq(branchPrices.branchId, branchId)));
  return new Map(rows.map((row) => [`${row.deviceId}:${row.partId}`, row.priceIdr]));
}

export interface BranchPriceKey {
  branchId: number;
  deviceId: number;
  partId: number;
}

const branchPriceRow = ({ branchId, deviceId, partId }: BranchPriceKey) =>
  and(eq(branchPrices.branchId, branchId), eq(branchPrices.deviceId, deviceId), eq(branchPrices.partId, partId));

export async function upsertBranchPrice(db: Database, values: BranchPriceKey & { priceIdr: number }): Promise<BranchPrice> {
  const rows = await db
    .insert(branchPrices)
    .values(values)
    .onConflictDoUpdate({ target: [branchPrices.branchId, branchPrices.deviceId, branchPrices.partId], set: { priceIdr: values.priceIdr } })
    .returning();
  return rows[0]!;
}

/** A branch's own price of a device's part, locked for the rest of the transaction (undefined: it charges the shared catalog's). */
export async function lockBranchPrice(tx: Database, key: BranchPriceKey): Promise<BranchPrice | undefined> {
  const rows = await tx.select().from(branchPrices).where(branchPriceRow(key)).for("update");
  return rows[0];
}

export async function deleteBranchPrice(db: Database, key: BranchPriceKey): Promise<void> {
  await db.delete(branchPrices).where(branchPriceRow(key));
}

export type BranchValues = Pick<Branch, "name" | "address" | "phone" | "mapsUrl" | "active">;

/** A new branch, last in the owner's order; undefined when the name is taken. */
export async function insertBranch(db: Database, values: BranchValues): Promise<Branch | undefined> {
  const rows = await db
    .insert(branches)
    .values({ ...values, sort: sql`(select coalesce(max(${branches.sort}), 0) + 1 from ${branches})` })
    .onConflictDoNothing({ target: branches.name })
    .returning();
  return rows[0];
}

export async function updateBranch(db: Database, { id, values }: { id: number; values: BranchValues }): Promise<Branch | undefined> {
  const rows = await db.update(branches).set(values).where(eq(branches.id, id)).returning();
  return rows[0];
}

/** Who works where: every (admin, branch) pair. */
export function listAdminBranches(db: Database): Promise<{ adminId: number; branchId: number }[]> {
  return db.select().from(adminBranches);
}
