import { findChatOrderByCode, findOrderById } from "@/db/queries/orders";
import { findSlot } from "@/db/queries/slots";
import type { Order } from "@/db/schema";
import { checkBookingDate, checkServiceDate, getSlotAvailability, listOpenDates } from "@/lib/booking/availability";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { customerMayReschedule, rescheduleBookingIn, rescheduleDeadline } from "@/lib/booking/reschedule-booking";
import { checkUnitForMove } from "@/lib/booking/reserve-unit";
import { newNonce, type BotRequest, type ConversationRecord } from "../bot-request";
import type { RescheduleAction } from "../callback-data";
import { rescheduleKeyboards, type InlineKeyboard } from "../keyboards";
import type { Notice } from "../texts";
import type { ConversationStep, WizardState } from "../wizard";
import { retireMenu, type Delivery } from "../wizard-runtime";
import { confirmClaim } from "./warranty-claim";

/**
 * "Ubah jadwal" under a booking's status: choose a date (a button for each of
 * the next open days, or typed like in the wizard), a slot with room, confirm.
 * The order being moved lives in the chat's conversation row, never in a
 * button, so a button cannot name another chat's order; the move itself is
 * rescheduleBookingIn, under the booking rules and the customer's cutoff.
 */
const DATE_BUTTONS = 6;

type Screen = { text: string; keyboard: InlineKeyboard };

/** Whether the customer may still move this booking now (shown as a button, re-checked under lock when confirmed). */
export async function mayMoveNow(req: BotRequest, order: Order): Promise<boolean> {
  if (!customerMayReschedule(order)) return false;
  const slot = await findSlot(req.tx, { id: order.slotId });
  return Boolean(slot) && req.now < rescheduleDeadline(order.serviceDate, slot!, (await req.settings()).rescheduleCutoffHours);
}

function show(req: BotRequest, delivery: Delivery, screen: Screen, record: ConversationRecord, state: WizardState, nonce: string): void {
  if (delivery.mode === "edit") {
    req.edit(delivery.messageId, screen.text, screen.keyboard);
    req.save({ state, nonce, messageId: delivery.messageId });
  } else {
    retireMenu(req, record);
    if (record.messageId !== null && isRescheduleStep(record.state.step)) req.stripKeyboard(record.messageId);
    req.send(screen.text, screen.keyboard);
    req.save({ state, nonce, messageId: null });
  }
}

export function isRescheduleStep(step: ConversationStep): boolean {
  return step === "reschedule_date" || step === "reschedule_slot" || step === "reschedule_confirm" || step === "claim_problem";
}

/** What the date and slot steps carry besides the order: a warranty claim and its problem, or a plain move. */
export type DateFlow = { claim?: boolean; problem?: string };

function flowOf(state: WizardState): DateFlow {
  return state.claim ? { claim: true, problem: state.choices.faultDescription } : {};
}

function flowState(step: ConversationStep, order: Order, flow: DateFlow, serviceDate?: string): WizardState {
  const choices = { ...(serviceDate && { serviceDate }), ...(flow.claim && { faultDescription: flow.problem }) };
  return { step, choices, orderId: order.id, bookingCode: order.bookingCode, ...(flow.claim && { claim: true }) };
}

async function dateScreen(req: BotRequest, order: Order, nonce: string, prefix: string[], flow: DateFlow): Promise<Screen> {
  const settings = await req.settings();
  const today = todayInJakarta(req.now);
  // A booking waiting for a back-ordered part is offered only the dates its part can be there by (a claim never waits).
  const unit = flow.claim ? undefined : await checkUnitForMove(req.tx, { order, serviceDate: today, now: req.now });
  const firstDate = unit && !unit.ok ? unit.backorderFrom : today;
  const dates = await listOpenDates(req.tx, { now: req.now, settings, limit: DATE_BUTTONS, branchId: order.branchId, from: firstDate });
  const lastDate = addDays(today, settings.bookingHorizonDays);
  const text = flow.claim ? req.texts.warranty.askDate(order.bookingCode, today, lastDate) : req.texts.rescheduleAskDate(order, firstDate, lastDate);
  return { text: [...prefix, text].join("\n\n"), keyboard: rescheduleKeyboards(req.texts, nonce).dates(dates) };
}

/** The date menu; `flow` defaults to the one the conversation is in. */
export async function askDate(req: BotRequest, order: Order, delivery: Delivery, prefix: string[] = [], flow?: DateFlow): Promise<void> {
  const record = await req.conversation();
  const nonce = newNonce();
  const carried = flow ?? flowOf(record.state);
  show(req, delivery, await dateScreen(req, order, nonce, prefix, carried), record, flowState("reschedule_date", order, carried), nonce);
}

/** The slots of `date` with room (for a move, other than its own); none left sends the customer back to the dates with the reason. */
async function askSlot(req: BotRequest, order: Order, date: string, delivery: Delivery, prefix: string[] = []): Promise<void> {
  const record = await req.conversation();
  const flow = flowOf(record.state);
  if (!flow.claim) {
    // A back-order booking is told at once when its part cannot be there by that date (the confirm checks again).
    const unit = await checkUnitForMove(req.tx, { order, serviceDate: date, now: req.now });
    if (!unit.ok) return askDate(req, order, delivery, [...prefix, req.texts.notice({ kind: "part_backorder", from: unit.backorderFrom, days: unit.backorderDays })]);
  }
  const offers = await getSlotAvailability(req.tx, { serviceDate: date, now: req.now, settings: await req.settings(), branchId: order.branchId });
  const open = offers.filter((s) => s.bookable && (flow.claim || !(date === order.serviceDate && s.id === order.slotId)));
  if (open.length === 0) return askDate(req, order, delivery, [...prefix, req.texts.notice({ kind: "date_full", date })]);
  const nonce = newNonce();
  const ask = flow.claim ? req.texts.warranty.askSlot(order.bookingCode, date) : req.texts.rescheduleAskSlot(order.bookingCode, date);
  const text = [...prefix, ask].join("\n\n");
  show(req, delivery, { text, keyboard: rescheduleKeyboards(req.texts, nonce).slots(open) }, record, flowState("reschedule_slot", order, flow, date), nonce);
}

export function end(req: BotRequest, delivery: Delivery, text: string, state: WizardState = { step: "idle", choices: {} }, nonce: string | null = null): void {
  if (delivery.mode === "edit") req.edit(delivery.messageId, text, { inline_keyboard: [] });
  else req.send(text);
  req.save({ state, nonce, messageId: delivery.mode === "edit" ? delivery.messageId : null });
}

/** "Ubah jadwal" under the status of one of this chat's bookings. Returns the button's toast, if any. */
export async function startReschedule(req: BotRequest, { messageId, bookingCode }: { messageId: number; bookingCode: string }): Promise<string | undefined> {
  const order = await findChatOrderByCode(req.tx, { chatId: req.chatId, code: bookingCode });
  if (!order) return req.texts.statusNotFound(bookingCode);
  if (!(await mayMoveNow(req, order))) {
    const reason = customerMayReschedule(order) ? "too_late" : "not_movable";
    req.send(req.texts.rescheduleRefused(bookingCode, reason, (await req.settings()).rescheduleCutoffHours));
    req.stripKeyboard(messageId);
    return undefined;
  }
  await askDate(req, order, { mode: "send" });
  return undefined;
}

/** A date typed while the flow asks for one: checked like the wizard's, then its slots. */
export async function answerRescheduleDate(req: BotRequest, input: string): Promise<void> {
  const { state } = await req.conversation();
  const order = state.orderId ? await findOrderById(req.tx, { id: state.orderId }) : undefined;
  if (!order || order.chatId !== req.chatId) return end(req, { mode: "send" }, req.texts.idleHint);
  const settings = await req.settings();
  const checked = await checkServiceDate(req.tx, { input, now: req.now, settings, branchId: order.branchId });
  if (!checked.ok) {
    const lastDate = addDays(todayInJakarta(req.now), settings.bookingHorizonDays);
    const notice: Notice = { kind: "date", problem: checked.reason, input: input.trim().slice(0, 40), lastDate, horizonDays: settings.bookingHorizonDays, closedReason: checked.closedReason };
    req.send(`${req.texts.notice(notice)}\n${req.texts.retypeDate}`);
    return;
  }
  await askSlot(req, order, checked.date, { mode: "send" });
}

/** A tap on one of the flow's menus; returns the toast. A stale menu, or a confirm already applied, is answered as such. */
export async function handleRescheduleButton(
  req: BotRequest,
  { messageId, nonce, action }: { messageId: number; nonce: string; action: RescheduleAction },
): Promise<string> {
  const record = await req.conversation();
  const { state } = record;
  if (record.nonce !== nonce) {
    // A double tap on a menu this message has already moved past: its current buttons stay.
    if (record.messageId !== messageId) req.stripKeyboard(messageId);
    return req.texts.notice({ kind: "menu_expired" });
  }
  if (state.step === "rescheduled") return action.type === "confirm" ? req.texts.rescheduleAlready(state.bookingCode ?? "") : "";
  if (state.step === "claimed") return action.type === "confirm" ? req.texts.warranty.already(state.bookingCode ?? "") : "";
  const order = isRescheduleStep(state.step) && state.orderId ? await findOrderById(req.tx, { id: state.orderId }) : undefined;
  if (!order || order.chatId !== req.chatId) {
    req.stripKeyboard(messageId);
    return req.texts.notice({ kind: "menu_expired" });
  }
  const delivery: Delivery = { mode: "edit", messageId };
  switch (action.type) {
    case "cancel":
      end(req, delivery, cancelledText(req, state));
      return "";
    case "back":
      await askDate(req, order, delivery);
      return "";
    case "date": {
      const checked = await checkBookingDate(req.tx, { date: action.date, now: req.now, settings: await req.settings(), branchId: order.branchId });
      if (!checked.ok) await askDate(req, order, delivery, [req.texts.notice({ kind: "option_unavailable" })]);
      else await askSlot(req, order, checked.date, delivery);
      return "";
    }
    case "slot": {
      const date = state.choices.serviceDate;
      if (state.step !== "reschedule_slot" || !date) return req.texts.notice({ kind: "menu_expired" });
      const slot = await findSlot(req.tx, { id: action.slotId });
      if (!slot) return req.texts.notice({ kind: "option_unavailable" });
      const next: WizardState = { ...state, step: "reschedule_confirm", choices: { ...state.choices, serviceDate: date, slotId: slot.id } };
      const to = { serviceDate: date, slotLabel: slot.label };
      const fee = (await req.settings()).warrantyClaimFeeIdr;
      const text = state.claim ? req.texts.warranty.confirm(order.bookingCode, to, state.choices.faultDescription ?? "", fee) : req.texts.rescheduleConfirm(order, to);
      const label = state.claim ? req.texts.buttonBookNow : req.texts.buttonConfirmReschedule;
      show(req, delivery, { text, keyboard: rescheduleKeyboards(req.texts, nonce).confirm(label) }, record, next, nonce);
      return "";
    }
    case "confirm":
      return state.claim ? confirmClaim(req, order, state, delivery, nonce) : confirm(req, order, state, delivery, nonce);
  }
}

async function confirm(req: BotRequest, order: Order, state: WizardState, delivery: Delivery, nonce: string): Promise<string> {
  const { serviceDate, slotId } = state.choices;
  if (state.step !== "reschedule_confirm" || !serviceDate || slotId === undefined) return req.texts.notice({ kind: "menu_expired" });
  const cutoffHours = (await req.settings()).rescheduleCutoffHours;
  const result = await rescheduleBookingIn(req.tx, { orderId: order.id, serviceDate, slotId, now: req.now, by: { kind: "customer", chatId: req.chatId, cutoffHours } });
  if (result.ok) {
    req.outboxKeys.push(result.messageKey, ...result.offerKeys);
    // The step keeps this menu's nonce, so a second tap of the same button is told it is done.
    end(req, delivery, req.texts.rescheduleDone(result.order), { step: "rescheduled", choices: {}, orderId: order.id, bookingCode: order.bookingCode }, nonce);
    return "";
  }
  switch (result.reason) {
    case "slot_full":
    case "slot_closed":
    case "slot_too_soon":
    case "same_slot":
    case "date_unavailable":
      await offerAnotherPlace(req, order, { serviceDate, slotId, dateTaken: result.reason === "date_unavailable" }, delivery);
      return "";
    case "part_out_of_stock":
      await askDate(req, order, delivery, [req.texts.notice({ kind: "part_backorder", from: result.backorderFrom, days: result.backorderDays })]);
      return "";
    case "not_found":
      end(req, delivery, req.texts.statusNotFound(order.bookingCode));
      return "";
    case "too_late":
    case "not_movable":
    case "hold_lapsed":
      end(req, delivery, req.texts.rescheduleRefused(order.bookingCode, result.reason, cutoffHours));
      return "";
  }
}

/** The chosen place was taken or closed meanwhile: the day's other slots again, or the dates when the day itself is gone. */
export async function offerAnotherPlace(
  req: BotRequest,
  order: Order,
  { serviceDate, slotId, dateTaken }: { serviceDate: string; slotId: number; dateTaken: boolean },
  delivery: Delivery,
): Promise<void> {
  if (dateTaken) return askDate(req, order, delivery, [req.texts.notice({ kind: "date_full", date: serviceDate })]);
  const slot = await findSlot(req.tx, { id: slotId });
  const notice: Notice = slot ? { kind: "slot_full", slotLabel: slot.label } : { kind: "option_unavailable" };
  await askSlot(req, order, serviceDate, delivery, [req.texts.notice(notice)]);
}

/** /cancel while moving a booking: the flow stops, the booking keeps its time. */
export async function cancelReschedule(req: BotRequest): Promise<void> {
  const record = await req.conversation();
  retireMenu(req, record);
  if (record.messageId !== null) req.stripKeyboard(record.messageId);
  end(req, { mode: "send" }, cancelledText(req, record.state));
}

function cancelledText(req: BotRequest, state: WizardState): string {
  const code = state.bookingCode ?? "";
  return state.claim || state.step === "claim_problem" ? req.texts.warranty.cancelled(code) : req.texts.rescheduleCancelled(code);
}
