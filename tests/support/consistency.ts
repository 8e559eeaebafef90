import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@/db";
import { listSlotDays } from "@/db/queries/slots";
import { attemptStatusOf } from "@/lib/payments/apply-transaction";
import type { TelegramStandIn } from "./telegram-stand-in";

/**
 * The invariants every fault must leave standing (issue 7, "Data"). Each
 * problem is a sentence naming the row, so a failing test says what broke:
 *
 *   expect(await consistencyProblems(testDb.db, { tg })).toEqual([]);
 *
 * - slots: on every slot-day, the places the bot shows as taken equal the live
 *   (not cancelled) orders, which never exceed the slot's capacity; an order
 *   whose payment expired or failed for good holds no place (it is cancelled);
 * - payments: an order is paid exactly when an attempt of it settled (or staff
 *   recorded cash); two settled attempts, or money on a cancelled order, carry
 *   the refund flag;
 * - outbox: every dedupe key is one row, never both sent and given up; with the
 *   Telegram stand-in given, every sent order message (confirmation, payment,
 *   expiry…) reached the chat exactly once and no unsent one reached it, and
 *   every retried bot reply that is marked sent arrived.
 */
export async function consistencyProblems(db: Database, { tg }: { tg?: TelegramStandIn } = {}): Promise<string[]> {
  return [...(await slotProblems(db)), ...(await paymentProblems(db)), ...(await outboxProblems(db)), ...(tg ? await deliveryProblems(db, tg) : [])];
}

interface LiveCount {
  slot_id: number;
  service_date: string;
  live: number;
  /** Live orders less those whose hold ran out unpaid. */
  held: number;
  capacity: number;
}

async function slotProblems(db: Database): Promise<string[]> {
  const problems: string[] = [];
  const counts = await queryRows<LiveCount>(
    db,
    sql`select o.slot_id, o.service_date::text as service_date, count(*)::int as live, s.capacity,
               (count(*) filter (where not (o.payment_status in ('unpaid', 'pending', 'failed') and o.payment_method <> 'pay_at_shop' and coalesce(o.hold_expires_at < now(), false))))::int as held
        from orders o join slots s on s.id = o.slot_id
        where o.repair_status <> 'cancelled'
        group by o.slot_id, o.service_date, s.capacity`,
  );
  for (const day of new Set(counts.map((c) => c.service_date))) {
    const shown = await listSlotDays(db, { serviceDate: day });
    for (const count of counts.filter((c) => c.service_date === day)) {
      if (count.live > count.capacity) problems.push(`slot ${count.slot_id} on ${day}: ${count.live} live orders for ${count.capacity} places`);
      const slotDay = shown.find((s) => s.id === count.slot_id);
      // What the bot shows leaves out holds that ran out unpaid and are not swept yet.
      if (slotDay && slotDay.taken !== count.held) {
        problems.push(`slot ${count.slot_id} on ${day}: shown ${slotDay.taken} taken, but ${count.held} live orders with a running hold`);
      }
    }
  }
  const stale = await queryRows<{ booking_code: string; payment_status: string }>(
    db,
    sql`select booking_code, payment_status from orders where payment_status = 'expired' and repair_status <> 'cancelled'`,
  );
  for (const order of stale) problems.push(`order ${order.booking_code}: ${order.payment_status} but still holds its place`);
  return problems;
}

interface OrderRow {
  id: string;
  booking_code: string;
  payment_status: string;
  repair_status: string;
  needs_refund: boolean;
}

interface PaymentRow {
  order_id: string;
  kind: string;
  transaction_status: string | null;
  fraud_status: string | null;
}

async function paymentProblems(db: Database): Promise<string[]> {
  const problems: string[] = [];
  const orderRows = await queryRows<OrderRow>(db, sql`select id, booking_code, payment_status, repair_status, needs_refund from orders`);
  const paymentRows = await queryRows<PaymentRow>(db, sql`select order_id, kind, transaction_status, fraud_status from payments`);
  for (const order of orderRows) {
    const attempts = paymentRows.filter((p) => p.order_id === order.id);
    const settled = attempts.filter(
      (p) => attemptStatusOf({ transactionStatus: p.transaction_status, fraudStatus: p.fraud_status }) === "paid",
    );
    const cash = settled.filter((p) => p.kind === "cash").length;
    const what = `order ${order.booking_code} (${order.payment_status}, ${order.repair_status})`;
    if (order.payment_status === "paid") {
      if (settled.length === 0) problems.push(`${what}: paid with no settled attempt`);
      if (settled.length >= 2 && !order.needs_refund) problems.push(`${what}: ${settled.length} settled attempts and no refund flag`);
      if (order.repair_status === "cancelled" && !order.needs_refund) problems.push(`${what}: paid and cancelled without a refund flag`);
    } else if (settled.length > 0 && cash === 0 && !["refunded", "partially_refunded"].includes(order.payment_status)) {
      problems.push(`${what}: an attempt settled but the order is not paid`);
    }
  }
  return problems;
}

async function outboxProblems(db: Database): Promise<string[]> {
  const problems: string[] = [];
  const duplicates = await queryRows<{ dedupe_key: string; n: number }>(
    db,
    sql`select dedupe_key, count(*)::int as n from outbox group by dedupe_key having count(*) > 1`,
  );
  for (const d of duplicates) problems.push(`outbox: dedupe key ${d.dedupe_key} queued ${d.n} times`);
  const both = await queryRows<{ id: number }>(db, sql`select id from outbox where sent_at is not null and failed_at is not null`);
  for (const row of both) problems.push(`outbox ${row.id}: both sent and given up`);
  return problems;
}

/**
 * Each outbox message against what the stand-in Bot API accepted: a sent row
 * reached the chat exactly once, an unsent one not at all.
 */
async function deliveryProblems(db: Database, tg: TelegramStandIn): Promise<string[]> {
  const rows = await queryRows<{ id: number; dedupe_key: string; payload: { method: string; params: Record<string, unknown> }; sent_at: unknown }>(
    db,
    sql`select id, dedupe_key, payload, sent_at from outbox`,
  );
  const problems: string[] = [];
  for (const row of rows) {
    if (row.payload.method !== "sendMessage") continue;
    const delivered = tg.calls.filter(
      (c) =>
        c.method === "sendMessage" &&
        c.status === 200 &&
        String(c.params.chat_id) === String(row.payload.params.chat_id) &&
        c.params.text === row.payload.params.text,
    ).length;
    // A retried bot reply ("update:…") may say what other replies in the chat said too ("halo" typed twice):
    // only its arrival can be told apart. Order events name their booking code: those arrive exactly once.
    const replay = row.dedupe_key.startsWith("update:");
    const expected = row.sent_at ? 1 : 0;
    const wrong = replay ? (row.sent_at ? delivered < 1 : false) : delivered !== expected;
    if (wrong) problems.push(`outbox ${row.id} (${row.dedupe_key}): ${row.sent_at ? "sent" : "unsent"}, delivered ${delivered} times`);
  }
  return problems;
}
