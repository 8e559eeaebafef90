import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { changeRepairStatus } from "@/lib/admin/order-actions";
import { orders, parts, type Order } from "@/db/schema";
import { bookOrder } from "./payment-fixtures";

/**
 * A repair of part 1 (warranty `days`) booked in `chatId`, paid and completed by
 * staff the admin's way; `completedAt` moves the completion into the past.
 */
export async function completedRepair(db: Database, { chatId, days = 30, completedAt }: { chatId: number; days?: number; completedAt?: Date }): Promise<Order> {
  await db.update(parts).set({ warrantyDays: days }).where(eq(parts.id, 1));
  const order = await bookOrder(db, { chatId });
  await db.update(orders).set({ paymentStatus: "paid", paidAt: new Date(), holdExpiresAt: null }).where(eq(orders.id, order.id));
  const done = await changeRepairStatus(db, { orderId: order.id, status: "completed", by: { username: "sari", ip: null } });
  if (!done.ok) throw new Error(done.message);
  if (!completedAt) return done.order;
  const [moved] = await db.update(orders).set({ completedAt }).where(eq(orders.id, order.id)).returning();
  return moved!;
}
