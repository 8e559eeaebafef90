import type { Database } from "@/db";
import { findPricedItem, listCatalog, type CatalogEntry } from "@/db/queries/catalog";
import { countReservedUnits, deletePartStock, listStockLines, lockOrCreatePartStock, lockStockLine, updatePartStock, type StockLine } from "@/db/queries/part-stock";
import { FIRST_BRANCH_ID, type PartStock } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { unitsLeft } from "@/lib/booking/stock-offer";
import { stockEntityId } from "@/lib/booking/use-unit";
import { noteUnitsLeft } from "@/lib/notify/stock-alerts";
import { invalid, ok, type AdminActor, type EditResult } from "./edit-result";
import type { CountInput, ReceiveInput, StockSettingsInput, UntrackInput } from "./stock-input";

export interface StockRow extends StockLine {
  left: number;
  low: boolean;
}

export interface StockView {
  rows: StockRow[];
  /** Priced parts whose stock is not kept yet (untracked: always offered), for "Terima barang". */
  untracked: CatalogEntry[];
}

/** A branch's shelf as the admin's stock page shows it: on hand, reserved by its live orders, left, and whether it is low. */
export async function loadStockView(db: Database, { now, branchId }: { now: Date; branchId: number }): Promise<StockView> {
  const [lines, catalog] = await Promise.all([listStockLines(db, { now, branchId }), listCatalog(db)]);
  const tracked = new Set(lines.map(stockEntityId));
  const rows = lines.map((line) => {
    const left = unitsLeft(line);
    return { ...line, left, low: left <= line.lowAt };
  });
  return { rows, untracked: catalog.filter((item) => !tracked.has(stockEntityId(item))) };
}

type ShelfChange = (stock: PartStock) => Partial<Pick<PartStock, "onHand" | "lowAt" | "backorderDays">>;

/**
 * One audited change of a part's stock row at a branch (the first when none is named), under its lock (created at 0 when the part
 * was untracked): the change, the audit entry with before and after, and the low-stock
 * alert rule applied to the units left afterwards, in one transaction.
 */
async function changeShelf(
  db: Database,
  actor: AdminActor,
  {
    branchId = FIRST_BRANCH_ID,
    deviceId,
    partId,
    action,
    change,
    note,
  }: { branchId?: number; deviceId: number; partId: number; action: string; change: ShelfChange; note?: Record<string, unknown> },
): Promise<{ item: CatalogEntry; after: PartStock } | undefined> {
  const item = await findPricedItem(db, { deviceId, partId });
  if (!item) return undefined;
  const now = new Date();
  return db.transaction(async (tx) => {
    const key = { branchId, deviceId, partId };
    const before = await lockOrCreatePartStock(tx, key);
    const after = await updatePartStock(tx, { ...key, changes: change(before), now });
    await recordAudit(tx, {
      actor: actor.username,
      ip: actor.ip,
      entity: "part_stock",
      entityId: stockEntityId(after),
      action,
      before: { onHand: before.onHand, lowAt: before.lowAt, backorderDays: before.backorderDays },
      after: { onHand: after.onHand, lowAt: after.lowAt, backorderDays: after.backorderDays, device: item.deviceName, part: item.partName, branchId, ...note },
    });
    const reserved = await countReservedUnits(tx, key);
    await noteUnitsLeft(tx, { stock: after, left: unitsLeft({ ...after, reserved }), deviceName: item.deviceName, partName: item.partName, now });
    return { item, after };
  });
}

const NOT_PRICED = invalid({ _form: "Spare part itu tidak ada di katalog untuk perangkat itu (atau nonaktif)." });
const itemName = (item: CatalogEntry) => `${item.partName} ${item.deviceName}`;

/** "Terima barang": units came in (staff and owner). */
export async function receiveUnits(db: Database, actor: AdminActor, input: ReceiveInput): Promise<EditResult> {
  const done = await changeShelf(db, actor, { ...input, action: "stock.received", change: (s) => ({ onHand: s.onHand + input.quantity }), note: { quantity: input.quantity } });
  return done ? ok(`${input.quantity} unit ${itemName(done.item)} diterima; di rak sekarang ${done.after.onHand}.`) : NOT_PRICED;
}

/** "Koreksi": the shelf was counted (owner only: it can make units disappear). */
export async function countShelf(db: Database, actor: AdminActor, input: CountInput): Promise<EditResult> {
  const done = await changeShelf(db, actor, { ...input, action: "stock.adjusted", change: () => ({ onHand: input.onHand }), note: { reason: input.reason } });
  return done ? ok(`Stok ${itemName(done.item)} dikoreksi menjadi ${done.after.onHand}.`) : NOT_PRICED;
}

/** The low-stock level and the back-order days (owner only: what the shop offers). */
export async function saveStockSettings(db: Database, actor: AdminActor, input: StockSettingsInput): Promise<EditResult> {
  const done = await changeShelf(db, actor, { ...input, action: "stock.settings", change: () => ({ lowAt: input.lowAt, backorderDays: input.backorderDays }) });
  if (!done) return NOT_PRICED;
  const backorder = input.backorderDays === null ? "tanpa inden" : `inden ${input.backorderDays} hari`;
  return ok(`Pengaturan ${itemName(done.item)} disimpan: menipis di ${input.lowAt}, ${backorder}.`);
}

/**
 * "Berhenti lacak" (owner only): the shop stops counting the part. Its row goes
 * under its lock, so a booking waiting on that lock finds the part untracked and
 * books it; from then on it is offered without limit, as before it was counted.
 */
export async function untrackPart(db: Database, actor: AdminActor, { branchId = FIRST_BRANCH_ID, deviceId, partId }: UntrackInput): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const line = await lockStockLine(tx, { branchId, deviceId, partId });
    if (!line) return invalid({ _form: "Stok part itu sudah tidak dicatat." });
    await deletePartStock(tx, { branchId, deviceId, partId });
    await recordAudit(tx, {
      actor: actor.username,
      ip: actor.ip,
      entity: "part_stock",
      entityId: stockEntityId(line),
      action: "stock.untracked",
      before: { onHand: line.onHand, lowAt: line.lowAt, backorderDays: line.backorderDays },
      after: { device: line.deviceName, part: line.partName, branchId },
    });
    return ok(`Stok ${line.partName} ${line.deviceName} tidak dilacak lagi; part itu selalu ditawarkan.`);
  });
}
