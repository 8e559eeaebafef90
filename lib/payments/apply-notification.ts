import { getDb, isTransientDbError } from "@/db";
import { findPaymentByMidtransOrderId } from "@/db/queries/payments";
import type { PaymentStatus } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { applyTransactionIn } from "./apply-transaction";
import { fetchTransactionStatus, MidtransApiError, type MidtransTransaction } from "./midtrans-api";
import { midtransConfig } from "./midtrans-client";
import { notificationExcerpt, recordSignedRejection, recordUnvouchedRejection } from "./rejected-notification";
import { statusMatchesCode } from "./status-codes";
import { signatureIsValid } from "./verify-signature";

/** A notification is a few hundred bytes; anything near this is not from Midtrans. */
export const MAX_NOTIFICATION_BYTES = 64 * 1024;

export type NotificationVerdict =
  | { kind: "applied"; paymentStatus: PaymentStatus }
  | { kind: "unchanged"; reason: "duplicate" | "backwards" | "unknown_status" | "status_mismatch"; paymentStatus: PaymentStatus }
  | { kind: "too_large" }
  | { kind: "malformed"; reason: "bad_json" | "missing_fields" }
  | { kind: "unknown_order" }
  | { kind: "bad_signature" }
  | { kind: "status_mismatch"; reason: "notification" | "status_api" }
  | { kind: "amount_mismatch" }
  | { kind: "not_confirmed"; reason: string }
  | { kind: "unavailable"; reason: "database" | "not_configured" };

/** What Midtrans is answered: 2xx stops its retries, 503 asks for them (DESIGN §6). */
export const VERDICT_HTTP_STATUS: Record<NotificationVerdict["kind"], number> = {
  applied: 200,
  unchanged: 200,
  too_large: 413,
  malformed: 400,
  unknown_order: 404,
  bad_signature: 401,
  // The signed status_code contradicts the unsigned transaction_status: a body that disagrees with itself.
  status_mismatch: 400,
  amount_mismatch: 400,
  not_confirmed: 503,
  unavailable: 503,
};

const MIDTRANS_ORDER_ID = /^[A-Za-z0-9_~.-]{1,50}$/;
const REQUIRED = ["order_id", "status_code", "gross_amount", "signature_key", "transaction_status"] as const;

function parseNotification(text: string): MidtransTransaction | "bad_json" | "missing_fields" {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return "bad_json";
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return "bad_json";
  const fields = body as Record<string, unknown>;
  return REQUIRED.every((name) => typeof fields[name] === "string" && fields[name] !== "") ? (body as MidtransTransaction) : "missing_fields";
}

/** "70000.00" → 70000; anything that is not a whole rupiah amount → NaN. */
export function parseGrossAmount(value: unknown): number {
  const match = typeof value === "string" ? /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(value) : null;
  if (!match || (match[2] && Number(match[2]) !== 0)) return Number.NaN;
  return Number(match[1]);
}

interface Input {
  body: string | { oversized: true };
  ip?: string | null;
  now?: Date;
}

/**
 * Handles one HTTP notification from Midtrans (DESIGN §6): parse, find the
 * attempt, check the signature, that the status agrees with the signed
 * status_code, and the amount, confirm with the Status API (the truth;
 * switchable with MIDTRANS_VERIFY_STATUS), then apply it in one short
 * transaction. An applied notification is audited in full (less its
 * signature_key); a refused one changes nothing and leaves a short excerpt,
 * counted rather than stored when it repeats (rejected-notification.ts).
 */
export async function applyPaymentNotification(input: Input): Promise<NotificationVerdict> {
  try {
    return await judge(input);
  } catch (error) {
    if (isTransientDbError(error)) {
      console.error(`[midtrans] notification not processed, database unavailable: ${(error as Error).message}`);
      return { kind: "unavailable", reason: "database" };
    }
    throw error;
  }
}

async function judge({ body, ip, now = new Date() }: Input): Promise<NotificationVerdict> {
  const db = await getDb();
  const refuse = async (verdict: NotificationVerdict, entityId: string, from: unknown, { signed = false, bytes }: { signed?: boolean; bytes?: number } = {}) => {
    const rejection = {
      verdict: verdict.kind,
      reason: "reason" in verdict ? verdict.reason : undefined,
      entityId,
      excerpt: notificationExcerpt(from),
      bytes,
      ip,
      now,
    };
    await (signed ? recordSignedRejection(db, rejection) : recordUnvouchedRejection(db, rejection));
    return verdict;
  };

  if (typeof body !== "string") return refuse({ kind: "too_large" }, "-", null);
  const notification = parseNotification(body);
  if (notification === "bad_json") return refuse({ kind: "malformed", reason: "bad_json" }, "-", null, { bytes: body.length });
  if (notification === "missing_fields") return refuse({ kind: "malformed", reason: "missing_fields" }, "-", JSON.parse(body), { bytes: body.length });

  // Not an order id we could have made (Midtrans allows letters, digits, - _ ~ . and 50 at most): not looked up.
  const payment = MIDTRANS_ORDER_ID.test(notification.order_id)
    ? await findPaymentByMidtransOrderId(db, { midtransOrderId: notification.order_id })
    : undefined;
  if (!payment) return refuse({ kind: "unknown_order" }, notification.order_id, notification);
  const serverKey = midtransConfig().serverKey;
  if (!serverKey) {
    console.error("[midtrans] notification cannot be verified: MIDTRANS_SERVER_KEY is not set");
    return { kind: "unavailable", reason: "not_configured" };
  }
  if (!signatureIsValid({ ...notification, signature_key: notification.signature_key as string }, serverKey)) {
    return refuse({ kind: "bad_signature" }, notification.order_id, notification);
  }
  // Signed, but its status may have been rewritten (it is not signed): refused on or off the Status API check.
  if (!statusMatchesCode(notification)) {
    return refuse({ kind: "status_mismatch", reason: "notification" }, notification.order_id, notification);
  }
  if (parseGrossAmount(notification.gross_amount) !== payment.grossAmount) {
    return refuse({ kind: "amount_mismatch" }, notification.order_id, notification, { signed: true });
  }

  let truth: MidtransTransaction = notification;
  if (getEnv().MIDTRANS_VERIFY_STATUS) {
    const confirmed = await confirmWithStatusApi(notification.order_id, payment.grossAmount);
    if (typeof confirmed === "string") {
      return refuse({ kind: "not_confirmed", reason: confirmed }, notification.order_id, notification, { signed: true });
    }
    if (!statusMatchesCode(confirmed)) {
      console.error(`[midtrans] status of ${notification.order_id} says ${confirmed.transaction_status} with status_code ${confirmed.status_code}: not applied`);
      return refuse({ kind: "status_mismatch", reason: "status_api" }, notification.order_id, confirmed, { signed: true });
    }
    truth = confirmed;
  }

  const applied = await db.transaction((tx) =>
    applyTransactionIn(tx, {
      paymentId: payment.id,
      orderId: payment.orderId,
      transaction: truth,
      context: { source: "notification", notification, ip, now },
    }),
  );
  return applied.step.kind === "change"
    ? { kind: "applied", paymentStatus: applied.order.paymentStatus }
    : { kind: "unchanged", reason: applied.step.reason, paymentStatus: applied.order.paymentStatus };
}

/** The Status API's view of the transaction, or why it could not confirm it (then Midtrans is asked to retry). */
async function confirmWithStatusApi(orderId: string, amount: number): Promise<MidtransTransaction | string> {
  try {
    const status = await fetchTransactionStatus(orderId);
    if (!status) return "status_api_not_found";
    if (status.order_id !== orderId || parseGrossAmount(status.gross_amount) !== amount) return "status_api_disagrees";
    return status;
  } catch (error) {
    if (error instanceof MidtransApiError) {
      console.error(`[midtrans] status check of ${orderId} failed: ${error.message}`);
      return error.transient ? "status_api_unavailable" : `status_api_refused_${error.httpStatus}`;
    }
    throw error;
  }
}
