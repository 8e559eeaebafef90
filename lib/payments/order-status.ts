import { getDb } from "@/db";
import { findOrderByStatusToken } from "@/db/queries/orders";
import { findLatestPayment, listOrderPayments } from "@/db/queries/payments";
import { labelsFor, methodUsedLabel, type Language } from "@/lib/booking/status-labels";
import type { Order, Payment, PaymentMethod, PaymentStatus, RepairStatus } from "@/db/schema";
import { attemptStatusOf } from "./apply-transaction";
import { reconcilePayment } from "./reconcile-pending";
import { paymentRefusal } from "./payment-refusal";

/** GET /api/orders/{status_token} (DESIGN §12): other parts and checks rely on exactly these fields. */
export interface OrderStatusJson {
  bookingCode: string;
  amount: number;
  paymentStatus: PaymentStatus;
  repairStatus: RepairStatus;
  serviceDate: string;
  slot: string;
  device: string;
  part: string;
  paymentMethod: PaymentMethod;
  createdAt: string;
}

export interface OrderStatusView {
  json: OrderStatusJson;
  order: Order;
  /** "Bayar Sekarang" is shown. */
  canPay: boolean;
  /** The method as the customer reads it: the one actually paid with once Midtrans has said, else the one chosen. */
  methodLabel: string;
  /** A bank transfer issued in the chat that can still be paid. */
  virtualAccount?: Pick<Payment, "vaBank" | "vaNumber" | "billKey" | "billerCode" | "expiresAt">;
}

export function orderStatusJson(order: Order): OrderStatusJson {
  return {
    bookingCode: order.bookingCode,
    amount: order.amountIdr,
    paymentStatus: order.paymentStatus,
    repairStatus: order.repairStatus,
    serviceDate: order.serviceDate,
    slot: order.slotLabel,
    device: order.deviceName,
    part: order.partName,
    paymentMethod: order.paymentMethod,
    createdAt: order.createdAt.toISOString(),
  };
}

/** Everything the status page shows, from one read; undefined for an unknown token. */
export async function getOrderStatusView(token: string, now = new Date(), language?: Language): Promise<OrderStatusView | undefined> {
  const db = await getDb();
  const order = await findOrderByStatusToken(db, { token });
  if (!order) return undefined;
  const attempts = await listOrderPayments(db, { orderId: order.id });
  const latest = attempts.at(-1);
  const canPay = paymentRefusal(order, now) === undefined;
  const liveVa =
    canPay && latest?.kind === "core" && attemptStatusOf(latest) === "pending" && latest.expiresAt && latest.expiresAt > now
      ? latest
      : undefined;
  const methodLanguage = language ?? (order.language === "en" ? "en" : "id");
  return { json: orderStatusJson(order), order, canPay, methodLabel: methodLabelOf(order, attempts, methodLanguage), virtualAccount: liveVa };
}

/** The paid attempt's method (a Snap page offers several), or what the customer chose while nothing is paid. */
function methodLabelOf(order: Order, attempts: readonly Payment[], language: Language): string {
  const paid = attempts.find((p) => attemptStatusOf(p) === "paid");
  return (paid && methodUsedLabel(paid, language)) ?? labelsFor(language).method[order.paymentMethod];
}

const RECHECK_EVERY_MS = 10_000;
const lastRecheck = new Map<string, number>();

/**
 * The order's status, first asking the Status API about its latest open attempt
 * when the customer has just come back from paying (the notification may be
 * late or lost). Asked at most every few seconds per order and instance.
 */
export async function getOrderStatus(token: string, { recheck = false, now = new Date() } = {}): Promise<OrderStatusJson | undefined> {
  const db = await getDb();
  const order = await findOrderByStatusToken(db, { token });
  if (!order) return undefined;
  if (!recheck || !["unpaid", "pending"].includes(order.paymentStatus)) return orderStatusJson(order);
  if (now.getTime() - (lastRecheck.get(order.id) ?? 0) < RECHECK_EVERY_MS) return orderStatusJson(order);
  lastRecheck.set(order.id, now.getTime());
  if (lastRecheck.size > 10_000) lastRecheck.clear();
  const latest = await findLatestPayment(db, { orderId: order.id });
  if (!latest || latest.kind === "cash" || !["unpaid", "pending"].includes(attemptStatusOf(latest))) return orderStatusJson(order);
  const outcome = await reconcilePayment(db, latest, now);
  if (outcome !== "changed") return orderStatusJson(order);
  return orderStatusJson((await findOrderByStatusToken(db, { token }))!);
}
