import "server-only";
import midtransClient from "midtrans-client";
import { getMidtransClients, REQUEST_TIMEOUT_MS } from "./midtrans-client";

/** A transaction as Midtrans reports it (notification body or Status API answer); unknown fields are kept. */
export interface MidtransTransaction {
  order_id: string;
  status_code: string;
  gross_amount: string;
  transaction_status: string;
  fraud_status?: string;
  payment_type?: string;
  transaction_id?: string;
  transaction_time?: string;
  settlement_time?: string;
  expiry_time?: string;
  va_numbers?: { bank: string; va_number: string }[];
  permata_va_number?: string;
  bill_key?: string;
  biller_code?: string;
  [field: string]: unknown;
}

/**
 * A refusal or failure from Midtrans, reduced to what may be logged: the HTTP
 * status (null when no answer came) and Midtrans' own message. The client's raw
 * error carries the request config with the server key, so it is never kept.
 */
export class MidtransApiError extends Error {
  constructor(
    readonly httpStatus: number | null,
    readonly apiMessage: string,
  ) {
    super(httpStatus ? `Midtrans answered ${httpStatus}: ${apiMessage}` : `Midtrans did not answer: ${apiMessage}`);
    this.name = "MidtransApiError";
  }

  /** No answer, a timeout or a 5xx: worth trying again later. */
  get transient(): boolean {
    return this.httpStatus === null || this.httpStatus >= 500;
  }
}

function describeApiResponse(response: unknown): string {
  if (!response || typeof response !== "object") return "no details";
  const r = response as { error_messages?: unknown; status_message?: unknown };
  if (Array.isArray(r.error_messages)) return r.error_messages.map(String).join("; ");
  if (typeof r.status_message === "string") return r.status_message;
  return "no details";
}

function toApiError(error: unknown): MidtransApiError {
  if (error instanceof midtransClient.MidtransError) {
    const status = Number(error.httpStatusCode);
    const message = error.ApiResponse ? describeApiResponse(error.ApiResponse) : "no response (connection failed or timed out)";
    return new MidtransApiError(Number.isFinite(status) && status > 0 ? status : null, message);
  }
  const code = (error as { code?: unknown })?.code;
  return new MidtransApiError(null, typeof code === "string" ? code : "request failed");
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toApiError(error);
  }
}

export function createSnapTransaction(body: object): Promise<{ token: string; redirect_url: string }> {
  return call(() => getMidtransClients().snap.createTransaction(body));
}

export function chargeCoreApi(body: object): Promise<MidtransTransaction> {
  return call(() => getMidtransClients().core.charge(body)) as Promise<MidtransTransaction>;
}

/**
 * GET /v2/{order_id}/status. `undefined` when Midtrans knows no such transaction
 * (a Snap order before the customer picks a method answers 404).
 */
export async function fetchTransactionStatus(orderId: string): Promise<MidtransTransaction | undefined> {
  try {
    return await call(() => getMidtransClients().statusCore.transaction.status(orderId) as Promise<MidtransTransaction>);
  } catch (error) {
    if (error instanceof MidtransApiError && error.httpStatus === 404) return undefined;
    throw error;
  }
}

/** Midtrans' answer to a refund (reference/refund-transaction): the transaction, now refund or partial_refund, and the refund's own fields. */
export interface MidtransRefundAnswer extends MidtransTransaction {
  refund_amount?: string;
  refund_key?: string;
  refund_chargeback_id?: number;
}

/**
 * POST /v2/{order_id}/refund with { refund_key, amount, reason }. Midtrans treats
 * a repeated refund_key as the same request, so a retry after a lost answer
 * cannot give the money back twice. Refusals come back as MidtransApiError.
 */
export function refundTransaction(orderId: string, body: { refund_key: string; amount: number; reason: string }): Promise<MidtransRefundAnswer> {
  return call(() => getMidtransClients().core.transaction.refund(orderId, body)) as Promise<MidtransRefundAnswer>;
}

export type CancelOutcome =
  | { kind: "cancelled"; transaction: MidtransTransaction }
  | { kind: "not_found" }
  | { kind: "refused"; httpStatus: number; message: string };

/** POST /v2/{order_id}/cancel. A settled transaction cannot be cancelled (412): the caller asks for its status. */
export async function cancelTransaction(orderId: string): Promise<CancelOutcome> {
  try {
    const transaction = (await call(() => getMidtransClients().core.transaction.cancel(orderId))) as MidtransTransaction;
    return { kind: "cancelled", transaction };
  } catch (error) {
    if (!(error instanceof MidtransApiError) || error.transient || error.httpStatus === null) throw error;
    if (error.httpStatus === 404) return { kind: "not_found" };
    return { kind: "refused", httpStatus: error.httpStatus, message: error.apiMessage };
  }
}

export type SnapCancelOutcome = "cancelled" | "already_cancelled" | "in_progress" | "not_found";

/**
 * POST {snap}/transactions/{token}/cancel (reference/cancel-a-snap-session): closes a
 * Snap page before its expiry. "Transaction is on progress" means the customer
 * chose a method, so there is a Core transaction to cancel instead. Midtrans
 * answers these refusals with error_messages; the text, not the HTTP status, says which.
 */
export async function cancelSnapSession(token: string): Promise<SnapCancelOutcome> {
  const { config } = getMidtransClients();
  let response: Response;
  try {
    response = await fetch(`${config.snapBaseUrl}/transactions/${encodeURIComponent(token)}/cancel`, {
      method: "POST",
      headers: {
        accept: "application/json",
        "content-type": "application/json",
        authorization: `Basic ${Buffer.from(`${config.serverKey}:`).toString("base64")}`,
      },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new MidtransApiError(null, (error as Error).name === "TimeoutError" ? "timed out" : "request failed");
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return "cancelled";
  const message = describeApiResponse(body).toLowerCase();
  if (message.includes("already canceled") || message.includes("already cancelled")) return "already_cancelled";
  if (message.includes("on progress")) return "in_progress";
  if (response.status === 404 || message.includes("not found")) return "not_found";
  throw new MidtransApiError(response.status, describeApiResponse(body));
}
