import { findActiveDevice, listActiveDevices } from "@/db/queries/catalog";
import { findSlot } from "@/db/queries/slots";
import { getSlotAvailability } from "@/lib/booking/availability";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import type { BotRequest } from "./bot-request";
import { findBookedService } from "@/lib/booking/booked-service";
import { listOfferedParts } from "@/lib/booking/shelf";
import { contactRequestKeyboard, wizardKeyboards, type ContactRequestKeyboard, type InlineKeyboard } from "./keyboards";
import type { SummaryFacts } from "./texts";
import { branchOf, MAX_FAULT_PHOTOS, type WizardState, type WizardStep } from "./wizard";
import { listActiveBranches } from "@/db/queries/branches";

export type Screen = { text: string; keyboard: InlineKeyboard | ContactRequestKeyboard };
/**
 * A step that cannot be shown as things stand: the caller moves the wizard on with the matching event.
 * nothing_to_pay: a free diagnosis has no payment step, it is paid at the shop.
 */
export type RenderProblem = "no_slots" | "item_unavailable" | "nothing_to_pay";

/** The facts of the summary, looked up afresh (names and price as they are now). */
export async function summaryFacts(req: BotRequest, state: WizardState): Promise<SummaryFacts | null> {
  const { serviceDate, deviceId, slotId, partId, paymentMethod, phone, faultDescription, faultPhotos } = state.choices;
  if (!serviceDate || deviceId === undefined || slotId === undefined || partId === undefined || !paymentMethod) return null;
  const diagnosisFeeIdr = (await req.settings()).diagnosisFeeIdr;
  const [item, slot] = await Promise.all([
    findBookedService(req.tx, { deviceId, partId, diagnosisFeeIdr, language: req.language, branchId: branchOf(state.choices) }),
    findSlot(req.tx, { id: slotId }),
  ]);
  if (!item || !slot) return null;
  return {
    bookingCode: null,
    phone: phone ?? null,
    faultDescription: faultDescription ?? null,
    photoCount: faultPhotos?.length ?? 0,
    amountIdr: item.priceIdr,
    serviceDate,
    slotLabel: slot.label,
    deviceName: item.deviceName,
    partName: item.partName,
    paymentMethod,
  };
}

/** Text and buttons of a wizard step, built from the database as it is now. */
export async function renderStep(req: BotRequest, state: WizardState, step: WizardStep, nonce: string): Promise<Screen | RenderProblem> {
  const { texts } = req;
  const keyboards = wizardKeyboards(texts, nonce);
  const { choices } = state;
  switch (step) {
    case "intro":
      return { text: texts.intro((await req.settings()).shopName), keyboard: keyboards.intro() };
    case "branch":
      return { text: texts.askBranch(), keyboard: keyboards.branches(await listActiveBranches(req.tx)) };
    case "date": {
      const settings = await req.settings();
      const today = todayInJakarta(req.now);
      return { text: texts.askDate(today, addDays(today, settings.bookingHorizonDays)), keyboard: keyboards.date(choices.fullDate) };
    }
    case "device":
      return { text: texts.askDevice(choices.serviceDate!), keyboard: keyboards.devices(await listActiveDevices(req.tx)) };
    case "slot": {
      const [offers, device] = await Promise.all([
        getSlotAvailability(req.tx, { serviceDate: choices.serviceDate!, now: req.now, settings: await req.settings(), branchId: branchOf(choices) }),
        findActiveDevice(req.tx, { id: choices.deviceId! }),
      ]);
      const bookable = offers.filter((s) => s.bookable);
      if (bookable.length === 0) return "no_slots";
      return { text: texts.askSlot(choices.serviceDate!, device?.name ?? "-"), keyboard: keyboards.slots(bookable) };
    }
    case "part": {
      const items = await listOfferedParts(req.tx, { deviceId: choices.deviceId!, serviceDate: choices.serviceDate, now: req.now, branchId: branchOf(choices) });
      const deviceName = items[0]?.deviceName ?? (await findActiveDevice(req.tx, { id: choices.deviceId! }))?.name ?? "-";
      return { text: texts.askPart(deviceName), keyboard: keyboards.parts(items, (await req.settings()).diagnosisFeeIdr) };
    }
    case "phone": {
      const remembered = choices.changingPhone ? null : await req.rememberedPhone();
      if (remembered) return { text: texts.askPhoneRemembered(remembered), keyboard: keyboards.rememberedPhone(remembered) };
      return { text: texts.askPhone(), keyboard: contactRequestKeyboard(texts) };
    }
    case "fault": {
      const photoCount = choices.faultPhotos?.length ?? 0;
      return {
        text: texts.askFault({ description: choices.faultDescription, photoCount, maxPhotos: MAX_FAULT_PHOTOS }),
        keyboard: keyboards.fault(Boolean(choices.faultDescription) || photoCount > 0),
      };
    }
    case "payment": {
      const settings = await req.settings();
      if (choices.partId === null && settings.diagnosisFeeIdr === 0) return "nothing_to_pay";
      return { text: texts.askPayment(), keyboard: keyboards.payments(settings.payAtShopAllowed) };
    }
    case "summary": {
      const facts = await summaryFacts(req, state);
      if (!facts) return "item_unavailable";
      return { text: texts.summary(facts), keyboard: keyboards.summary() };
    }
  }
}
