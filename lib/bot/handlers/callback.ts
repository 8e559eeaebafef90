import { findActiveDevice, findPricedItem } from "@/db/queries/catalog";
import { getSlotAvailability } from "@/lib/booking/availability";
import { isPartOnShelf } from "@/lib/booking/shelf";
import type { BotRequest, ConversationRecord } from "../bot-request";
import { decodeButton, type WizardAction } from "../callback-data";
import { branchOf, isWizardStep, type WizardEvent } from "../wizard";
import { findBranch, listActiveBranches } from "@/db/queries/branches";
import { runWizard, showStep } from "../wizard-runtime";
import { startOrder } from "./order";
import { handleOrderButton } from "./order-buttons";
import { chooseLanguage } from "./language";
import { handleRescheduleButton, startReschedule } from "./reschedule";
import { handleStatusButton, leaveStatusPrompt } from "./status";
import { handleWaitlistButton } from "./waitlist";
import { startClaim } from "./warranty-claim";

/** Turns a wizard button into an event, checking the chosen option against the database first. */
async function wizardEvent(req: BotRequest, record: ConversationRecord, action: WizardAction): Promise<WizardEvent> {
  const { choices } = record.state;
  switch (action.type) {
    case "begin":
      return { type: "begin", branches: (await listActiveBranches(req.tx)).map((branch) => branch.id) };
    case "branch":
      if (record.state.step !== "branch") return { type: "branch", branchId: action.branchId };
      return (await findBranch(req.tx, { id: action.branchId }))?.active ? { type: "branch", branchId: action.branchId } : { type: "option_unavailable" };
    case "cancel":
      return { type: "cancel" };
    case "back":
      return { type: "back", from: action.from };
    case "book_now":
      return { type: "book_now" };
    case "payment": {
      if (action.method !== "pay_at_shop" || record.state.step !== "payment") return { type: "payment", method: action.method };
      const settings = await req.settings();
      const allowed = settings.payAtShopAllowed || (choices.partId === null && settings.diagnosisFeeIdr === 0);
      return allowed ? { type: "payment", method: action.method } : { type: "option_unavailable" };
    }
    case "use_phone": {
      const phone = await req.rememberedPhone();
      return phone ? { type: "phone", phone } : { type: "change_phone" };
    }
    case "change_phone":
      return { type: "change_phone" };
    case "fault_done":
      return { type: "fault_done" };
    case "device":
      if (record.state.step !== "device") return { type: "device", deviceId: action.deviceId };
      return (await findActiveDevice(req.tx, { id: action.deviceId }))
        ? { type: "device", deviceId: action.deviceId }
        : { type: "option_unavailable" };
    case "slot": {
      if (record.state.step !== "slot" || !choices.serviceDate) return { type: "slot", slotId: action.slotId };
      const offers = await getSlotAvailability(req.tx, { serviceDate: choices.serviceDate, now: req.now, settings: await req.settings(), branchId: branchOf(choices) });
      const offer = offers.find((s) => s.id === action.slotId);
      if (offer?.bookable) return { type: "slot", slotId: action.slotId };
      return { type: "option_unavailable", slotLabel: offer?.label };
    }
    case "part": {
      if (record.state.step !== "part" || choices.deviceId === undefined) return { type: "part", partId: action.partId };
      const offered =
        action.partId === null
          ? await findActiveDevice(req.tx, { id: choices.deviceId })
          : await findPricedItem(req.tx, { deviceId: choices.deviceId, partId: action.partId });
      if (!offered) return { type: "option_unavailable" };
      if (action.partId !== null && !(await isPartOnShelf(req.tx, { deviceId: choices.deviceId, partId: action.partId, serviceDate: choices.serviceDate, now: req.now, branchId: branchOf(choices) }))) {
        return { type: "option_unavailable", partOut: true };
      }
      return { type: "part", partId: action.partId };
    }
  }
}

/**
 * A tap on a menu that is not the current one ("this menu has expired"): its
 * buttons are removed and, if a step is open, that step is shown again.
 */
async function answerStale(req: BotRequest, record: ConversationRecord, messageId: number): Promise<string> {
  const expired = req.texts.notice({ kind: "menu_expired" });
  req.stripKeyboard(messageId);
  if (isWizardStep(record.state.step)) {
    const followUp = await showStep(req, { ...record, messageId: record.messageId === messageId ? null : record.messageId }, record.state, { mode: "send" }, [expired]);
    if (followUp) await runWizard(req, followUp, { mode: "send" }, { prefix: [expired] });
  }
  return expired;
}

/** Handles a button tap; returns the text for answerCallbackQuery (empty: just stop the spinner). */
export async function handleCallback(req: BotRequest, { messageId, data }: { messageId: number; data?: string }): Promise<string> {
  const button = decodeButton(data);
  if (!button) {
    req.stripKeyboard(messageId);
    return req.texts.notice({ kind: "menu_expired" });
  }
  if (button.scope === "status") {
    await handleStatusButton(req, { messageId, op: button.op, bookingCode: "bookingCode" in button ? button.bookingCode : undefined });
    return "";
  }
  // Any other button takes the customer away from the code prompt.
  await leaveStatusPrompt(req);
  if (button.scope === "menu") {
    if (button.menu === "order") await startOrder(req);
    else await runWizard(req, { type: "status" }, { mode: "send" });
    return "";
  }
  if (button.scope === "order") {
    if (button.op === "reschedule") return (await startReschedule(req, { messageId, bookingCode: button.bookingCode })) ?? "";
    if (button.op === "claim_warranty") {
      await startClaim(req, button.bookingCode);
      return "";
    }
    return (await handleOrderButton(req, { messageId, op: button.op, bookingCode: button.bookingCode })) ?? "";
  }
  if (button.scope === "reschedule") return handleRescheduleButton(req, { messageId, nonce: button.nonce, action: button.action });
  if (button.scope === "waitlist") return handleWaitlistButton(req, { messageId, button });
  if (button.scope === "language") {
    await chooseLanguage(req, button.language);
    return "";
  }

  const record = await req.conversation();
  const doubleBook = button.action.type === "book_now" && record.state.step === "booked";
  if (button.nonce !== record.nonce && !doubleBook) return answerStale(req, record, messageId);
  const event = await wizardEvent(req, record, button.action);
  const outcome = await runWizard(req, event, { mode: "edit", messageId });
  if (outcome.handled) return outcome.toast ?? "";
  // Right menu, but a button of an earlier step (a double tap): show the current step in place.
  const expired = req.texts.notice({ kind: "menu_expired" });
  if (isWizardStep(record.state.step)) {
    const followUp = await showStep(req, record, record.state, { mode: "edit", messageId }, []);
    if (followUp) await runWizard(req, followUp, { mode: "edit", messageId });
  }
  return expired;
}
