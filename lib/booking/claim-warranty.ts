import type { Database } from "@/db";
import { findOpenWarrantyClaim, lockOrder } from "@/db/queries/orders";
import { getShopSettings } from "@/db/queries/settings";
import type { Order } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { alertStaff } from "@/lib/notify/staff-alerts";
import { findSlot } from "@/db/queries/slots";
import { checkBookingDate, slotStartsInTime } from "./availability";
import { type IsoDate } from "./calendar";
import { insertOrderWithFreshCode } from "./create-booking";
import { reserveSlot } from "./reserve-slot";
import { warrantyStateOf } from "./warranty";

/** Why a claim cannot be made on an order, before any date is chosen. */
export type ClaimBlock = "not_found" | "no_warranty" | "expired" | "open_claim";
export type ClaimRefusal = ClaimBlock | "slot_full" | "slot_closed" | "slot_too_soon" | "date_unavailable";
export type ClaimResult = { ok: true; order: Order; claimOf: Order } | { ok: false; reason: ClaimRefusal; until?: IsoDate; openCode?: string };

/** Whether this chat may claim the warranty of `order` now: its own order, under warranty, no claim already open. */
export async function checkClaimable(db: Database, { order, chatId, now }: { order: Order | undefined; chatId: number; now: Date }): Promise<Extract<ClaimResult, { ok: false }> | undefined> {
  if (!order || order.chatId !== chatId) return { ok: false, reason: "not_found" };
  const warranty = warrantyStateOf(order, now);
  if (warranty.kind === "none") return { ok: false, reason: "no_warranty" };
  if (warranty.kind === "expired") return { ok: false, reason: "expired", until: warranty.until };
  const open = await findOpenWarrantyClaim(db, { orderId: order.id });
  if (open) return { ok: false, reason: "open_claim", openCode: open.bookingCode };
  return undefined;
}

export interface ClaimRequest {
  orderId: string;
  chatId: number;
  serviceDate: IsoDate;
  slotId: number;
  description: string;
  now: Date;
}

/**
 * Opens a warranty claim in the caller's transaction: the original order is
 * locked (two taps take turns, and the second finds the first's claim open),
 * re-checked, and a new order for the same device and part takes a place in the
 * chosen slot under the slot lock, like any booking. It costs the owner's claim
 * fee (0 by default), paid at the shop: no Midtrans payment, no hold to run out.
 */
export async function claimWarrantyIn(tx: Database, request: ClaimRequest): Promise<ClaimResult> {
  const { now } = request;
  const original = await lockOrder(tx, { id: request.orderId });
  const blocked = await checkClaimable(tx, { order: original, chatId: request.chatId, now });
  if (blocked || !original) return blocked ?? { ok: false, reason: "not_found" };
  const settings = await getShopSettings(tx);
  // The claim is served where the repair was done.
  const date = await checkBookingDate(tx, { date: request.serviceDate, now, settings, branchId: original.branchId });
  if (!date.ok) return { ok: false, reason: "date_unavailable" };
  if ((await findSlot(tx, { id: request.slotId }))?.branchId !== original.branchId) return { ok: false, reason: "slot_closed" };
  const place = await reserveSlot(tx, { slotId: request.slotId, serviceDate: request.serviceDate, now });
  if (!place.ok) return place;
  if (!slotStartsInTime(place.slot, request.serviceDate, now, settings.leadTimeMinutes)) return { ok: false, reason: "slot_too_soon" };

  const fee = settings.warrantyClaimFeeIdr;
  const order = await insertOrderWithFreshCode(tx, {
    branchId: original.branchId,
    chatId: original.chatId,
    telegramUserId: original.telegramUserId,
    telegramUsername: original.telegramUsername,
    customerName: original.customerName,
    customerPhone: original.customerPhone,
    faultDescription: request.description,
    language: original.language,
    deviceId: original.deviceId,
    partId: original.partId,
    slotId: place.slot.id,
    technicianId: place.technicianId,
    deviceName: original.deviceName,
    partName: original.partName,
    slotLabel: place.slot.label,
    serviceDate: request.serviceDate,
    paymentMethod: "pay_at_shop",
    amountIdr: fee,
    holdExpiresAt: null,
    warrantyOfOrderId: original.id,
    warrantyClaimKind: fee > 0 ? "fee" : "free",
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, {
    actor: `telegram:${original.telegramUserId ?? request.chatId}`,
    entity: "order",
    entityId: order.id,
    action: "order.warranty_claim",
    after: { bookingCode: order.bookingCode, warrantyOf: original.bookingCode, serviceDate: order.serviceDate, slot: order.slotLabel, amountIdr: order.amountIdr },
  });
  await alertStaff(tx, { order, kind: "warranty_claim" });
  return { ok: true, order, claimOf: original };
}
