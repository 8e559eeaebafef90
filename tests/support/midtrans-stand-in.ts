import { randomUUID } from "node:crypto";
import { cancelSnapSession, chargeTransaction, closeTransaction, createSnapTransaction, isAuthorized, refundPlaygroundTransaction, transactionStatus, type ApiAnswer } from "@/lib/playground/midtrans/api";
import { answerMidtransApi } from "@/lib/playground/midtrans/http";
import { notificationBody } from "@/lib/playground/midtrans/notify";
import { midtransTime, signNotification, transactionBody } from "@/lib/playground/midtrans/shapes";
import { chooseMethod, PaymentRefused, simulate } from "@/lib/playground/midtrans/simulate";
import { createMidtransState, findByToken, withMidtransState, type MidtransSetup, type PlaygroundTransaction } from "@/lib/playground/midtrans/store";
import { applyFault, FaultQueue, type FaultEffect } from "./fault-layer";
import { snapJsSource } from "./midtrans-stand-in-snap-js";
import { serveFake } from "./serve-fake";

export { signNotification, statusCodeOf } from "@/lib/playground/midtrans/shapes";

/**
 * The playground's Midtrans (lib/playground/midtrans) on a state of its own,
 * served on 127.0.0.1 by node:http, for tests and benchmarks. It speaks the
 * documented shapes (shared/reference/midtrans.md):
 *   Snap  POST /snap/v1/transactions            201 { token, redirect_url } | 401 bad key | 400 items ≠ gross_amount
 *   Core  POST /v2/charge                       bank_transfer → va_numbers, echannel → bill_key/biller_code
 *         GET  /v2/{order_id}/status            the transaction | 404 before a method is chosen
 *         POST /v2/{order_id}/cancel, /expire   200 | 412 when settled | 404 unknown
 *         POST /v2/{order_id}/refund            200 refund/partial_refund | same refund_key → same answer | 412 not settled, method not refundable, too much
 *  Snap  POST /snap/v1/transactions/{token}/cancel  200 { canceled_at } | 412 already canceled / transaction on progress | 404
 *   GET  /snap/snap.js                          a simulated Snap sheet (see midtrans-stand-in-snap-js.ts)
 * In front of it, this adapter records every call and injects faults; unlike
 * the playground it notifies the app only when told (notificationUrl, or
 * sendNotification).
 *
 *   const midtrans = await startMidtransStandIn();
 *   overrideEnv(midtrans.env());
 *   midtrans.setTransaction("62473383-1", { transaction_status: "settlement" });
 *   await midtrans.sendNotification(`${appUrl}/api/midtrans/notification`, "62473383-1");
 */

export type StandInTransaction = PlaygroundTransaction;

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
  /** Basic auth carried the right server key. */
  authorized: boolean;
  status: number;
}

export type StandInRoute = "snap" | "charge" | "status" | "cancel" | "expire" | "refund";
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
  /** Where the simulated Snap sheet's "Bayar" sends its notifications (unset: none sent). */
  notificationUrl?: string;
  /** Makes calls to a route fail or hang, e.g. fault("status", { status: 503 }); fault("status") clears it. */
  fault(route: StandInRoute, fault?: Fault): void;
  reset(): void;
  stop(): Promise<void>;
}


type Api = "snap" | "core";
/** An API endpoint (server key, faults) or one of the sheet's own (neither). */
type Endpoint = { method: string; pattern: RegExp } & (
  | { route: StandInRoute; api: Api; run: (id: string, body: Record<string, unknown>) => ApiAnswer }
  | { sheet: (token: string) => ApiAnswer | Promise<ApiAnswer> }
);

const notFound = (message: string): ApiAnswer => ({ status: 404, body: { error_messages: [message] } });

/** The simulated sheet's own calls (no server key): the order it shows, and "Bayar". */
async function payWithSnap(token: string): Promise<ApiAnswer> {
  const t = findByToken(token);
  if (!t) return notFound("token not found");
  try {
    await chooseMethod(t, t.enabledPayments[0]!);
    await simulate(t, "pay");
  } catch (error) {
    if (error instanceof PaymentRefused) return { status: 412, body: { error_messages: [error.message] } };
    throw error;
  }
  return { status: 200, body: transactionBody(t) };
}

function sheetOrder(token: string): ApiAnswer {
  const t = findByToken(token);
  if (!t) return notFound("token not found");
  if (!t.transaction_status && t.expiresAt <= Date.now()) return { status: 412, body: { error_messages: ["token already canceled"] } };
  return { status: 200, body: { order_id: t.order_id, gross_amount: t.gross_amount, enabled_payments: t.request?.enabled_payments } };
}

const ENDPOINTS: Endpoint[] = [
  { method: "POST", pattern: /^\/snap\/v1\/transactions$/, route: "snap", api: "snap", run: (_, body) => createSnapTransaction(body) },
  { method: "POST", pattern: /^\/snap\/v1\/transactions\/([^/]+)\/cancel$/, route: "cancel", api: "snap", run: (token) => cancelSnapSession(token) },
  { method: "POST", pattern: /^\/snap\/v1\/transactions\/([^/]+)\/pay$/, sheet: payWithSnap },
  { method: "GET", pattern: /^\/snap\/v1\/transactions\/([^/]+)$/, sheet: sheetOrder },
  { method: "POST", pattern: /^\/v2\/charge$/, route: "charge", api: "core", run: (_, body) => chargeTransaction(body) },
  { method: "GET", pattern: /^\/v2\/([^/]+)\/status$/, route: "status", api: "core", run: (id) => transactionStatus(id) },
  { method: "POST", pattern: /^\/v2\/([^/]+)\/cancel$/, route: "cancel", api: "core", run: (id) => closeTransaction(id, "cancel") },
  { method: "POST", pattern: /^\/v2\/([^/]+)\/expire$/, route: "expire", api: "core", run: (id) => closeTransaction(id, "expire") },
  { method: "POST", pattern: /^\/v2\/([^/]+)\/refund$/, route: "refund", api: "core", run: (id, body) => refundPlaygroundTransaction(id, body) },
];

const CORS = { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, POST", "access-control-allow-headers": "content-type" };
/** A fault with status 0 never answers: the connection is held until the client gives up (or the stand-in stops). */
const NEVER_MS = 600_000;

function faultEffect(fault: Fault | undefined): FaultEffect | undefined {
  if (!fault) return undefined;
  const effect: FaultEffect = fault.delayMs ? { delayMs: fault.delayMs } : {};
  if (fault.status === 0) effect.dropAfterMs = NEVER_MS;
  else if (fault.status) effect.respond = Response.json({ status_code: String(fault.status), status_message: "stand-in fault" }, { status: fault.status });
  return effect;
}

async function readBody(request: Request): Promise<unknown> {
  const text = request.method === "POST" ? await request.clone().text() : "";
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS)) response.headers.set(name, value);
  return response;
}

export async function startMidtransStandIn(
  options: { serverKey?: string; clientKey?: string; notificationUrl?: string } = {},
): Promise<MidtransStandIn> {
  const serverKey = options.serverKey ?? "SB-Mid-server-standin-0123456789";
  const clientKey = options.clientKey ?? "SB-Mid-client-standin-0123456789";
  const setup: MidtransSetup = { serverKey, baseUrl: "", notificationUrl: options.notificationUrl, notifiesOnItsOwn: false };
  const state = createMidtransState(setup);
  const inState = <T>(run: () => T): T => withMidtransState(state, run);
  const faults = new FaultQueue<Fault>();
  const calls: RecordedCall[] = [];

  const served = await serveFake(async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS });
    const call: RecordedCall = { method: request.method, path, body: await readBody(request), authorized: inState(() => isAuthorized(request)), status: 0 };
    calls.push(call);
    const answer = await answerCall(request, path);
    if (answer instanceof Response) call.status = answer.status;
    return answer;
  });
  setup.baseUrl = served.url;

  async function answerCall(request: Request, path: string) {
    if (request.method === "GET" && path === "/snap/snap.js") {
      return new Response(snapJsSource(served.url), { headers: { "content-type": "application/javascript", ...CORS } });
    }
    const vtweb = /^\/snap\/v2\/vtweb\/([^/]+)$/.exec(path);
    if (vtweb && request.method === "GET") {
      const page = `<!doctype html><title>Midtrans (stand-in)</title><script src="${served.url}/snap/snap.js"></script><script>snap.pay(${JSON.stringify(vtweb[1])}, {})</script>`;
      return new Response(page, { headers: { "content-type": "text/html" } });
    }
    const endpoint = ENDPOINTS.find((e) => e.method === request.method && e.pattern.test(path));
    if (!endpoint) return withCors(Response.json({ error_messages: [`no such endpoint: ${request.method} ${path}`] }, { status: 404 }));
    const id = decodeURIComponent(endpoint.pattern.exec(path)![1] ?? "");
    if ("sheet" in endpoint) {
      const answer = await inState(() => endpoint.sheet(id));
      return withCors(Response.json(answer.body, { status: answer.status }));
    }
    return applyFault(faultEffect(faults.take(endpoint.route)), request.signal, async () =>
      withCors(await inState(() => answerMidtransApi(request, endpoint.api, (body) => endpoint.run(id, body)))),
    );
  }

  const standIn: MidtransStandIn = {
    url: served.url,
    snapBaseUrl: `${served.url}/snap/v1`,
    apiBaseUrl: served.url,
    snapJsUrl: `${served.url}/snap/snap.js`,
    serverKey,
    clientKey,
    get notificationUrl() {
      return setup.notificationUrl;
    },
    set notificationUrl(url) {
      setup.notificationUrl = url;
    },
    calls,
    env: () => ({
      MIDTRANS_SERVER_KEY: serverKey,
      MIDTRANS_CLIENT_KEY: clientKey,
      MIDTRANS_IS_PRODUCTION: "false",
      MIDTRANS_SNAP_BASE_URL: `${served.url}/snap/v1`,
      MIDTRANS_API_BASE_URL: served.url,
      MIDTRANS_SNAP_JS_URL: `${served.url}/snap/snap.js`,
    }),
    callsTo: (method, path) => calls.filter((c) => c.method === method && (typeof path === "string" ? c.path === path : path.test(c.path))),
    transaction: (orderId) => state.transactions.get(orderId),
    setTransaction(orderId, fields) {
      const existing = state.transactions.get(orderId);
      if (!existing && fields.gross_amount === undefined) throw new Error(`stand-in: new transaction ${orderId} needs gross_amount`);
      const now = Date.now();
      const t: StandInTransaction = existing ?? {
        order_id: orderId,
        gross_amount: fields.gross_amount!,
        transaction_id: randomUUID(),
        kind: "core",
        expiresAt: now + 24 * 3_600_000,
        enabledPayments: [],
        items: [],
        createdAt: now,
      };
      Object.assign(t, fields);
      if (t.transaction_status) {
        t.payment_type ??= "bank_transfer";
        t.transaction_time ??= midtransTime(now);
      }
      if (["settlement", "capture"].includes(t.transaction_status ?? "") && !t.settlement_time) t.settlement_time = midtransTime(now);
      state.transactions.set(orderId, t);
      return t;
    },
    statusBody: (orderId) => inState(() => transactionStatus(orderId).body as Record<string, unknown>),
    notificationBody(orderId, { set = {}, tamper = {} } = {}) {
      const t = state.transactions.get(orderId);
      if (!t?.transaction_status) throw new Error(`stand-in: ${orderId} has no state to notify about`);
      const fields: Record<string, unknown> = { ...inState(() => notificationBody(t)), ...set };
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
      faults.clear(route);
      if (fault) faults.add({ ...fault }, { route, times: fault.times });
    },
    reset() {
      Object.assign(state, createMidtransState(setup));
      faults.clear();
      calls.length = 0;
    },
    stop: () => served.close(),
  };
  return standIn;
}
