import type { Database } from "@/db";
import { lockPartStock, updatePartStock } from "@/db/queries/part-stock";
import type { Order } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";

export function stockEntityId({ deviceId, partId }: { deviceId: number; partId: number }): string {
  return `${deviceId}:${partId}`;
}

/**
 * A completed repair has used its part: the unit it had reserved leaves the shelf
 * (on_hand - 1), in the completion's transaction, audited as stock.used. The order
 * stops counting as reserved at the same commit, so the units left do not change.
 * A warranty claim may use a unit that was never there: on_hand stays at 0 then.
 */
export async function useReservedUnit(tx: Database, { order, actor, ip, now }: { order: Order; actor: string; ip: string | null; now: Date }): Promise<void> {
  if (order.partId === null) return;
  const stock = await lockPartStock(tx, { branchId: order.branchId, deviceId: order.deviceId, partId: order.partId });
  if (!stock) return;
  const updated = await updatePartStock(tx, { branchId: stock.branchId, deviceId: stock.deviceId, partId: stock.partId, changes: { onHand: Math.max(0, stock.onHand - 1) }, now });
  await recordAudit(tx, {
    actor,
    entity: "part_stock",
    entityId: stockEntityId(stock),
    action: "stock.used",
    before: { onHand: stock.onHand },
    after: { onHand: updated.onHand, bookingCode: order.bookingCode, device: order.deviceName, part: order.partName },
    ip,
  });
}
