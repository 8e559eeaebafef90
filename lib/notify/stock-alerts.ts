import type { Database } from "@/db";
import { updatePartStock } from "@/db/queries/part-stock";
import { listStaffChatsOf } from "@/db/queries/staff-chats";
import type { Branch, PartStock } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { branchToNameInAlert } from "./alert-branch";
import { enqueueTelegramCall } from "./enqueue";

/** The staff alert; `branch` (with two or more active branches) names whose shelf and links to it. */
export function lowStockText({
  deviceName,
  partName,
  left,
  onHand,
  branch,
}: {
  deviceName: string;
  partName: string;
  left: number;
  onHand: number;
  branch?: Pick<Branch, "id" | "name">;
}): string {
  return [
    `📦 Stok menipis · ${partName}, ${deviceName}${branch ? ` · ${branch.name}` : ""}`,
    `Sisa ${left} (di rak ${onHand}, sisanya sudah dipesan)`,
    `${getEnv().APP_URL}/admin/stock${branch ? `?cabang=${branch.id}` : ""}`,
  ].join("\n");
}

/**
 * After the units left of a tracked part changed, under its row lock: staff hear
 * once when they drop to low_at or below, and not again until a receipt or a
 * count brings them above low_at (which re-arms the alert). The messages go
 * through the outbox in the caller's transaction, like every staff alert.
 */
export async function noteUnitsLeft(
  tx: Database,
  { stock, left, deviceName, partName, now }: { stock: PartStock; left: number; deviceName: string; partName: string; now: Date },
): Promise<void> {
  const low = left <= stock.lowAt;
  if (!low) {
    if (stock.lowAlertSentAt) await updatePartStock(tx, { branchId: stock.branchId, deviceId: stock.deviceId, partId: stock.partId, changes: { lowAlertSentAt: null }, now });
    return;
  }
  if (stock.lowAlertSentAt) return;
  await updatePartStock(tx, { branchId: stock.branchId, deviceId: stock.deviceId, partId: stock.partId, changes: { lowAlertSentAt: now }, now });
  const text = lowStockText({ deviceName, partName, left, onHand: stock.onHand, branch: await branchToNameInAlert(tx, stock.branchId) });
  for (const chatId of await listStaffChatsOf(tx, { branchId: stock.branchId })) {
    await enqueueTelegramCall(tx, {
      chatId,
      dedupeKey: `staff:${chatId}:stock:${stock.branchId}:${stock.deviceId}:${stock.partId}:${now.toISOString()}`,
      call: { method: "sendMessage", params: { chat_id: chatId, text, link_preview_options: { is_disabled: true } } },
    });
  }
}
