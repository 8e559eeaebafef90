import type { Order } from "@/db/schema";
import type { IsoDate } from "@/lib/booking/calendar";

export interface CustomerHistory {
  orders: Order[];
  /** Orders that were not cancelled. */
  bookings: number;
  /** Money actually received, in rupiah (paid orders; refunds are shown on the orders themselves). */
  paidTotalIdr: number;
  /** The last service date that has come (today included) of an order not cancelled. */
  lastVisit: IsoDate | undefined;
  /** The next service date still to come, if any. */
  nextVisit: IsoDate | undefined;
}

const PAID = new Set(["paid", "partially_refunded"]);

/** What the counter wants to know about a returning customer, from all their orders (newest first). */
export function summarizeCustomer(orders: Order[], today: IsoDate): CustomerHistory {
  const live = orders.filter((order) => order.repairStatus !== "cancelled");
  const past = live.map((o) => o.serviceDate).filter((date) => date <= today).sort();
  const future = live.map((o) => o.serviceDate).filter((date) => date > today).sort();
  return {
    orders,
    bookings: live.length,
    paidTotalIdr: orders.filter((o) => PAID.has(o.paymentStatus)).reduce((sum, o) => sum + o.amountIdr, 0),
    lastVisit: past.at(-1),
    nextVisit: future[0],
  };
}

/** Where an order's customer history is: by phone when the order has one (it takes in the chat's orders too), else by chat. */
export function customerHistoryPath(order: Pick<Order, "customerPhone" | "chatId">): string | undefined {
  if (order.customerPhone) return `/admin/customers/phone/${order.customerPhone.replace(/^\+/, "")}`;
  return order.chatId === null ? undefined : `/admin/customers/${order.chatId}`;
}
