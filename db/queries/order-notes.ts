import { asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { orderNotes, type OrderNote } from "../schema";

export async function insertOrderNote(db: Database, values: { orderId: string; author: string; body: string }): Promise<OrderNote> {
  const [row] = await db.insert(orderNotes).values(values).returning();
  return row!;
}

/** An order's notes, oldest first (read as a conversation among staff). */
export async function listOrderNotes(db: Database, { orderId }: { orderId: string }): Promise<OrderNote[]> {
  return db.select().from(orderNotes).where(eq(orderNotes.orderId, orderId)).orderBy(asc(orderNotes.createdAt), asc(orderNotes.id));
}
