import type { Database } from "@/db";
import { deleteBranchPrice, findBranch, lockBranchPrice, upsertBranchPrice, type BranchPriceKey } from "@/db/queries/branches";
import { findCatalogItem, findPrice } from "@/db/queries/catalog-edits";
import type { Branch, Price } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { formatRupiah } from "@/lib/booking/money";
import type { BranchPriceInput } from "./catalog-input";
import { invalid, ok, type AdminActor, type EditResult } from "./edit-result";

/**
 * A branch's own price of a device's part, set or cleared by the owner. It
 * replaces the shared catalog's price at that branch (the bot and the counter
 * quote it; lib/booking/branch-prices.ts), so it exists only beside a shared
 * price: a pair the catalog does not sell is not sold at one branch alone.
 * Orders keep the amount they were booked at.
 */

interface PricedPair {
  branch: Branch;
  shared: Price;
  name: string;
}

async function pricedPair(tx: Database, key: BranchPriceKey): Promise<PricedPair | EditResult> {
  const branch = await findBranch(tx, { id: key.branchId });
  const shared = await findPrice(tx, key);
  const device = await findCatalogItem(tx, { kind: "device", id: key.deviceId });
  const part = await findCatalogItem(tx, { kind: "part", id: key.partId });
  if (!branch) return invalid({ _form: "Cabang tidak dikenal." });
  if (!shared || !device || !part) return invalid({ _form: "Perangkat dan layanan ini belum punya harga umum di katalog. Setel harga umum dulu." });
  return { branch, shared, name: `${part.name} ${device.name}` };
}

const auditOf = (actor: AdminActor, key: BranchPriceKey) => ({
  actor: actor.username,
  ip: actor.ip,
  entity: "branch_price",
  entityId: `${key.branchId}:${key.deviceId}:${key.partId}`,
});

export async function saveBranchPrice(db: Database, actor: AdminActor, input: BranchPriceInput): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const pair = await pricedPair(tx, input);
    if (!("branch" in pair)) return pair;
    const before = await lockBranchPrice(tx, input);
    const after = await upsertBranchPrice(tx, input);
    await recordAudit(tx, { ...auditOf(actor, input), action: before ? "update" : "create", before: before ?? null, after: { ...after, sharedPriceIdr: pair.shared.priceIdr } });
    return ok(`Harga ${pair.name} di ${pair.branch.name}: ${formatRupiah(after.priceIdr)} (harga umum ${formatRupiah(pair.shared.priceIdr)}).`);
  });
}

export async function clearBranchPrice(db: Database, actor: AdminActor, key: BranchPriceKey): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const pair = await pricedPair(tx, key);
    if (!("branch" in pair)) return pair;
    const before = await lockBranchPrice(tx, key);
    if (!before) return invalid({ _form: `${pair.branch.name} sudah memakai harga umum untuk ${pair.name}.` });
    await deleteBranchPrice(tx, key);
    await recordAudit(tx, { ...auditOf(actor, key), action: "delete", before, after: { sharedPriceIdr: pair.shared.priceIdr } });
    return ok(`${pair.branch.name} memakai harga umum lagi untuk ${pair.name}: ${formatRupiah(pair.shared.priceIdr)}.`);
  });
}
