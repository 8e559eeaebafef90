import { findChatOrderByCode, findOrderById } from "@/db/queries/orders";
import type { Order } from "@/db/schema";
import { checkClaimable, claimWarrantyIn, type ClaimResult } from "@/lib/booking/claim-warranty";
import { BOOKING_CODE_PATTERN } from "@/lib/booking/codes";
import type { BotRequest } from "../bot-request";
import { MAX_FAULT_DESCRIPTION, type WizardState } from "../wizard";
import { retireMenu, type Delivery } from "../wizard-runtime";
import { askDate, end, offerAnotherPlace } from "./reschedule";

/**
 * A warranty claim, from /garansi <code> or "Klaim garansi" under /status: the
 * problem in a few words, then a date and slot like moving a booking, then
 * Book Now makes the claim (claimWarrantyIn). The order claimed on lives in the
 * chat's conversation row, never in a button, and is re-checked at each step.
 */
function refusalText(req: BotRequest, code: string, blocked: Extract<ClaimResult, { ok: false }>): string {
  const reason = blocked.reason === "no_warranty" || blocked.reason === "expired" || blocked.reason === "open_claim" ? blocked.reason : "not_found";
  return req.texts.warranty.refused(code, reason, blocked);
}

/** Starts a claim on one of this chat's orders: a foreign or unknown code, no warranty, an expired one or an open claim is refused. */
export async function startClaim(req: BotRequest, input: string): Promise<void> {
  const code = input.replace(/\s+/g, "");
  if (!BOOKING_CODE_PATTERN.test(code)) {
    req.send(req.texts.warranty.usage);
    return;
  }
  const order = await findChatOrderByCode(req.tx, { chatId: req.chatId, code });
  const blocked = await checkClaimable(req.tx, { order, chatId: req.chatId, now: req.now });
  if (blocked || !order) {
    // Only an answer: whatever the chat was doing (a booking half filled in) stays as it was.
    req.send(refusalText(req, code, blocked ?? { ok: false, reason: "not_found" }));
    return;
  }
  const record = await req.conversation();
  retireMenu(req, record);
  req.send(req.texts.warranty.askProblem(code));
  req.save({ state: { step: "claim_problem", choices: {}, orderId: order.id, bookingCode: code, claim: true }, nonce: null, messageId: null });
}

/** The problem, typed at claim_problem: kept, then the dates. */
export async function answerClaimProblem(req: BotRequest, text: string): Promise<void> {
  const { state } = await req.conversation();
  const order = state.orderId ? await findOrderById(req.tx, { id: state.orderId }) : undefined;
  if (!order || order.chatId !== req.chatId) return end(req, { mode: "send" }, req.texts.idleHint);
  const problem = text.trim();
  if (!problem) {
    req.send(req.texts.warranty.askProblem(order.bookingCode));
    return;
  }
  if (problem.length > MAX_FAULT_DESCRIPTION) {
    req.send(req.texts.warranty.problemTooLong(MAX_FAULT_DESCRIPTION));
    return;
  }
  await askDate(req, order, { mode: "send" }, [], { claim: true, problem });
}

/** Book Now on the claim's summary. */
export async function confirmClaim(req: BotRequest, order: Order, state: WizardState, delivery: Delivery, nonce: string): Promise<string> {
  const { serviceDate, slotId, faultDescription } = state.choices;
  if (state.step !== "reschedule_confirm" || !serviceDate || slotId === undefined) return req.texts.notice({ kind: "menu_expired" });
  const result = await claimWarrantyIn(req.tx, { orderId: order.id, chatId: req.chatId, serviceDate, slotId, description: faultDescription ?? "", now: req.now });
  if (result.ok) {
    // The step keeps this menu's nonce, so a second tap of Book Now is told the claim is made.
    end(req, delivery, req.texts.warranty.done(result.order, order.bookingCode), { step: "claimed", choices: {}, orderId: order.id, bookingCode: order.bookingCode, claim: true }, nonce);
    return "";
  }
  switch (result.reason) {
    case "slot_full":
    case "slot_closed":
    case "slot_too_soon":
    case "date_unavailable":
      await offerAnotherPlace(req, order, { serviceDate, slotId, dateTaken: result.reason === "date_unavailable" }, delivery);
      return "";
    default:
      end(req, delivery, refusalText(req, order.bookingCode, result));
      return "";
  }
}
