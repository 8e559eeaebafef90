import type { Database } from "@/db";
import { lockOrder } from "@/db/queries/orders";
import { deletePayment, listOrderPayments, updatePayment } from "@/db/queries/payments";
import type { Order, Payment } from "@/db/schema";
import { beginAttempt, type Begun } from "./begin-attempt";
import { closeAttempt } from "./close-attempts";
import { MidtransApiError } from "./midtrans-api";
import { paymentRefusal, type PaymentRefusal } from "./payment-refusal";
import { applyAttemptNews, cancelPendingAttempts, newsOfPayment, type AttemptNews } from "./supersede-attempts";

export type AttemptFailure = "not_found" | PaymentRefusal | "midtrans_refused" | "midtrans_unavailable";
/** `Own`: the refusals of one kind of attempt (a VA for an order not paid by bank transfer). */
export type AttemptOutcome<Own extends string = never> =
  | { ok: true; order: Order; payment: Payment; reused: boolean }
  | { ok: false; reason: AttemptFailure | Own };

/** What Midtrans made for an attempt, to be stored on it. `live`: the order still waits for this very attempt. */
export interface AttemptAnswer<Made> {
  order: Order;
  asked: Order;
  payment: Payment;
  made: Made;
  news: readonly AttemptNews[];
  live: boolean;
}

/** One kind of payment attempt (a Snap page, a VA charge) as startPaymentAttempt runs it. */
export interface AttemptPlan<Made, Own extends string = never> {
  kind: "snap" | "core";
  /** Names the request in the log when Midtrans refuses it. */
  label: string;
  /** A refusal of this kind's own, before the ones every attempt shares. */
  refusal?(order: Order): Own | undefined;
  /** An attempt of the order still payable, handed out again instead of a new one. */
  reusable(attempts: readonly Payment[], order: Order): Payment | undefined;
  /** The order as Midtrans is asked for it (Snap's "another method" offers every method). */
  orderToPay?(order: Order): Order;
  /** The Midtrans call. */
  ask(order: Order, attempt: number): Promise<Made>;
  /** Stores Midtrans' answer on the attempt, in the closing transaction. */
  store(tx: Database, answer: AttemptAnswer<Made>): Promise<{ order: Order; payment: Payment }>;
}

type Asking = Extract<Begun<string>, { kind: "asking" }>;
type Asked<Made> = { made: Made } | { failure: AttemptFailure; error?: unknown };

/**
 * Every new payment attempt, Snap or VA, in three steps, Midtrans never called
 * while the order is locked: (1) a short transaction records the attempt as
 * being requested (beginAttempt); (2) with no transaction open, earlier
 * attempts still payable are cancelled at Midtrans and the new one is asked
 * for; (3) a second short transaction looks at the order again and stores the
 * answer. An order paid, cancelled or expired meanwhile (or an attempt
 * superseded after it was given up for dead) gets its new attempt closed at
 * Midtrans like any attempt of a cancelled order, and the answer the order now
 * deserves. A request Midtrans never answered leaves nothing recorded.
 */
export async function startPaymentAttempt<Made, Own extends string = never>(
  db: Database,
  plan: AttemptPlan<Made, Own>,
  { orderId, now }: { orderId: string; now: Date },
): Promise<AttemptOutcome<Own>> {
  const begun = await beginAttempt(db, plan, { orderId, now });
  if (begun.kind === "answered") return begun.outcome;
  const news = await cancelPendingAttempts(begun.earlier, now);
  const asked: Asked<Made> = !news
    ? { failure: "midtrans_unavailable" }
    : newsOfPayment(news)
      ? { failure: "paid" }
      : await askMidtrans(plan, begun);
  const { outcome, toClose } = await db.transaction((tx) => finishAttempt(tx, plan, begun, { news: news ?? [], asked, now }));
  if (toClose) await closeAttempt(db, toClose, now);
  if ("error" in asked) throw asked.error;
  return outcome;
}

async function askMidtrans<Made, Own extends string>(plan: AttemptPlan<Made, Own>, { asked, payment }: Asking): Promise<Asked<Made>> {
  try {
    return { made: await plan.ask(asked, payment.attempt) };
  } catch (error) {
    if (!(error instanceof MidtransApiError)) return { failure: "midtrans_unavailable", error };
    console.error(`[midtrans] ${plan.label} refused for order ${asked.bookingCode}: ${error.message}`);
    return { failure: error.transient ? "midtrans_unavailable" : "midtrans_refused" };
  }
}

async function finishAttempt<Made, Own extends string>(
  tx: Database,
  plan: AttemptPlan<Made, Own>,
  begun: Asking,
  { news, asked, now }: { news: readonly AttemptNews[]; asked: Asked<Made>; now: Date },
): Promise<{ outcome: AttemptOutcome<Own>; toClose?: Payment }> {
  await applyAttemptNews(tx, news, now);
  const order = (await lockOrder(tx, { id: begun.order.id }))!;
  const attempts = await listOrderPayments(tx, { orderId: order.id });
  const mine = attempts.find((p) => p.id === begun.payment.id);
  if (!mine) throw new Error(`payment ${begun.payment.id} vanished`);
  const refusal = plan.refusal?.(order) ?? paymentRefusal(order, now);
  if ("failure" in asked) {
    const outcome = { ok: false as const, reason: refusal ?? asked.failure };
    // Nothing made, unless Midtrans made it after all (a lost answer) and said so meanwhile: then it is closed like any other.
    if (mine.transactionStatus) return { outcome, toClose: await updatePayment(tx, { id: mine.id, changes: { expiresAt: now } }) };
    await deletePayment(tx, { id: mine.id });
    return { outcome };
  }
  const live = !refusal && attempts.at(-1)?.id === mine.id;
  const stored = await plan.store(tx, { order, asked: begun.asked, payment: mine, made: asked.made, news, live });
  if (live) return { outcome: { ok: true, order: stored.order, payment: stored.payment, reused: false } };
  return { outcome: { ok: false, reason: refusal ?? "midtrans_unavailable" }, toClose: stored.payment };
}
