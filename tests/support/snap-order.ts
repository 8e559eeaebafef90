import { POST as notificationRoute } from "@/app/api/midtrans/notification/route";
import type { Database } from "@/db";
import type { Order } from "@/db/schema";
import { startSnapPayment } from "@/lib/payments/start-payment";
import type { MidtransStandIn } from "./midtrans-stand-in";
import { bookOrder } from "./payment-fixtures";

/**
 * A booked order ("all methods") with its first Snap attempt `<code>-1` created at
 * the Midtrans stand-in, as after "Bayar Sekarang"; with `status`, the customer
 * has also paid (or whatever that status says) at Midtrans, not yet notified.
 */
export async function snapOrder(
  db: Database,
  midtrans: MidtransStandIn,
  { chatId = 5550001, status }: { chatId?: number; status?: string } = {},
): Promise<{ order: Order; orderId: string }> {
  const order = await bookOrder(db, { paymentMethod: "all", chatId });
  const started = await startSnapPayment(db, { token: order.statusToken });
  if (!started.ok) throw new Error(`Snap refused: ${started.reason}`);
  const orderId = `${order.bookingCode}-1`;
  if (status) midtrans.setTransaction(orderId, { transaction_status: status, fraud_status: "accept", payment_type: "bank_transfer" });
  return { order, orderId };
}

/** Posts this notification body to the real route handler, as many times as it is called. */
export function notifier(body: Record<string, unknown>): () => Promise<Response> {
  const text = JSON.stringify(body);
  return () => notificationRoute(new Request("http://localhost/api/midtrans/notification", { method: "POST", body: text }));
}
