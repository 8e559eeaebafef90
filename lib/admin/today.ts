import type { Database } from "@/db";
import { countBookingsCreated, listOrdersOfDay, revenueByDay, type DayRevenue } from "@/db/queries/admin-dashboard";
import { listAdmins } from "@/db/queries/admins";
import { listActiveBranches } from "@/db/queries/branches";
import { listSlotDays, type SlotDay } from "@/db/queries/slots";
import type { Branch, Order } from "@/db/schema";
import { addDays, todayInJakarta, wibInstant, type IsoDate } from "@/lib/booking/calendar";

export interface TodayMoney {
  revenueToday: number;
  revenueWeek: number;
  chart: DayRevenue[];
}

export interface TodayView {
  date: IsoDate;
  /** Each shown branch's running slots of today, branch by branch, with their orders. */
  slots: { slot: SlotDay; branch: Branch; orders: Order[] }[];
  /** Orders of today whose slot is no longer active (kept visible so nobody is forgotten). */
  otherOrders: Order[];
  appointmentsToday: number;
  bookingsMadeToday: number;
  /** The whole shop's money (every branch): only for those who see every branch. */
  money: TodayMoney | undefined;
  /** The name of each order's technician, by admin id; empty when the shop has no technician. */
  technicianNames: Map<number, string>;
}

export const CHART_DAYS = 14;

export interface TodayScope {
  /** The branches whose slots are shown (default: every active branch). */
  branches?: Branch[];
  /** The branches whose orders are counted and listed; undefined: every branch's. */
  orderBranchIds?: number[];
  /** Whether the whole shop's money is read (revenue cards and chart). */
  withMoney?: boolean;
}

async function readMoney(db: Database, date: IsoDate): Promise<TodayMoney> {
  const chart = await revenueByDay(db, { from: addDays(date, -(CHART_DAYS - 1)), to: date });
  const week = chart.slice(-7);
  return { revenueToday: chart.at(-1)?.revenue ?? 0, revenueWeek: week.reduce((sum, day) => sum + day.revenue, 0), chart };
}

/** Today's schedule by slot (of some branches), with counts and, for the whole shop, money, in the shop's calendar (WIB). */
export async function getTodayView(db: Database, { branches, orderBranchIds, withMoney = true }: TodayScope = {}, now = new Date()): Promise<TodayView> {
  const date = todayInJakarta(now);
  const shown = branches ?? (await listActiveBranches(db));
  const [slotDays, dayOrders, money, bookingsMadeToday, people] = await Promise.all([
    Promise.all(shown.map(async (branch) => (await listSlotDays(db, { serviceDate: date, now, branchId: branch.id })).map((slot) => ({ slot, branch })))),
    listOrdersOfDay(db, { serviceDate: date, branchIds: orderBranchIds }),
    withMoney ? readMoney(db, date) : undefined,
    countBookingsCreated(db, { since: wibInstant(date), branchIds: orderBranchIds }),
    listAdmins(db),
  ]);
  const slots = slotDays.flat().map(({ slot, branch }) => ({ slot, branch, orders: dayOrders.filter((order) => order.slotId === slot.id) }));
  const listed = new Set(slots.map(({ slot }) => slot.id));
  const hasTechnicians = people.some((person) => person.technician && !person.disabled);
  return {
    date,
    slots,
    otherOrders: dayOrders.filter((order) => !listed.has(order.slotId)),
    appointmentsToday: dayOrders.length,
    bookingsMadeToday,
    money,
    technicianNames: new Map(hasTechnicians ? people.map((person) => [person.id, person.username]) : []),
  };
}
