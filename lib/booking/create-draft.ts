import { z } from "zod";
import type { Database } from "@/db";
import { listActiveBranches } from "@/db/queries/branches";
import { findPricedItem } from "@/db/queries/catalog";
import { insertDraft, pruneExpiredDrafts } from "@/db/queries/drafts";
import { getShopSettings } from "@/db/queries/settings";
import { FIRST_BRANCH_ID, type PaymentMethod } from "@/db/schema";
import { CHAT_PAYMENT_METHODS } from "@/lib/bot/callback-data";
import { checkServiceDate, getSlotAvailability } from "./availability";
import { formatDateDmy, type DateRejection } from "./calendar";
import { findPartOffer } from "./shelf";
import { generateDraftId } from "./codes";

/** A draft is a deep link's payload, not a reservation: it lives long enough to open Telegram and tap Start. */
export const DRAFT_LIFETIME_MS = 60 * 60_000;

export type DraftField = "branch" | "device" | "part" | "date" | "slot" | "payment";
export type DraftProblem =
  | "required"
  | "not_offered"
  /** Not a branch that takes bookings (unknown, or made inactive since the page was loaded). */
  | "branch_closed"
  | DateRejection
  | "slot_needs_date"
  | "slot_unknown"
  | "slot_full"
  | "slot_too_late"
  | "date_full"
  /** The part has no unit left and no back-order; or a back-order, and the date is before it can be there. */
  | "out_of_stock"
  | "backorder_date";
export type DraftErrors = Partial<Record<DraftField, DraftProblem>>;

/** What the home page's form sends; every field is a string or absent. */
export interface DraftInput {
  branch?: string;
  device?: string;
  part?: string;
  date?: string;
  slot?: string;
  payment?: string;
}

export interface DraftChoices {
  /** Set when the shop has several branches: the date, slot and part were checked at this one. */
  branchId?: number;
  deviceId: number;
  partId: number;
  serviceDate?: string;
  slotId?: number;
  paymentMethod?: PaymentMethod;
}

export type CreateDraftResult = { status: "ok"; id: string; choices: DraftChoices } | { status: "invalid"; errors: DraftErrors };

const id = z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional());
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks the website's pre-selection the way the bot would (price offered, part on the branch's
 * shelf, date open at the branch under the WIB calendar rules, one of the branch's slots with room
 * and not too soon) and stores it as a short-lived draft whose id fits a Telegram start payload.
 * With several branches the branch is asked for: everything else is checked at it.
 */
export async function createDraft(db: Database, input: DraftInput, now: Date = new Date()): Promise<CreateDraftResult> {
  const errors: DraftErrors = {};
  const branches = await listActiveBranches(db);
  const askedBranch = id.safeParse(input.branch).data;
  let branchId = FIRST_BRANCH_ID;
  if (input.branch || branches.length > 1) {
    if (!input.branch) errors.branch = "required";
    else if (!askedBranch || !branches.some((branch) => branch.id === askedBranch)) errors.branch = "branch_closed";
    else branchId = askedBranch;
  }
  const deviceId = id.safeParse(input.device).data;
  const partId = id.safeParse(input.part).data;
  if (!deviceId) errors.device = "required";
  if (!partId) errors.part = "required";
  if (deviceId && partId && !(await findPricedItem(db, { deviceId, partId }))) errors.part = "not_offered";

  const choices: Partial<DraftChoices> = { deviceId, partId, ...(branches.length > 1 && !errors.branch && { branchId }) };
  const date = input.date?.trim() || undefined;
  const slotId = id.safeParse(input.slot).data;
  if (input.slot && !slotId) errors.slot = "slot_unknown";
  if (date) {
    const settings = await getShopSettings(db);
    const checked = isoDate.test(date) ? await checkServiceDate(db, { input: formatDateDmy(date), now, settings, branchId }) : undefined;
    if (!checked) errors.date = "format";
    else if (!checked.ok) errors.date = checked.reason;
    else {
      choices.serviceDate = checked.date;
      const offers = await getSlotAvailability(db, { serviceDate: checked.date, now, settings, branchId });
      if (!offers.some((s) => s.bookable)) errors.date = "date_full";
      else if (slotId) {
        const offer = offers.find((s) => s.id === slotId);
        if (!offer) errors.slot = "slot_unknown";
        else if (offer.remaining === 0) errors.slot = "slot_full";
        else if (!offer.bookable) errors.slot = "slot_too_late";
        else choices.slotId = slotId;
      }
    }
  } else if (slotId) errors.slot = "slot_needs_date";
  if (deviceId && partId && !errors.part && !errors.date) {
    // As the bot's part menu: a part that ran out is not taken, a back-order only for a date far enough.
    const offer = await findPartOffer(db, { deviceId, partId, serviceDate: choices.serviceDate, now, branchId });
    if (offer.kind === "out") {
      if (offer.backorderFrom) errors.date = "backorder_date";
      else errors.part = "out_of_stock";
    }
  }

  const payment = input.payment?.trim() || undefined;
  if (payment) {
    if (CHAT_PAYMENT_METHODS.includes(payment as PaymentMethod)) choices.paymentMethod = payment as PaymentMethod;
    else errors.payment = "not_offered";
  }
  if (Object.keys(errors).length > 0) return { status: "invalid", errors };

  await pruneExpiredDrafts(db, { before: now });
  const draft = await insertDraft(db, {
    id: generateDraftId(),
    choices: { ...choices },
    expiresAt: new Date(now.getTime() + DRAFT_LIFETIME_MS),
  });
  return { status: "ok", id: draft.id, choices: choices as DraftChoices };
}
