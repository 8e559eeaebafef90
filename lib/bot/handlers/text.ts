import { checkServiceDate, getSlotAvailability } from "@/lib/booking/availability";
import type { BotRequest } from "../bot-request";
import { branchOf, isWizardStep } from "../wizard";
import { retireMenu, runWizard } from "../wizard-runtime";
import type { Incoming } from "../read-update";
import { answerRescheduleDate, isRescheduleStep } from "./reschedule";
import { answerStatusInput, lookUpStatus } from "./status";
import { answerClaimProblem } from "./warranty-claim";
import { answerContact, answerFaultPhoto, answerFaultText, answerPhoneText } from "./wizard-answers";

type MessageIncoming = Extract<Incoming, { kind: "message" }>;

const LOOKS_LIKE_CODE = /^\s*\d[\d\s]{6,10}\d\s*$/;

/** The date the customer typed: checked against the calendar and the day's free slots before the wizard moves on. */
async function answerDate(req: BotRequest, input: string): Promise<void> {
  const settings = await req.settings();
  const branchId = branchOf((await req.conversation()).state.choices);
  const checked = await checkServiceDate(req.tx, { input, now: req.now, settings, branchId });
  const shown = input.trim().slice(0, 40);
  if (!checked.ok) {
    await runWizard(req, { type: "date_invalid", problem: checked.reason, input: shown, closedReason: checked.closedReason }, { mode: "send" });
    return;
  }
  const offers = await getSlotAvailability(req.tx, { serviceDate: checked.date, now: req.now, settings, branchId });
  const event = offers.some((s) => s.bookable)
    ? ({ type: "date_valid", date: checked.date } as const)
    : ({ type: "date_invalid", problem: "full", input: shown, date: checked.date } as const);
  await runWizard(req, event, { mode: "send" });
}

/** A text message that is not a command. */
export async function handleText(req: BotRequest, text: string): Promise<void> {
  const { state } = await req.conversation();
  if (state.step === "date") return answerDate(req, text);
  if (state.step === "status") return answerStatusInput(req, text);
  if (state.step === "phone") return answerPhoneText(req, text);
  if (state.step === "fault") return answerFaultText(req, text);
  if (state.step === "reschedule_date") return answerRescheduleDate(req, text);
  if (state.step === "claim_problem") return answerClaimProblem(req, text);
  if (isRescheduleStep(state.step)) {
    req.send(req.texts.notice({ kind: "use_buttons" }));
    return;
  }
  if (isWizardStep(state.step)) {
    await runWizard(req, { type: "text" }, { mode: "send" });
    return;
  }
  if (LOOKS_LIKE_CODE.test(text)) return lookUpStatus(req, text);
  req.send(req.texts.idleHint);
}

/**
 * A contact at the phone step, a photo at the fault step; anything else (a
 * sticker, voice note…): say we read text only; an open step's menu stays above, not sent again.
 */
export async function handleNonText(req: BotRequest, { contact, photo }: Pick<MessageIncoming, "contact" | "photo"> = {}): Promise<void> {
  const previous = await req.conversation();
  if (contact && previous.state.step === "phone") return answerContact(req, contact);
  if (photo && previous.state.step === "fault") return answerFaultPhoto(req, photo);
  const notice = req.texts.notice({ kind: "text_only" });
  if (isWizardStep(previous.state.step) || isRescheduleStep(previous.state.step)) {
    const step = previous.state.step;
    const typesDate = step === "date" || step === "reschedule_date";
    const hint = typesDate
      ? req.texts.retypeDate
      : step === "phone"
        ? req.texts.askPhone()
        : step === "claim_problem"
          ? req.texts.warranty.askProblem(previous.state.bookingCode ?? "")
          : req.texts.notice({ kind: "use_buttons" });
    req.send(`${notice}\n${hint}`);
    return;
  }
  retireMenu(req, previous);
  req.send(`${notice}\n\n${req.texts.idleHint}`);
}
