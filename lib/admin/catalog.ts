import type { Database } from "@/db";
import {
  countOrdersOfItem,
  countOrdersOfPrice,
  deleteCatalogItem,
  deletePrice,
  findCatalogItem,
  findCatalogItemByName,
  findPrice,
  insertCatalogItem,
  updateCatalogItem,
  upsertPrice,
  type CatalogKind,
} from "@/db/queries/catalog-edits";
import { recordAudit } from "@/lib/audit/record";
import { formatRupiah } from "@/lib/booking/money";
import type { CatalogItemInput, PriceInput } from "./catalog-input";
import { invalid, ok, type AdminActor, type EditResult } from "./edit-result";

const NOUN: Record<CatalogKind, string> = { device: "Perangkat", part: "Layanan" };
const NOT_FOUND = { _form: "Data tidak ditemukan; mungkin sudah dihapus. Muat ulang halaman." };

/** Adds a device or part, or edits one (name, order, active; a part's warranty days). */
export async function saveCatalogItem(db: Database, actor: AdminActor, kind: CatalogKind, input: CatalogItemInput): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const sameName = await findCatalogItemByName(tx, { kind, name: input.name });
    if (sameName && sameName.id !== input.id) return invalid({ name: `Nama "${input.name}" sudah dipakai.` });
    const values = { name: input.name, sort: input.sort, active: input.active, ...(kind === "part" && input.warrantyDays !== undefined && { warrantyDays: input.warrantyDays }) };
    if (input.id === undefined) {
      const created = await insertCatalogItem(tx, { kind, values });
      await recordAudit(tx, { actor: actor.username, ip: actor.ip, entity: kind, entityId: String(created.id), action: "create", after: created });
      return ok(`${NOUN[kind]} "${created.name}" ditambahkan.`);
    }
    const before = await findCatalogItem(tx, { kind, id: input.id });
    if (!before) return invalid(NOT_FOUND);
    const after = await updateCatalogItem(tx, { kind, id: input.id, values });
    await recordAudit(tx, { actor: actor.username, ip: actor.ip, entity: kind, entityId: String(after.id), action: "update", before, after });
    return ok(`${NOUN[kind]} "${after.name}" disimpan${after.active ? "" : " (nonaktif)"}.`);
  });
}

/**
 * Removes a device or part. Orders keep their own copy of the names, but their
 * rows still point at the item: one that any order refers to is deactivated
 * (hidden from customers, kept for history) instead of deleted.
 */
export async function removeCatalogItem(db: Database, actor: AdminActor, kind: CatalogKind, { id }: { id: number }): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const before = await findCatalogItem(tx, { kind, id });
    if (!before) return invalid(NOT_FOUND);
    const used = await countOrdersOfItem(tx, { kind, id });
    const audit = { actor: actor.username, ip: actor.ip, entity: kind, entityId: String(id), before };
    if (used > 0) {
      const after = await updateCatalogItem(tx, { kind, id, values: { active: false } });
      await recordAudit(tx, { ...audit, action: "deactivate", after });
      return ok(`${NOUN[kind]} "${before.name}" dipakai ${used} pesanan, jadi dinonaktifkan, bukan dihapus.`);
    }
    await deleteCatalogItem(tx, { kind, id });
    await recordAudit(tx, { ...audit, action: "delete" });
    return ok(`${NOUN[kind]} "${before.name}" dihapus.`);
  });
}

/** Sets the price of a part for a device (adding the pair if new); orders keep the price they were booked at. */
export async function savePrice(db: Database, actor: AdminActor, input: PriceInput): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const [device, part] = [await findCatalogItem(tx, { kind: "device", id: input.deviceId }), await findCatalogItem(tx, { kind: "part", id: input.partId })];
    if (!device) return invalid({ deviceId: "Perangkat tidak dikenal." });
    if (!part) return invalid({ partId: "Layanan tidak dikenal." });
    const before = await findPrice(tx, input);
    const after = await upsertPrice(tx, input);
    await recordAudit(tx, {
      actor: actor.username,
      ip: actor.ip,
      entity: "price",
      entityId: `${input.deviceId}:${input.partId}`,
      action: before ? "update" : "create",
      before: before ?? null,
      after,
    });
    const state = after.active ? "" : " (nonaktif)";
    return ok(`Harga ${part.name} untuk ${device.name}: ${formatRupiah(after.priceIdr)}${state}.`);
  });
}

/** Takes a price off the list: deleted if no order was ever made for that pair, otherwise deactivated. */
export async function removePrice(db: Database, actor: AdminActor, ref: { deviceId: number; partId: number }): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const before = await findPrice(tx, ref);
    if (!before) return invalid(NOT_FOUND);
    const used = await countOrdersOfPrice(tx, ref);
    const audit = { actor: actor.username, ip: actor.ip, entity: "price", entityId: `${ref.deviceId}:${ref.partId}`, before };
    if (used > 0) {
      const after = await upsertPrice(tx, { ...before, active: false });
      await recordAudit(tx, { ...audit, action: "deactivate", after });
      return ok(`Harga ini dipakai ${used} pesanan, jadi dinonaktifkan, bukan dihapus.`);
    }
    await deletePrice(tx, ref);
    await recordAudit(tx, { ...audit, action: "delete" });
    return ok("Harga dihapus.");
  });
}
