import { FIRST_BRANCH_ID, type PaymentMethod } from "@/db/schema";
import type { BookingRefusal } from "@/lib/booking/create-booking";
import type { DateProblem } from "./texts";

/**
 * The booking wizard as one pure function (CONVENTIONS §6). Everything that
 * needs the database (is the date open, does the slot have room, is the part
 * priced for the device) is checked by the caller, which turns the answer into
 * an event; this function only decides where the conversation goes next and
 * what the customer is to be shown.
 */
export const WIZARD_STEPS = ["intro", "branch", "date", "device", "slot", "part", "phone", "fault", "payment", "summary"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
/** Moving a booking (lib/bot/handlers/reschedule.ts): choose a date, a slot, confirm; then done. */
export const RESCHEDULE_STEPS = ["reschedule_date", "reschedule_slot", "reschedule_confirm", "rescheduled"] as const;
/**
 * A warranty claim (lib/bot/handlers/warranty-claim.ts): the problem in a few words, then the
 * reschedule flow's date, slot and confirm steps (with `claim` set); then claimed.
 */
export const CLAIM_STEPS = ["claim_problem", "claimed"] as const;
export type RescheduleStep = (typeof RESCHEDULE_STEPS)[number];
/** idle: no wizard; booked: the wizard ended in an order; status: waiting for a booking code. */
export type ConversationStep = "idle" | WizardStep | "booked" | "status" | RescheduleStep | (typeof CLAIM_STEPS)[number];

export interface WizardChoices {
  /** The branch booked at; unset: the only one (the first branch). */
  branchId?: number;
  /** The shop has several branches and the customer has not picked one yet: the branch step comes first. */
  choosingBranch?: boolean;
  serviceDate?: string;
  deviceId?: number;
  slotId?: number;
  /** null: a diagnosis ("Belum tahu / cek dulu"), the part is decided at the shop. */
  partId?: number | null;
  /** "+628…", shared as a contact, typed, or the chat's remembered one. */
  phone?: string;
  /** "Ganti nomor" was tapped: the phone step asks for a number instead of offering the remembered one. */
  changingPhone?: boolean;
  faultDescription?: string;
  /** Telegram file_ids, at most MAX_FAULT_PHOTOS. */
  faultPhotos?: string[];
  /** The fault step was answered (Selesai) or skipped (Lewati). */
  faultDone?: boolean;
  paymentMethod?: PaymentMethod;
  /** The date just found full: the date step offers "🔔 Kabari saya" for it. */
  fullDate?: string;
}

export const MAX_FAULT_PHOTOS = 3;
export const MAX_FAULT_DESCRIPTION = 500;

export interface WizardState {
  step: ConversationStep;
  choices: WizardChoices;
  /** Set in the booked step, and the order being moved in the reschedule steps. */
  orderId?: string;
  bookingCode?: string;
  /** The reschedule steps are picking the date and slot of a warranty claim on orderId (the problem in choices.faultDescription). */
  claim?: boolean;
}

export type WizardEvent =
  | { type: "order" }
  /** `branches`: the active branches' ids, when the caller looked (several: the customer picks one first). */
  | { type: "draft"; choices: WizardChoices; branches?: number[] }
  | { type: "begin"; branches?: number[] }
  | { type: "branch"; branchId: number }
  /** "‹ Kembali" on the menu of step `from` (a tap on an older menu of the same chat does not match). */
  | { type: "back"; from: WizardStep }
  | { type: "date_valid"; date: string }
  /** `date`: the calendar date typed, when it is valid but full (the answer offers the waitlist). */
  | { type: "date_invalid"; problem: DateProblem; input: string; closedReason?: string; date?: string }
  | { type: "device"; deviceId: number }
  | { type: "slot"; slotId: number }
  | { type: "part"; partId: number | null }
  | { type: "phone"; phone: string }
  /** A typed number that is no Indonesian mobile number, or a contact that is not the sender's own. */
  | { type: "phone_invalid"; problem: PhoneProblem }
  | { type: "change_phone" }
  | { type: "fault_text"; description: string }
  | { type: "fault_photo"; fileId: string; caption?: string }
  | { type: "fault_done" }
  | { type: "payment"; method: PaymentMethod }
  /** A tapped option that the caller found no longer available. */
  | { type: "option_unavailable"; slotLabel?: string; partOut?: boolean }
  /** The slot step found no bookable slot left on the chosen date. */
  | { type: "no_slots" }
  | { type: "book_now" }
  | { type: "booked"; orderId: string; bookingCode: string }
  | { type: "booking_refused"; reason: BookingRefusal; slotLabel?: string; unpaidCodes?: string[] }
  | { type: "text" }
  | { type: "cancel" }
  | { type: "status" }
  | { type: "status_done" };

export type PhoneProblem = "format" | "not_own_contact";

export type WizardNotice =
  | { kind: "date"; problem: DateProblem; input: string; closedReason?: string; date?: string }
  | { kind: "phone"; problem: PhoneProblem }
  | { kind: "fault_too_long"; length: number }
  | { kind: "photo_limit" }
  | { kind: "use_buttons" }
  | { kind: "option_unavailable" }
  | { kind: "slot_full"; slotLabel: string }
  | { kind: "date_full"; date: string }
  | { kind: "item_unavailable" }
  | { kind: "part_out_of_stock" };

export type WizardEffect =
  /** Show the (new) current step. */
  | { type: "show_step" }
  | { type: "notice"; notice: WizardNotice }
  /** A short reply to a wrong input; the step's menu above stays as it is (no second keyboard). */
  | { type: "reply"; notice: WizardNotice }
  /** Create the order from the choices, then report back with booked / booking_refused. */
  | { type: "create_booking" }
  | { type: "show_booked" }
  | { type: "already_booked"; bookingCode: string }
  /** Book Now refused: the chat's unpaid bookings (their codes) must be paid or cancelled first. */
  | { type: "unpaid_limit"; bookingCodes: string[] }
  | { type: "cancelled" }
  | { type: "nothing_to_cancel" }
  /** Batal (or /cancel) at the booking-code prompt. */
  | { type: "status_closed" }
  /** The code prompt is over (a code was answered, or the customer went elsewhere): nothing to say, only to forget. */
  | { type: "prompt_left" }
  | { type: "ask_status_code" };

export type WizardResult = { ok: true; state: WizardState; effects: WizardEffect[] } | { ok: false; error: "unexpected_event" };

const IDLE: WizardState = { step: "idle", choices: {} };

export function isWizardStep(step: string): step is WizardStep {
  return (WIZARD_STEPS as readonly string[]).includes(step);
}

/** The branch the choices book at (unset: the first branch, the only one). */
export function branchOf(choices: WizardChoices): number {
  return choices.branchId ?? FIRST_BRANCH_ID;
}

/** The first step whose answer is still missing: the wizard asks only for that. */
export function firstMissingStep(choices: WizardChoices): WizardStep {
  if (choices.choosingBranch) return "branch";
  if (!choices.serviceDate) return "date";
  if (choices.deviceId === undefined) return "device";
  if (choices.slotId === undefined) return "slot";
  if (choices.partId === undefined) return "part";
  if (!choices.phone) return "phone";
  if (!choices.faultDone) return "fault";
  if (!choices.paymentMethod) return "payment";
  return "summary";
}

function go(choices: WizardChoices, ...notices: WizardNotice[]): WizardResult {
  const effects: WizardEffect[] = notices.map((notice) => ({ type: "notice", notice }));
  return { ok: true, state: { step: firstMissingStep(choices), choices }, effects: [...effects, { type: "show_step" }] };
}

/** The fault step took a text or a photo: shown again with what it holds now. */
function again(choices: WizardChoices): WizardResult {
  return { ok: true, state: { step: "fault", choices }, effects: [{ type: "show_step" }] };
}

function stay(state: WizardState, notice: WizardNotice): WizardResult {
  return { ok: true, state, effects: [{ type: "notice", notice }, { type: "show_step" }] };
}

function remind(state: WizardState, notice: WizardNotice): WizardResult {
  return { ok: true, state, effects: [{ type: "reply", notice }] };
}

const unexpected: WizardResult = { ok: false, error: "unexpected_event" };

/** The step before each step that has "‹ Kembali", in the paper's order. */
const PREVIOUS: Partial<Record<WizardStep, WizardStep>> = {
  branch: "intro",
  date: "intro",
  device: "date",
  slot: "device",
  part: "slot",
  phone: "part",
  fault: "phone",
  payment: "fault",
};
/** What each step's answer is; the fault's text and photos stay when it is asked again, to be added to. */
const ANSWER_OF: Record<Exclude<WizardStep, "intro" | "summary">, (keyof WizardChoices)[]> = {
  branch: ["branchId", "choosingBranch"],
  date: ["serviceDate", "fullDate"],
  device: ["deviceId"],
  slot: ["slotId"],
  part: ["partId"],
  phone: ["phone", "changingPhone"],
  fault: ["faultDone"],
  payment: ["paymentMethod"],
};

/**
 * One step back: the answers given before that step are kept; its own answer and
 * the later ones are asked again (a new date may change the free slots, a new
 * device the parts on offer).
 */
function back(state: WizardState, from: WizardStep): WizardResult {
  const to = PREVIOUS[from];
  if (state.step !== from || !to) return unexpected;
  const order = WIZARD_STEPS.indexOf(to);
  const choices = { ...state.choices };
  for (const [step, keys] of Object.entries(ANSWER_OF)) {
    if (WIZARD_STEPS.indexOf(step as WizardStep) >= order) for (const key of keys) delete choices[key];
  }
  return { ok: true, state: { step: to, choices }, effects: [{ type: "show_step" }] };
}

/** Where the conversation goes on `event`; an event the current step does not expect is an error. */
export function nextWizardStep(state: WizardState, event: WizardEvent): WizardResult {
  const { step, choices } = state;
  switch (event.type) {
    case "order":
      return { ok: true, state: { step: "intro", choices: {} }, effects: [{ type: "show_step" }] };
    case "draft":
      return go(withBranchStep({ ...event.choices }, event.branches));
    case "cancel":
      if (step === "status") return { ok: true, state: IDLE, effects: [{ type: "status_closed" }] };
      if (isWizardStep(step)) return { ok: true, state: IDLE, effects: [{ type: "cancelled" }] };
      return { ok: true, state: IDLE, effects: [{ type: "nothing_to_cancel" }] };
    case "status":
      return { ok: true, state: { step: "status", choices: {} }, effects: [{ type: "ask_status_code" }] };
    case "status_done":
      return step === "status" ? { ok: true, state: IDLE, effects: [{ type: "prompt_left" }] } : unexpected;
    case "begin":
      return step === "intro" ? go(withBranchStep(choices, event.branches)) : unexpected;
    case "branch": {
      if (step !== "branch") return unexpected;
      const { choosingBranch: _choosing, ...rest } = choices;
      return go({ ...rest, branchId: event.branchId });
    }
    case "back":
      return back(state, event.from);
    case "date_valid":
      if (step !== "date") return unexpected;
      return go({ ...withoutFullDate(choices), serviceDate: event.date });
    case "date_invalid":
      return step === "date" ? remind(state, { kind: "date", problem: event.problem, input: event.input, closedReason: event.closedReason, date: event.date }) : unexpected;
    case "device": {
      if (step !== "device") return unexpected;
      // A part chosen earlier (from a website draft) was checked against this device by the caller.
      return go({ ...choices, deviceId: event.deviceId });
    }
    case "slot":
      return step === "slot" ? go({ ...choices, slotId: event.slotId }) : unexpected;
    case "part":
      return step === "part" ? go({ ...choices, partId: event.partId }) : unexpected;
    case "phone": {
      if (step !== "phone") return unexpected;
      const { changingPhone: _changing, ...rest } = choices;
      return go({ ...rest, phone: event.phone });
    }
    case "phone_invalid":
      return step === "phone" ? remind(state, { kind: "phone", problem: event.problem }) : unexpected;
    case "change_phone":
      return step === "phone" ? { ok: true, state: { step, choices: { ...choices, changingPhone: true } }, effects: [{ type: "show_step" }] } : unexpected;
    case "fault_text":
      if (step !== "fault") return unexpected;
      if (event.description.length > MAX_FAULT_DESCRIPTION) return remind(state, { kind: "fault_too_long", length: event.description.length });
      return again({ ...choices, faultDescription: event.description });
    case "fault_photo": {
      if (step !== "fault") return unexpected;
      const photos = choices.faultPhotos ?? [];
      if (photos.length >= MAX_FAULT_PHOTOS) return remind(state, { kind: "photo_limit" });
      // A caption describes the fault as well as text does, unless it is too long or the text was given already.
      const caption = event.caption?.trim();
      const described = !choices.faultDescription && caption && caption.length <= MAX_FAULT_DESCRIPTION ? { faultDescription: caption } : {};
      return again({ ...choices, ...described, faultPhotos: [...photos, event.fileId] });
    }
    case "fault_done":
      return step === "fault" ? go({ ...choices, faultDone: true }) : unexpected;
    case "payment":
      return step === "payment" ? go({ ...choices, paymentMethod: event.method }) : unexpected;
    case "option_unavailable": {
      if (step !== "branch" && step !== "device" && step !== "slot" && step !== "part" && step !== "payment") return unexpected;
      const notice: WizardNotice = event.slotLabel
        ? { kind: "slot_full", slotLabel: event.slotLabel }
        : event.partOut
          ? { kind: "part_out_of_stock" }
          : { kind: "option_unavailable" };
      return stay(state, notice);
    }
    case "no_slots": {
      if (step !== "slot" || !choices.serviceDate) return unexpected;
      const { serviceDate, slotId: _slot, ...rest } = choices;
      return go({ ...rest, fullDate: serviceDate }, { kind: "date_full", date: serviceDate });
    }
    case "book_now":
      if (step === "booked" && state.bookingCode) return { ok: true, state, effects: [{ type: "already_booked", bookingCode: state.bookingCode }] };
      return step === "summary" ? { ok: true, state, effects: [{ type: "create_booking" }] } : unexpected;
    case "booked":
      if (step !== "summary") return unexpected;
      return {
        ok: true,
        state: { step: "booked", choices, orderId: event.orderId, bookingCode: event.bookingCode },
        effects: [{ type: "show_booked" }],
      };
    case "booking_refused":
      return step === "summary" ? refused(choices, event) : unexpected;
    case "text":
      return isWizardStep(step) && step !== "date" ? remind(state, { kind: "use_buttons" }) : unexpected;
  }
}

/**
 * With several active branches and none chosen, the branch step comes first; with one, the wizard
 * goes on as before (that branch noted only when it is not the first, which unset means).
 */
function withBranchStep(choices: WizardChoices, branches: number[] | undefined): WizardChoices {
  if (choices.branchId !== undefined || !branches) return choices;
  if (branches.length > 1) return { ...choices, choosingBranch: true };
  return branches[0] !== undefined && branches[0] !== FIRST_BRANCH_ID ? { ...choices, branchId: branches[0] } : choices;
}

function withoutFullDate(choices: WizardChoices): WizardChoices {
  const { fullDate: _full, ...rest } = choices;
  return rest;
}

function refused(choices: WizardChoices, event: Extract<WizardEvent, { type: "booking_refused" }>): WizardResult {
  switch (event.reason) {
    case "slot_full":
    case "slot_closed":
    case "slot_too_soon": {
      const { slotId: _slot, ...rest } = choices;
      return go(rest, event.slotLabel ? { kind: "slot_full", slotLabel: event.slotLabel } : { kind: "option_unavailable" });
    }
    case "date_unavailable": {
      const { serviceDate, slotId: _slot, ...rest } = choices;
      return go(rest, { kind: "date_full", date: serviceDate ?? "" });
    }
    case "item_unavailable": {
      const { partId: _part, ...rest } = choices;
      return go(rest, { kind: "item_unavailable" });
    }
    case "part_out_of_stock": {
      // The last unit went to someone else between the offer and Book Now: the customer picks again, the rest is kept.
      const { partId: _part, ...rest } = choices;
      return go(rest, { kind: "part_out_of_stock" });
    }
    case "payment_unavailable": {
      const { paymentMethod: _method, ...rest } = choices;
      return go(rest, { kind: "option_unavailable" });
    }
    case "too_many_unpaid":
      // Another slot would change nothing: the wizard ends, and /status is where to pay or cancel.
      return { ok: true, state: IDLE, effects: [{ type: "unpaid_limit", bookingCodes: event.unpaidCodes ?? [] }] };
  }
}
