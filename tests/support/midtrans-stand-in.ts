import { createHash, randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { refundedSoFar, refundTransaction, type RefundableTransaction } from "@/lib/playground/midtrans/refund";
import { snapJsSource } from "./midtrans-stand-in-snap-js";

/**
 * A stand-in for Midtrans on 127.0.0.1 (a real node:http server), for tests,
 * the playground and benchmarks. It speaks the documented shapes
 * (shared/reference/midtrans.md):
 *   Snap  POST /snap/v1/transactions            201 { token, redirect_url } | 401 bad key | 400 items ≠ gross_amount
 *   Core  POST /v2/charge                       bank_transfer → va_numbers, echannel → bill_key/biller_code
 *         GET  /v2/{order_id}/status            the transaction | 404 before a method is chosen
 *         POST /v2/{order_id}/cancel            200 cancel | 412 when settled | 404 unknown
 *         POST /v2/{order_id}/refund            200 refund/partial_refund | same refund_key → same answer | 412 not settled, method not refundable, too much
 *  Snap  POST /snap/v1/transactions/{token}/cancel  200 { canceled_at } | 412 already canceled / transaction on progress | 404
 *   GET  /snap/snap.js                          a simulated Snap sheet (see midtrans-stand-in-snap-js.ts)
 * Basic auth (server key, empty password) is checked on every API call; every
 * call is recorded; transaction states can be set; notifications are built and
 * signed the way Midtrans signs them.
 *
 *   const midtrans = await startMidtransStandIn();
 *   overrideEnv(midtrans.env());
 *   midtrans.setTransaction("62473383-1", { transaction_status: "settlement" });
 *   await midtrans.sendNotification(`${appUrl}/api/midtrans/notification`, "62473383-1");
 */

export interface StandInTransaction extends RefundableTransaction {
  order_id: string;
  gross_amount: number;
  /** Undefined while a Snap transaction has no method chosen (the Status API answers 404 then). */
  transaction_status?: string;
  fraud_status?: string;
  /** Overrides the status_code Midtrans would give transaction_status (an inconsistent answer, for tests). */
  status_code?: string;
  payment_type?: string;
  transaction_id: string;
  transaction_time?: string;
  settlement_time?: string;
  expiry_time?: string;
  va_numbers?: { bank: string; va_number: string }[];
  bill_key?: string;
  biller_code?: string;
  /** The Snap token, when Snap created it. */
  token?: string;
  /** The request body that created it. */
  request?: Record<string, unknown>;
}

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
  /** Basic auth carried the right server key. */
  authorized: boolean;
  status: number;
}

export type StandInRoute = "snap" | "charge" | "status" | "cancel" | "refund";
export interface Fault {
  /** Answer with this HTTP status instead (e.g. 503); 0 = no answer at all until the client gives up. */
  status?: number;
  delayMs?: number;
  /** How many calls it affects (default: all until cleared). */
  times?: number;
}

export interface NotificationOptions {
  /** Fields changed before signing (a genuine notification saying this). */
  set?: Record<string, unknown>;
  /** Fields changed after signing (a forged or tampered notification). */
  tamper?: Record<string, unknown>;
}

/** sha512(order_id + status_code + gross_amount + server key), hex: Midtrans' notification signature. */
export function signNotification(fields: { order_id: string; status_code: string; gross_amount: string }, serverKey: string): string {
  return createHash("sha512").update(`${fields.order_id}${fields.status_code}${fields.gross_amount}${serverKey}`).digest("hex");
}

/** Midtrans' status_code for a transaction status, as its Status API and notifications carry it. */
export function statusCodeOf(transactionStatus: string): string {
  // Some methods spell the status in capitals ("PENDING" from DANA and ShopeePay); the code is the same.
  const status = transactionStatus.toLowerCase();
  if (status === "pending") return "201";
  if (status === "deny" || status === "failure") return "202";
  if (status === "expire") return "407";
  return "200";
}

const wibNow = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
const amountText = (amount: number) => `${amount}.00`;

export interface MidtransStandIn {
  url: string;
  snapBaseUrl: string;
  apiBaseUrl: string;
  snapJsUrl: string;
  serverKey: string;
  clientKey: string;
  /** MIDTRANS_* variables that point an app at this stand-in. */
  env(): Record<string, string>;
  calls: RecordedCall[];
  callsTo(method: string, path: string | RegExp): RecordedCall[];
  transaction(orderId: string): StandInTransaction | undefined;
  /** Sets (or creates, with gross_amount) a transaction's state, e.g. { transaction_status: "settlement" }. */
  setTransaction(orderId: string, fields: Partial<StandInTransaction>): StandInTransaction;
  /** What GET /v2/{order_id}/status answers for it. */
  statusBody(orderId: string): Record<string, unknown>;
  /** A notification for the transaction's current state, signed with the server key. */
  notificationBody(orderId: string, options?: NotificationOptions): Record<string, unknown>;
  /** POSTs a notification body (an object, or raw text) to a URL; answers its status and text. */
  postNotification(url: string, body: Record<string, unknown> | string): Promise<{ status: number; text: string }>;
  /** notificationBody + postNotification. */
  sendNotification(url: string, orderId: string, options?: NotificationOptions): Promise<{ status: number; text: string }>;
  /** Where the simulated Snap sheet's "Bayar" sends its notification (unset: none sent). */
  notificationUrl?: string;
  /** Makes calls to a route fail or hang, e.g. fault("status", { status: 503 }); fault("status") clears it. */
  fault(route: StandInRoute, fault?: Fault): void;
  reset(): void;
  stop(): Promise<void>;
}

export async function startMidtransStandIn(
  options: { serverKey?: string; clientKey?: string; notificationUrl?: string } = {},
): Promise<MidtransStandIn> {
  const serverKey = options.serverKey ?? "SB-Mid-server-standin-0123456789";
  const clientKey = options.clientKey ?? "SB-Mid-client-standin-0123456789";
  const transactions = new Map<string, StandInTransaction>();
  const byToken = new Map<string, string>();
  const cancelledTokens = new Set<string>();
  const faults = new Map<StandInRoute, Fault>();
  const calls: RecordedCall[] = [];
  let vaCounter = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: Error) => reply(res, 500, { error_messages: [error.message] }));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function reply(res: ServerResponse, status: number, body: unknown, type = "application/json") {
    res.writeHead(status, { "content-type": type, "access-control-allow-origin": "*" });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  }

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  function authorized(req: IncomingMessage): boolean {
    const expected = `Basic ${Buffer.from(`${serverKey}:`).toString("base64")}`;
    return req.headers.authorization === expected;
  }

  function statusBody(orderId: string): Record<string, unknown> {
    const t = transactions.get(orderId);
    if (!t?.transaction_status) return { status_code: "404", status_message: "Transaction doesn't exist." };
    const fields: Record<string, unknown> = {
      status_code: t.status_code ?? statusCodeOf(t.transaction_status),
      status_message: "Success, transaction is found",
      transaction_id: t.transaction_id,
      order_id: t.order_id,
      gross_amount: amountText(t.gross_amount),
      currency: "IDR",
      payment_type: t.payment_type ?? "bank_transfer",
      transaction_time: t.transaction_time ?? wibNow(),
      transaction_status: t.transaction_status,
      fraud_status: t.fraud_status ?? "accept",
      merchant_id: "G000000000",
    };
    if (t.settlement_time) fields.settlement_time = t.settlement_time;
    if (t.expiry_time) fields.expiry_time = t.expiry_time;
    if (t.va_numbers) fields.va_numbers = t.va_numbers;
    if (t.bill_key) Object.assign(fields, { bill_key: t.bill_key, biller_code: t.biller_code });
    if (t.refunds?.size) {
      const refunds = [...t.refunds.values()];
      fields.refunds = refunds.map((r) => ({ refund_chargeback_id: r.refund_chargeback_id, refund_amount: r.refund_amount, refund_key: r.refund_key, created_at: r.transaction_time }));
      fields.refund_amount = `${refundedSoFar(t)}.00`;
    }
    fields.signature_key = signNotification(fields as never, serverKey);
    return fields;
  }

  function itemsProblem(body: Record<string, unknown>): string | undefined {
    const details = body.transaction_details as { order_id?: unknown; gross_amount?: unknown } | undefined;
    if (typeof details?.order_id !== "string" || !/^[A-Za-z0-9\-_~.]{1,50}$/.test(details.order_id)) {
      return "transaction_details.order_id is required and may hold letters, digits, - _ ~ . (50 max)";
    }
    if (!Number.isInteger(details.gross_amount) || (details.gross_amount as number) <= 0) {
      return "transaction_details.gross_amount must be a positive whole number";
    }
    const items = body.item_details as { price: number; quantity: number }[] | undefined;
    if (items && items.reduce((sum, item) => sum + item.price * item.quantity, 0) !== details.gross_amount) {
      return "transaction_details.gross_amount is not equal to the sum of item_details";
    }
    return undefined;
  }

  function newVa(bank: string): string {
    vaCounter++;
    const prefix = { bca: "12345", bni: "988", bri: "8888" }[bank] ?? "777";
    return `${prefix}${String(100_000_000 + vaCounter)}`;
  }

  function expiryFrom(body: Record<string, unknown>): string {
    const custom = body.custom_expiry as { expiry_duration?: number; unit?: string } | undefined;
    const minutes = custom?.expiry_duration ? custom.expiry_duration * ({ minute: 1, hour: 60, day: 1440 }[custom.unit ?? "minute"] ?? 1) : 1440;
    return new Date(Date.now() + 7 * 3_600_000 + minutes * 60_000).toISOString().slice(0, 19).replace("T", " ");
  }

  /** The simulated customer pays in the Snap sheet: the transaction settles, the app is notified. */
  async function payWithSnap(token: string): Promise<Record<string, unknown>> {
    const orderId = byToken.get(token);
    const t = orderId ? transactions.get(orderId) : undefined;
    if (!t) return { status_code: "404" };
    const enabled = (t.request?.enabled_payments as string[] | undefined)?.[0] ?? "bca_va";
    const bank = enabled.endsWith("_va") ? enabled.replace("_va", "") : undefined;
    Object.assign(t, {
      transaction_status: "settlement",
      fraud_status: "accept",
      payment_type: bank ? "bank_transfer" : enabled,
      settlement_time: wibNow(),
      ...(bank ? { va_numbers: [{ bank, va_number: newVa(bank) }] } : {}),
    });
    if (standIn.notificationUrl) await standIn.sendNotification(standIn.notificationUrl, t.order_id);
    return statusBody(t.order_id);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? "/", url).pathname;
    const method = req.method ?? "GET";
    if (method === "OPTIONS") {
      res.writeHead(204, { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, POST", "access-control-allow-headers": "content-type" });
      return void res.end();
    }
    const body = method === "POST" ? await readJson(req) : undefined;
    const call: RecordedCall = { method, path, body, authorized: authorized(req), status: 0 };
    calls.push(call);
    const send = (status: number, payload: unknown, type?: string) => {
      call.status = status;
      reply(res, status, payload, type);
    };

    if (method === "GET" && path === "/snap/snap.js") return send(200, snapJsSource(url), "application/javascript");
    let match = /^\/snap\/v1\/transactions\/([^/]+)\/cancel$/.exec(path);
    if (match && method === "POST") {
      // Cancel a Snap session (reference/cancel-a-snap-session): the page can no longer be paid.
      if (!call.authorized) return send(401, { error_messages: ["Access denied due to unauthorized transaction, please check client or server key"] });
      const fault = faults.get("cancel");
      if (fault?.status) return send(fault.status, { error_messages: ["stand-in fault"] });
      const orderId = byToken.get(match[1]!);
      if (!orderId) return send(404, { error_messages: ["token not found"] });
      if (cancelledTokens.has(match[1]!)) return send(412, { error_messages: ["token already canceled"] });
      if (transactions.get(orderId)?.transaction_status) return send(412, { error_messages: ["Transaction is on progress"] });
      cancelledTokens.add(match[1]!);
      return send(200, { canceled_at: new Date().toISOString() });
    }
    match = /^\/snap\/v1\/transactions\/([^/]+)(\/pay)?$/.exec(path);
    if (match) {
      const orderId = byToken.get(match[1]!);
      if (!orderId) return send(404, { error_messages: ["token not found"] });
      if (cancelledTokens.has(match[1]!)) return send(412, { error_messages: ["token already canceled"] });
      if (match[2] && method === "POST") return send(200, await payWithSnap(match[1]!));
      const t = transactions.get(orderId)!;
      return send(200, { order_id: t.order_id, gross_amount: t.gross_amount, enabled_payments: t.request?.enabled_payments });
    }
    match = /^\/snap\/v2\/vtweb\/([^/]+)$/.exec(path);
    if (match && method === "GET") {
      return send(200, `<!doctype html><title>Midtrans (stand-in)</title><script src="${url}/snap/snap.js"></script><script>snap.pay(${JSON.stringify(match[1])}, {})</script>`, "text/html");
    }

    const route: StandInRoute | undefined =
      method === "POST" && path === "/snap/v1/transactions" ? "snap"
      : method === "POST" && path === "/v2/charge" ? "charge"
      : method === "GET" && /^\/v2\/[^/]+\/status$/.test(path) ? "status"
      : method === "POST" && /^\/v2\/[^/]+\/cancel$/.test(path) ? "cancel"
      : method === "POST" && /^\/v2\/[^/]+\/refund$/.test(path) ? "refund"
      : undefined;
    if (!route) return send(404, { error_messages: [`no such endpoint: ${method} ${path}`] });
    const fault = faults.get(route);
    if (fault) {
      if (fault.times !== undefined && --fault.times <= 0) faults.delete(route);
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.status === 0) return; // never answers; the client times out
      if (fault.status) return send(fault.status, { status_code: String(fault.status), status_message: "stand-in fault" });
    }
    if (!call.authorized) {
      return route === "snap"
        ? send(401, { error_messages: ["Access denied due to unauthorized transaction, please check client or server key"] })
        : send(401, { status_code: "401", status_message: "Unknown Merchant server_key/id" });
    }

    if (route === "snap" || route === "charge") {
      const request = (body ?? {}) as Record<string, unknown>;
      const problem = itemsProblem(request);
      if (problem) return route === "snap" ? send(400, { error_messages: [problem] }) : send(400, { status_code: "400", status_message: problem });
      const details = request.transaction_details as { order_id: string; gross_amount: number };
      const existing = transactions.get(details.order_id);
      if (existing?.transaction_status) {
        return route === "snap"
          ? send(400, { error_messages: ["transaction_details.order_id sudah digunakan"] })
          : send(406, { status_code: "406", status_message: "The request could not be processed, the order_id has already been utilized" });
      }
      const t: StandInTransaction = { order_id: details.order_id, gross_amount: details.gross_amount, transaction_id: randomUUID(), request };
      transactions.set(t.order_id, t);
      if (route === "snap") {
        t.token = randomUUID();
        byToken.set(t.token, t.order_id);
        return send(201, { token: t.token, redirect_url: `${url}/snap/v2/vtweb/${t.token}` });
      }
      const paymentType = request.payment_type as string;
      Object.assign(t, { transaction_status: "pending", fraud_status: "accept", payment_type: paymentType, transaction_time: wibNow(), expiry_time: expiryFrom(request) });
      if (paymentType === "bank_transfer") {
        const bank = (request.bank_transfer as { bank?: string } | undefined)?.bank ?? "bca";
        t.va_numbers = [{ bank, va_number: newVa(bank) }];
      } else if (paymentType === "echannel") {
        Object.assign(t, { bill_key: String(700_000_000_000 + ++vaCounter), biller_code: "70012" });
      } else {
        transactions.delete(t.order_id);
        return send(400, { status_code: "400", status_message: `payment_type ${paymentType} is not simulated` });
      }
      return send(201, { ...statusBody(t.order_id), status_code: "201", status_message: "Success, transaction is created" });
    }

    const orderId = decodeURIComponent(path.split("/")[2]!);
    const t = transactions.get(orderId);
    if (route === "refund") {
      const answer = refundTransaction(t, (body ?? {}) as Record<string, unknown>, wibNow());
      return send(answer.status, answer.body);
    }
    if (!t?.transaction_status) return send(404, { status_code: "404", status_message: "Transaction doesn't exist." });
    if (route === "status") return send(200, statusBody(orderId));
    if (!["pending", "authorize", "capture"].includes(t.transaction_status)) {
      return send(412, { status_code: "412", status_message: "Merchant cannot modify the status of the transaction" });
    }
    t.transaction_status = "cancel";
    return send(200, { ...statusBody(orderId), status_message: "Success, transaction is canceled" });
  }

  const standIn: MidtransStandIn = {
    url,
    snapBaseUrl: `${url}/snap/v1`,
    apiBaseUrl: url,
    snapJsUrl: `${url}/snap/snap.js`,
    serverKey,
    clientKey,
    notificationUrl: options.notificationUrl,
    calls,
    env: () => ({
      MIDTRANS_SERVER_KEY: serverKey,
      MIDTRANS_CLIENT_KEY: clientKey,
      MIDTRANS_IS_PRODUCTION: "false",
      MIDTRANS_SNAP_BASE_URL: `${url}/snap/v1`,
      MIDTRANS_API_BASE_URL: url,
      MIDTRANS_SNAP_JS_URL: `${url}/snap/snap.js`,
    }),
    callsTo: (method, path) =>
      calls.filter((c) => c.method === method && (typeof path === "string" ? c.path === path : path.test(c.path))),
    transaction: (orderId) => transactions.get(orderId),
    setTransaction(orderId, fields) {
      const existing = transactions.get(orderId);
      if (!existing && fields.gross_amount === undefined) throw new Error(`stand-in: new transaction ${orderId} needs gross_amount`);
      const t: StandInTransaction = existing ?? { order_id: orderId, gross_amount: fields.gross_amount!, transaction_id: randomUUID() };
      Object.assign(t, fields);
      if (["settlement", "capture"].includes(t.transaction_status ?? "") && !t.settlement_time) t.settlement_time = wibNow();
      transactions.set(orderId, t);
      return t;
    },
    statusBody,
    notificationBody(orderId, { set = {}, tamper = {} } = {}) {
      const t = transactions.get(orderId);
      if (!t?.transaction_status) throw new Error(`stand-in: ${orderId} has no state to notify about`);
      const fields: Record<string, unknown> = { ...statusBody(orderId), status_message: "midtrans payment notification", payment_amounts: [], ...set };
      fields.signature_key = signNotification(fields as never, serverKey);
      return { ...fields, ...tamper };
    },
    async postNotification(target, body) {
      const response = await fetch(target, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    sendNotification(target, orderId, notificationOptions) {
      return standIn.postNotification(target, standIn.notificationBody(orderId, notificationOptions));
    },
    fault(route, fault) {
      if (fault) faults.set(route, { ...fault });
      else faults.delete(route);
    },
    reset() {
      transactions.clear();
      byToken.clear();
      cancelledTokens.clear();
      faults.clear();
      calls.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}
