import { findSlot } from "@/db/queries/slots";
import { placeOfBranch } from "@/lib/site/branch-place";
import type { Order } from "@/db/schema";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { createBookingIn } from "@/lib/booking/create-booking";
import { isVirtualAccountMethod } from "@/lib/payments/payment-request";
import { newNonce, type BotRequest, type ConversationRecord } from "./bot-request";
import { orderFacts, queueBookingConfirmation } from "./confirmation";
import { joinWaitlistKeyboard, REMOVE_KEYBOARD, statusPromptKeyboard } from "./keyboards";
import { renderStep } from "./render-step";
import type { Notice } from "./texts";
import { isWizardStep, nextWizardStep, type WizardEvent, type WizardNotice, type WizardState } from "./wizard";

/** How the customer is answered: by editing the message whose button was tapped, or with a new message. */
export type Delivery = { mode: "edit"; messageId: number } | { mode: "send" };

export type WizardOutcome = { handled: true; toast?: string } | { handled: false };

async function noticeText(req: BotRequest, notice: WizardNotice): Promise<string> {
  if (notice.kind !== "date") return req.texts.notice(notice as Notice);
  const settings = await req.settings();
  const lastDate = addDays(todayInJakarta(req.now), settings.bookingHorizonDays);
  return req.texts.notice({ ...notice, lastDate, horizonDays: settings.bookingHorizonDays });
}

async function book(req: BotRequest, state: WizardState): Promise<{ event: WizardEvent; order?: Order }> {
  const c = state.choices;
  const result = await createBookingIn(req.tx, {
    chatId: req.chatId,
    telegramUserId: req.customer.id,
    telegramUsername: req.customer.username ?? null,
    customerName: [req.customer.firstName, req.customer.lastName].filter(Boolean).join(" "),
    language: req.language,
    deviceId: c.deviceId!,
    partId: c.partId!,
    slotId: c.slotId!,
    serviceDate: c.serviceDate!,
    paymentMethod: c.paymentMethod!,
    customerPhone: c.phone ?? (await req.rememberedPhone()),
    faultDescription: c.faultDescription ?? null,
    faultPhotos: c.faultPhotos ?? [],
    now: req.now,
  });
  if (result.ok) {
    const place = await placeOfBranch(req.tx, { branchId: result.order.branchId, settings: await req.settings() });
    req.outboxKeys.push(await queueBookingConfirmation(req.tx, result.order, { settings: place }));
    if (isVirtualAccountMethod(result.order.paymentMethod)) req.virtualAccountOrders.push(result.order);
    return { event: { type: "booked", orderId: result.order.id, bookingCode: result.order.bookingCode }, order: result.order };
  }
  if (result.reason === "too_many_unpaid") return { event: { type: "booking_refused", reason: result.reason, unpaidCodes: result.unpaidCodes } };
  const slot = c.slotId !== undefined ? await findSlot(req.tx, { id: c.slotId }) : undefined;
  return { event: { type: "booking_refused", reason: result.reason, slotLabel: slot?.label } };
}

/** Shows the conversation's current step, by edit or as a new message, and saves the conversation. */
export async function showStep(req: BotRequest, previous: ConversationRecord, state: WizardState, delivery: Delivery, prefix: string[]): Promise<WizardEvent | null> {
  if (!isWizardStep(state.step)) return null;
  const nonce = delivery.mode === "edit" && previous.nonce ? previous.nonce : newNonce();
  const screen = await renderStep(req, state, state.step, nonce);
  if (screen === "no_slots") return { type: "no_slots" };
  if (screen === "item_unavailable") return { type: "booking_refused", reason: "item_unavailable" };
  if (screen === "nothing_to_pay") return { type: "payment", method: "pay_at_shop" };
  const text = [...prefix, screen.text].join("\n\n");
  if (!("inline_keyboard" in screen.keyboard)) {
    // A reply keyboard cannot be put on an existing message: the menu above loses its buttons, the question comes anew.
    if (delivery.mode === "edit") req.stripKeyboard(delivery.messageId);
    else retireMenu(req, previous);
    req.send(text, screen.keyboard);
    req.save({ state, nonce: newNonce(), messageId: null });
  } else if (delivery.mode === "edit") {
    req.edit(delivery.messageId, text, screen.keyboard);
    req.save({ state, nonce, messageId: delivery.messageId });
  } else {
    retireMenu(req, previous);
    req.send(text, screen.keyboard);
    req.save({ state, nonce, messageId: null });
  }
  return null;
}

/** A new wizard message is coming: the old one's buttons go, so they cannot be tapped by mistake. */
export function retireMenu(req: BotRequest, previous: ConversationRecord): void {
  if (previous.messageId !== null && isWizardStep(previous.state.step)) req.stripKeyboard(previous.messageId);
}

function say(req: BotRequest, delivery: Delivery, text: string, replyMarkup?: typeof REMOVE_KEYBOARD): void {
  if (delivery.mode === "edit") req.edit(delivery.messageId, text);
  else req.send(text, replyMarkup);
}

/**
 * Feeds an event to the wizard and carries out what it decides: shows the next
 * step, books, reports a refusal with the other choices. Events the current
 * step does not expect come back as `handled: false` for the caller to treat
 * as a stale menu.
 */
export async function runWizard(
  req: BotRequest,
  event: WizardEvent,
  delivery: Delivery,
  { prefix: initialPrefix = [] }: { prefix?: string[] } = {},
): Promise<WizardOutcome> {
  const previous = await req.conversation();
  let state = previous.state;
  let pending: WizardEvent | null = event;
  const prefix: string[] = [...initialPrefix];
  let toast: string | undefined;
  let booked: Order | undefined;
  for (let round = 0; pending && round < 4; round++) {
    const result = nextWizardStep(state, pending);
    pending = null;
    if (!result.ok) {
      if (round === 0) return { handled: false };
      throw new Error(`wizard refused its own follow-up event in step ${state.step}`);
    }
    state = result.state;
    let show = false;
    for (const effect of result.effects) {
      switch (effect.type) {
        case "notice":
          prefix.push(await noticeText(req, effect.notice));
          break;
        case "reply": {
          // The step's menu stays where it is: a wrong input gets a line, not another copy of a 17-button keyboard.
          const text = await noticeText(req, effect.notice);
          const { notice } = effect;
          if (notice.kind !== "date") req.send(text);
          // A full date: the answer offers its waitlist.
          else if (notice.problem === "full" && notice.date) req.send(`${text}\n${req.texts.retypeDate}`, joinWaitlistKeyboard(req.texts, notice.date));
          else req.send(`${text}\n${req.texts.retypeDate}`);
          break;
        }
        case "show_step":
          show = true;
          break;
        case "create_booking": {
          const outcome = await book(req, state);
          pending = outcome.event;
          booked = outcome.order;
          break;
        }
        case "show_booked":
          if (booked) say(req, delivery, req.texts.booked(orderFacts(booked)));
          req.save({ state, nonce: previous.nonce, messageId: delivery.mode === "edit" ? delivery.messageId : null });
          break;
        case "already_booked":
          toast = req.texts.alreadyBooked(effect.bookingCode);
          if (delivery.mode === "send") req.send(toast);
          break;
        case "unpaid_limit":
          say(req, delivery, req.texts.tooManyUnpaid(effect.bookingCodes));
          req.save({ state, nonce: null, messageId: null });
          break;
        case "cancelled":
          if (delivery.mode === "send") retireMenu(req, previous);
          // Leaving the phone question: its "Bagikan nomor HP" keyboard goes too.
          say(req, delivery, req.texts.wizardCancelled, previous.state.step === "phone" ? REMOVE_KEYBOARD : undefined);
          req.save({ state, nonce: null, messageId: null });
          break;
        case "nothing_to_cancel":
          say(req, delivery, req.texts.nothingToCancel);
          req.save({ state, nonce: null, messageId: null });
          break;
        case "ask_status_code":
          retireMenu(req, previous);
          req.send(req.texts.askStatusCode, statusPromptKeyboard(req.texts));
          req.save({ state, nonce: null, messageId: null });
          break;
        case "prompt_left":
          req.save({ state, nonce: null, messageId: null });
          break;
        case "status_closed":
          say(req, delivery, req.texts.statusPromptClosed);
          req.save({ state, nonce: null, messageId: null });
          break;
      }
    }
    if (show && !pending) pending = await showStep(req, previous, state, delivery, prefix);
  }
  return { handled: true, toast };
}
