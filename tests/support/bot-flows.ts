import { addDays, formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import type { TelegramCustomer } from "./telegram-customer";

export interface WizardPicks {
  date?: string;
  device?: string;
  slot?: string | RegExp;
  part?: string;
  /** Typed at the phone step; without it a remembered phone is used ("Pakai …"), else this default is typed. */
  phone?: string;
  method?: string;
}

export const TOMORROW = () => addDays(todayInJakarta(), 1);
export const DEFAULT_PHONE = "0812 3456 7890";

async function expectOk(response: Promise<Response>): Promise<void> {
  const { status } = await response;
  if (status !== 200) throw new Error(`webhook answered ${status}`);
}

const STEPS = ["date", "device", "slot", "part", "phone", "fault", "payment", "summary"] as const;
export type WalkStep = (typeof STEPS)[number];

/** Walks a customer through the wizard up to (and including) the step given, with sensible default picks. */
export async function walkWizard(customer: TelegramCustomer, until: WalkStep, picks: WizardPicks = {}): Promise<void> {
  const reach = (step: WalkStep) => STEPS.indexOf(step) <= STEPS.indexOf(until);
  await expectOk(customer.send("/order"));
  await expectOk(customer.tap("Booking"));
  if (!reach("device")) return;
  await expectOk(customer.send(formatDateDmy(picks.date ?? TOMORROW())));
  if (!reach("slot")) return;
  await expectOk(customer.tap(picks.device ?? "iPhone X"));
  if (!reach("part")) return;
  await expectOk(customer.tap(picks.slot ?? /09\.00 - 11\.00 WIB/));
  if (!reach("phone")) return;
  await expectOk(customer.tap(picks.part ?? "Battery"));
  if (!reach("fault")) return;
  await answerPhone(customer, picks.phone);
  if (!reach("payment")) return;
  await expectOk(customer.tap(/^(Lewati|Skip)$/));
  if (!reach("summary")) return;
  if (customer.lastMessage().keyboard.flat().some((b) => b.text === "Book Now")) return; // nothing to pay online: no payment step
  await expectOk(customer.tap(picks.method ?? "GoPay"));
}

/** The phone step: the remembered number's "Pakai …" when offered and no number is given, else the number typed. */
export async function answerPhone(customer: TelegramCustomer, phone?: string): Promise<void> {
  const remembered = customer.lastMessage().keyboard.flat().find((b) => b.text.startsWith("Pakai ") || b.text.startsWith("Use +"));
  if (remembered && phone === undefined) await expectOk(customer.tap(remembered.text));
  else await expectOk(customer.send(phone ?? DEFAULT_PHONE));
}
