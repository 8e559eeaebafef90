import type { Database } from "@/db";
import { countBookingsCreated, listOrdersOfDay, revenueByDay, type DayRevenue } from "@/db/queries/admin-dashboard";
import { listSlotDays, type SlotDay } from "@/db/queries/slots";
import type { Order } from "@/db/schema";
import { addDays, todayInJakarta, wibInstant, type IsoDate } from "@/lib/booking/calendar";

export interface TodayView {
  date: IsoDate;
  slots: { slot: SlotDay; orders: Order[] }[];
  /** Orders of today whose slot is no longer active (kept visible so nobody is forgotten). */
  otherOrders: Order[];
  appointmentsToday: number;
  bookingsMadeToday: number;
  revenueToday: number;
  revenueWeek: number;
  chart: DayRevenue[];
}

export const CHART_DAYS = 14;

/** Today's schedule by slot, with counts and money, in the shop's calendar (WIB). */
export async function getTodayView(db: Database, now = new Date()): Promise<TodayView> {
  const date = todayInJakarta(now);
  const [slotDays, dayOrders, chart, bookingsMadeToday] = await Promise.all([
    listSlotDays(db, { serviceDate: date }),
    listOrdersOfDay(db, { serviceDate: date }),
    revenueByDay(db, { from: addDays(date, -(CHART_DAYS - 1)), to: date }),
    countBookingsCreated(db, { since: wibInstant(date) }),
  ]);
  const slots = slotDays.map((slot) => ({ slot, orders: dayOrders.filter((order) => order.slotId === slot.id) }));
  const shown = new Set(slotDays.map((slot) => slot.id));
  const week = chart.slice(-7);
  return {
    date,
    slots,
    otherOrders: dayOrders.filter((order) => !shown.has(order.slotId)),
    appointmentsToday: dayOrders.length,
    bookingsMadeToday,
    revenueToday: chart.at(-1)?.revenue ?? 0,
    revenueWeek: week.reduce((sum, day) => sum + day.revenue, 0),
    chart,
  };
}
