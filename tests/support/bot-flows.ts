import { addDays, formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import type { TelegramCustomer } from "./telegram-customer";

export interface WizardPicks {
  date?: string;
  device?: string;
  slot?: string | RegExp;
  part?: string;
  method?: string;
}

export const TOMORROW = () => addDays(todayInJakarta(), 1);

async function expectOk(response: Promise<Response>): Promise<void> {
  const { status } = await response;
  if (status !== 200) throw new Error(`webhook answered ${status}`);
}

/** Walks a customer through the wizard up to (and including) the step given, with sensible default picks. */
export async function walkWizard(
  customer: TelegramCustomer,
  until: "date" | "device" | "slot" | "part" | "payment" | "summary",
  picks: WizardPicks = {},
): Promise<void> {
  const order = ["date", "device", "slot", "part", "payment", "summary"] as const;
  const reach = (step: (typeof order)[number]) => order.indexOf(step) <= order.indexOf(until);
  await expectOk(customer.send("/order"));
  await expectOk(customer.tap("Booking"));
  if (!reach("device")) return;
  await expectOk(customer.send(formatDateDmy(picks.date ?? TOMORROW())));
  if (!reach("slot")) return;
  await expectOk(customer.tap(picks.device ?? "iPhone X"));
  if (!reach("part")) return;
  await expectOk(customer.tap(picks.slot ?? /09\.00 - 11\.00 WIB/));
  if (!reach("payment")) return;
  await expectOk(customer.tap(picks.part ?? "Battery"));
  if (!reach("summary")) return;
  await expectOk(customer.tap(picks.method ?? "GoPay"));
}
