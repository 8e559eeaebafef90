import type { Database } from "@/db";
import { getShopSettings, type ShopSettings } from "@/db/queries/settings";
import { listBranchSlots, listClosedDates, listSlotDays, type SlotDay } from "@/db/queries/slots";
import { FIRST_BRANCH_ID } from "@/db/schema";
import { listTechnicians } from "@/db/queries/technicians";
import { readWeekdayCapacities } from "@/db/queries/weekday-capacity";
import { weeklyHours } from "./weekly-hours";
import { addDays, formatDateDmy, parseServiceDate, todayInJakarta, wibInstant, type IsoDate, type ParsedDate } from "./calendar";

/** Whether a slot can still be booked at `now`: for today, it must start after now + lead time. */
export function slotStartsInTime(slot: { startTime: string }, serviceDate: IsoDate, now: Date, leadTimeMinutes: number): boolean {
  return wibInstant(serviceDate, slot.startTime).getTime() >= now.getTime() + leadTimeMinutes * 60_000;
}

export interface SlotOffer extends SlotDay {
  /** Has room and starts late enough to be booked now. */
  bookable: boolean;
}

/** The day's active slots, each with its free places and whether it can be offered now. */
export async function getSlotAvailability(
  db: Database,
  { serviceDate, now = new Date(), settings, branchId = FIRST_BRANCH_ID }: { serviceDate: IsoDate; now?: Date; settings?: ShopSettings; branchId?: number },
): Promise<SlotOffer[]> {
  const shop = settings ?? (await getShopSettings(db));
  const days = await listSlotDays(db, { serviceDate, now, branchId });
  return days.map((slot) => ({
    ...slot,
    bookable: slot.remaining > 0 && slotStartsInTime(slot, serviceDate, now, shop.leadTimeMinutes),
  }));
}

/**
 * The weekdays the shop is shut: the weekly closed days, and days on which the
 * owner set every slot to 0 or no technician works. (With no slot open on any day, nothing is called shut:
 * the slot step says there is no room.)
 */
export async function listShutWeekdays(db: Database, shop: ShopSettings, { branchId = FIRST_BRANCH_ID }: { branchId?: number } = {}): Promise<number[]> {
  const [slots, capacities, technicians] = await Promise.all([listBranchSlots(db, { branchId }), readWeekdayCapacities(db), listTechnicians(db, { branchId })]);
  const week = weeklyHours(slots, capacities, shop.closedWeekdays, technicians);
  if (week.every((day) => day.slots.length === 0)) return shop.closedWeekdays;
  return week.filter((day) => day.slots.length === 0).map((day) => day.weekday);
}

/** A calendar date checked against the booking rules at `now`: not past, within the horizon, not a closed date or weekday (weekly, or no slot that day). */
export async function checkBookingDate(
  db: Database,
  { date, now, settings, branchId = FIRST_BRANCH_ID }: { date: IsoDate; now: Date; settings: ShopSettings; branchId?: number },
): Promise<ParsedDate> {
  const [closedDates, closedWeekdays] = await Promise.all([listClosedDates(db, { from: date, to: date, branchId }), listShutWeekdays(db, settings, { branchId })]);
  return parseServiceDate(formatDateDmy(date), {
    today: todayInJakarta(now),
    horizonDays: settings.bookingHorizonDays,
    closedDates,
    closedWeekdays,
  });
}

/** Validates a typed date against today (WIB), the horizon and the closed days (weekly, by date, and weekdays with no slot). */
export async function checkServiceDate(
  db: Database,
  { input, now = new Date(), settings, branchId = FIRST_BRANCH_ID }: { input: string; now?: Date; settings?: ShopSettings; branchId?: number },
): Promise<ParsedDate> {
  const shop = settings ?? (await getShopSettings(db));
  const today = todayInJakarta(now);
  const closedDates = await listClosedDates(db, { from: today, to: addDays(today, shop.bookingHorizonDays), branchId });
  return parseServiceDate(input, {
    today,
    horizonDays: shop.bookingHorizonDays,
    closedDates,
    closedWeekdays: await listShutWeekdays(db, shop, { branchId }),
  });
}

/**
 * The next dates a customer can book (open, within the horizon, a slot with room
 * that starts in time), soonest first, at most `limit`: the reschedule flow's
 * date buttons. One availability read per date looked at.
 */
export async function listOpenDates(
  db: Database,
  {
    now = new Date(),
    settings,
    limit,
    branchId = FIRST_BRANCH_ID,
    from,
  }: { now?: Date; settings?: ShopSettings; limit: number; branchId?: number; /** No earlier date than this (a back-order's first). */ from?: IsoDate },
): Promise<IsoDate[]> {
  const shop = settings ?? (await getShopSettings(db));
  const today = todayInJakarta(now);
  const first = from && from > today ? from : today;
  const last = addDays(today, shop.bookingHorizonDays);
  const closedDates = await listClosedDates(db, { from: first, to: last, branchId });
  const open: IsoDate[] = [];
  for (let date = first; date <= last && open.length < limit; date = addDays(date, 1)) {
    const rules = { today, horizonDays: shop.bookingHorizonDays, closedDates, closedWeekdays: shop.closedWeekdays };
    if (!parseServiceDate(formatDateDmy(date), rules).ok) continue;
    const offers = await getSlotAvailability(db, { serviceDate: date, now, settings: shop, branchId });
    if (offers.some((offer) => offer.bookable)) open.push(date);
  }
  return open;
}
