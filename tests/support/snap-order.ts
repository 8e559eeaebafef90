import { POST as notificationRoute } from "@/app/api/midtrans/notification/route";
import type { Database } from "@/db";
import type { Order } from "@/db/schema";
import { overrideEnv } from "@/lib/env";
import { startSnapPayment } from "@/lib/payments/start-payment";
import { settleAfterResponse } from "./after-response";
import type { MidtransStandIn } from "./midtrans-stand-in";
import { bookOrder, readAudit, readOrder, readOutbox } from "./payment-fixtures";

/**
 * A booked order ("all methods" unless told) with its first Snap attempt `<code>-1` created at
 * the Midtrans stand-in, as after "Bayar Sekarang"; with `status`, the customer
 * has also paid (or whatever that status says) at Midtrans, not yet notified.
 */
export async function snapOrder(
  db: Database,
  midtrans: MidtransStandIn,
  { chatId = 5550001, status, paymentMethod = "all" }: { chatId?: number; status?: string; paymentMethod?: Order["paymentMethod"] } = {},
): Promise<{ order: Order; orderId: string }> {
  const order = await bookOrder(db, { paymentMethod, chatId });
  const started = await startSnapPayment(db, { token: order.statusToken });
  if (!started.ok) throw new Error(`Snap refused: ${started.reason}`);
  const orderId = `${order.bookingCode}-1`;
  if (status) midtrans.setTransaction(orderId, { transaction_status: status, fraud_status: "accept", payment_type: "bank_transfer" });
  return { order, orderId };
}

/** Posts this notification body to the real route handler, as many times as it is called. */
export function notifier(body: Record<string, unknown>): () => Promise<Response> {
  const text = JSON.stringify(body);
  return async () => {
    const response = await notificationRoute(new Request("http://localhost/api/midtrans/notification", { method: "POST", body: text }));
    await settleAfterResponse();
    return response;
  };
}

/**
 * A Snap order the customer has paid at the Midtrans stand-in (Status API check
 * on, the stand-in's memory cleared first), with a poster of its settlement
 * notification: the start of every "the notification meets a fault" test.
 */
export async function paidSnapOrder(db: Database, midtrans: MidtransStandIn, chatId: number): Promise<{ order: Order; notify: () => Promise<Response> }> {
  midtrans.reset();
  overrideEnv({ ...midtrans.env(), MIDTRANS_VERIFY_STATUS: "true" });
  const { order, orderId } = await snapOrder(db, midtrans, { chatId, status: "settlement" });
  return { order, notify: notifier(midtrans.notificationBody(orderId)) };
}

/** Midtrans retries a refused notification (twice here): the payment is applied exactly once, one message queued. */
export async function expectRetriesApplyOnce(db: Database, order: Order, notify: () => Promise<Response>): Promise<void> {
  expect((await notify()).status).toBe(200);
  expect((await notify()).status).toBe(200);
  expect((await readOrder(db, order.id)).paymentStatus).toBe("paid");
  expect(await readOutbox(db)).toHaveLength(1);
  expect(await readAudit(db, "payment.status_changed")).toHaveLength(1);
}

/** A notification answered "try again" (503) changed nothing: the order as it was, no message queued. */
export async function expectRefusedUntouched(db: Database, order: Order, answer: Response): Promise<void> {
  expect(answer.status).toBe(503);
  expect((await readOrder(db, order.id)).version).toBe(order.version);
  expect(await readOutbox(db)).toEqual([]);
}
