import { randomUUID } from "node:crypto";
import { secretsMatch } from "@/lib/http/secrets";
import { applyFinal, applyMethod, hasLapsed, readMethods } from "./lifecycle";
import { notifyLater } from "./notify";
import { refundTransaction } from "./refund";
import { midtransTime, transactionBody } from "./shapes";
import { findTransaction, midtransSetup, midtransState, type MethodId, type PlaygroundTransaction } from "./store";

/** What a Midtrans endpoint answers: an HTTP status and a JSON body. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

const coreError = (status: number, message: string): ApiAnswer => ({ status, body: { status_code: String(status), status_message: message } });

/** HTTP Basic with the server key as user and an empty password, as Midtrans checks it. */
export function isAuthorized(request: Request): boolean {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Basic\s+(.+)$/i.exec(header);
  const decoded = match ? Buffer.from(match[1]!, "base64").toString("utf8") : "";
  return secretsMatch(decoded.replace(/:$/, ""), midtransSetup().serverKey);
}

export const SNAP_UNAUTHORIZED: ApiAnswer = {
  status: 401,
  body: { error_messages: ["Access denied due to unauthorized transaction, please check client or server key"] },
};
export const CORE_UNAUTHORIZED = coreError(401, "Unknown Merchant server_key/id");

type Body = Record<string, unknown>;

function detailsProblem(body: Body): string | undefined {
  const details = body.transaction_details as { order_id?: unknown; gross_amount?: unknown } | undefined;
  if (typeof details?.order_id !== "string" || !/^[A-Za-z0-9\-_~.]{1,50}$/.test(details.order_id)) {
    return "transaction_details.order_id is required and may hold letters, digits, - _ ~ . (50 max)";
  }
  if (!Number.isInteger(details.gross_amount) || (details.gross_amount as number) <= 0) {
    return "transaction_details.gross_amount must be a positive whole number";
  }
  const items = body.item_details as { price?: unknown; quantity?: unknown }[] | undefined;
  if (Array.isArray(items) && items.reduce((sum, i) => sum + Number(i.price) * Number(i.quantity), 0) !== details.gross_amount) {
    return "transaction_details.gross_amount is not equal to the sum of item_details";
  }
  return undefined;
}

const UNIT_MINUTES: Record<string, number> = { minute: 1, minutes: 1, hour: 60, hours: 60, day: 1440, days: 1440 };

function minutesOf(unit: unknown, duration: unknown): number | undefined {
  const per = UNIT_MINUTES[String(unit ?? "minute")];
  return per && Number.isFinite(Number(duration)) && Number(duration) > 0 ? per * Number(duration) : undefined;
}

function newTransaction(body: Body, kind: "snap" | "core", minutes: number | undefined): PlaygroundTransaction {
  const details = body.transaction_details as { order_id: string; gross_amount: number };
  const customer = body.customer_details as { first_name?: string; last_name?: string } | undefined;
  const items = Array.isArray(body.item_details) ? (body.item_details as { name?: string; price: number; quantity: number }[]) : [];
  const now = Date.now();
  return {
    order_id: details.order_id,
    gross_amount: details.gross_amount,
    transaction_id: randomUUID(),
    kind,
    expiresAt: now + (minutes ?? 24 * 60) * 60_000,
    enabledPayments: readMethods(body.enabled_payments),
    customerName: [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || undefined,
    items: items.map((i) => ({ name: String(i.name ?? "Item"), price: Number(i.price), quantity: Number(i.quantity) })),
    request: body,
    finishUrl: typeof (body.callbacks as { finish?: unknown } | undefined)?.finish === "string" ? (body.callbacks as { finish: string }).finish : undefined,
    createdAt: now,
  };
}

/** POST {snap}/transactions → 201 { token, redirect_url }. */
export function createSnapTransaction(body: Body): ApiAnswer {
  const problem = detailsProblem(body);
  if (problem) return { status: 400, body: { error_messages: [problem] } };
  const orderId = (body.transaction_details as { order_id: string }).order_id;
  if (findTransaction(orderId)?.transaction_status) return { status: 400, body: { error_messages: ["transaction_details.order_id sudah digunakan"] } };
  const expiry = body.expiry as { unit?: unknown; duration?: unknown } | undefined;
  const t = newTransaction(body, "snap", minutesOf(expiry?.unit, expiry?.duration));
  t.token = randomUUID();
  const state = midtransState();
  state.transactions.set(orderId, t);
  state.byToken.set(t.token, orderId);
  return { status: 201, body: { token: t.token, redirect_url: `${midtransSetup().baseUrl}/snap/v2/vtweb/${t.token}` } };
}

function chargeMethod(body: Body): MethodId | undefined {
  const type = body.payment_type;
  if (type === "bank_transfer") {
    const bank = String((body.bank_transfer as { bank?: unknown } | undefined)?.bank ?? "");
    return (["bca", "bni", "bri", "permata"].includes(bank) ? `${bank}_va` : undefined) as MethodId | undefined;
  }
  if (type === "echannel") return "echannel";
  if (type === "gopay" || type === "shopeepay") return type;
  if (type === "qris") return "other_qris";
  return undefined;
}

/** POST {core}/v2/charge: a bank transfer (VA), a Mandiri bill, GoPay, ShopeePay or QRIS, pending at once. */
export function chargeTransaction(body: Body): ApiAnswer {
  const problem = detailsProblem(body);
  if (problem) return coreError(400, problem);
  const method = chargeMethod(body);
  if (!method) return coreError(400, `payment_type ${String(body.payment_type)} is not simulated in the playground`);
  const orderId = (body.transaction_details as { order_id: string }).order_id;
  if (findTransaction(orderId)?.transaction_status) return coreError(406, "The request could not be processed, the order_id has already been utilized");
  const custom = body.custom_expiry as { unit?: unknown; expiry_duration?: unknown } | undefined;
  const t = newTransaction(body, "core", minutesOf(custom?.unit, custom?.expiry_duration));
  t.enabledPayments = [method];
  applyMethod(t, method);
  midtransState().transactions.set(orderId, t);
  notifyLater(t);
  return { status: 200, body: { ...transactionBody(t), status_code: "201", status_message: "Success, transaction is created" } };
}

/** Pending past its expiry: expired now, and the merchant is told, as Midtrans would. */
export function expireIfLapsed(t: PlaygroundTransaction): void {
  if (!hasLapsed(t)) return;
  applyFinal(t, "expire");
  notifyLater(t);
}

/** GET {core}/v2/{order_id}/status. 404 for a Snap order until the customer picks a method. */
export function transactionStatus(orderId: string): ApiAnswer {
  const t = findTransaction(orderId);
  if (!t?.transaction_status) return coreError(404, "Transaction doesn't exist.");
  expireIfLapsed(t);
  return { status: 200, body: transactionBody(t) };
}

/** POST {core}/v2/{order_id}/cancel (or /expire): only while nothing was paid. */
export function closeTransaction(orderId: string, status: "cancel" | "expire"): ApiAnswer {
  const t = findTransaction(orderId);
  if (!t?.transaction_status) return coreError(404, "Transaction doesn't exist.");
  if (!["pending", "authorize", "capture"].includes(t.transaction_status) || (status === "expire" && t.transaction_status !== "pending")) {
    return coreError(412, "Merchant cannot modify the status of the transaction");
  }
  applyFinal(t, status);
  notifyLater(t);
  const message = status === "cancel" ? "Success, transaction is canceled" : "Success, transaction has expired";
  return { status: 200, body: { ...transactionBody(t), status_message: message } };
}

/** POST {snap}/transactions/{token}/cancel (reference/cancel-a-snap-session): the page stops being payable now. */
export function cancelSnapSession(token: string): ApiAnswer {
  const orderId = midtransState().byToken.get(token);
  const t = orderId ? findTransaction(orderId) : undefined;
  if (!t) return { status: 404, body: { error_messages: ["token not found"] } };
  if (t.transaction_status) return { status: 412, body: { error_messages: ["Transaction is on progress"] } };
  if (t.expiresAt <= Date.now()) return { status: 412, body: { error_messages: ["token already canceled"] } };
  t.expiresAt = Date.now();
  return { status: 200, body: { canceled_at: new Date().toISOString() } };
}

/** POST {core}/v2/{order_id}/refund: money back on a settled card, GoPay, ShopeePay or QRIS payment; the merchant is notified. */
export function refundPlaygroundTransaction(orderId: string, body: Body): ApiAnswer {
  const t = findTransaction(orderId);
  const answer = refundTransaction(t, body, midtransTime(Date.now()));
  if (t && answer.status === 200) notifyLater(t);
  return answer;
}
