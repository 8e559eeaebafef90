import { findActiveDevice, findPricedItem } from "@/db/queries/catalog";
import { isPartOnShelf } from "@/lib/booking/shelf";
import { findLiveDraft } from "@/db/queries/drafts";
import { listActiveBranches } from "@/db/queries/branches";
import { FIRST_BRANCH_ID, type PaymentMethod } from "@/db/schema";
import { checkServiceDate, getSlotAvailability } from "@/lib/booking/availability";
import { formatDateDmy } from "@/lib/booking/calendar";
import type { BotRequest } from "../bot-request";
import { CHAT_PAYMENT_METHODS } from "../callback-data";
import type { WizardChoices } from "../wizard";

/** `branches`: the active branches' ids, so the wizard asks for one when the draft's is gone. */
export type DraftResult = { found: false } | { found: true; choices: WizardChoices; dropped: boolean; branches: number[] };

const int = (v: unknown) => (typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? v : undefined);

/**
 * A website pre-selection (DESIGN §7), re-checked now at its branch: each choice
 * that is no longer possible (branch inactive, date closed or full, slot full,
 * part not priced for the device or gone from the shelf) is dropped, so the
 * wizard asks for it again. A date and slot are kept only with their branch.
 */
export async function loadDraft(req: BotRequest, draftId: string): Promise<DraftResult> {
  const draft = await findLiveDraft(req.tx, { id: draftId, now: req.now });
  if (!draft) return { found: false };
  const raw = draft.choices as Record<string, unknown>;
  const choices: WizardChoices = {};
  let offered = 0;
  const settings = await req.settings();
  const branches = await listActiveBranches(req.tx);
  const askedBranch = int(raw.branchId);
  if (askedBranch !== undefined) offered++;
  const branchKept = askedBranch !== undefined && branches.some((branch) => branch.id === askedBranch);
  if (branchKept && branches.length > 1) choices.branchId = askedBranch;
  const branchId = branchKept ? askedBranch! : (branches[0]?.id ?? FIRST_BRANCH_ID);
  // A date and slot were checked at the draft's branch: kept with it, or where there is no branch to choose.
  const placeKnown = branchKept || (askedBranch === undefined && branches.length <= 1);

  if (typeof raw.serviceDate === "string" && placeKnown) {
    offered++;
    const checked = /^\d{4}-\d{2}-\d{2}$/.test(raw.serviceDate)
      ? await checkServiceDate(req.tx, { input: formatDateDmy(raw.serviceDate), now: req.now, settings, branchId })
      : null;
    if (checked?.ok) {
      const offers = await getSlotAvailability(req.tx, { serviceDate: checked.date, now: req.now, settings, branchId });
      if (offers.some((s) => s.bookable)) {
        choices.serviceDate = checked.date;
        const slotId = int(raw.slotId);
        if (slotId !== undefined && offers.some((s) => s.id === slotId && s.bookable)) choices.slotId = slotId;
      }
    }
  }
  if (raw.slotId !== undefined) offered++;
  const deviceId = int(raw.deviceId);
  if (raw.deviceId !== undefined) offered++;
  if (deviceId !== undefined && (await findActiveDevice(req.tx, { id: deviceId }))) {
    choices.deviceId = deviceId;
    const partId = int(raw.partId);
    // A part picked on the website that has run out since is dropped: the part step offers what is left.
    const onShelf = async (id: number) => isPartOnShelf(req.tx, { deviceId, partId: id, serviceDate: choices.serviceDate, now: req.now, branchId });
    if (partId !== undefined && (await findPricedItem(req.tx, { deviceId, partId })) && (await onShelf(partId))) choices.partId = partId;
  }
  if (raw.partId !== undefined) offered++;
  if (typeof raw.paymentMethod === "string") {
    offered++;
    if (CHAT_PAYMENT_METHODS.includes(raw.paymentMethod as PaymentMethod)) choices.paymentMethod = raw.paymentMethod as PaymentMethod;
  }
  // branchId is left out of the choices with one branch (unset means the first), but it was not dropped.
  const kept = Object.keys(choices).length + (branchKept && branches.length === 1 ? 1 : 0);
  return { found: true, choices, dropped: kept < offered, branches: branches.map((branch) => branch.id) };
}
