import { renderToString } from "react-dom/server";
import { POST as notificationRoute } from "@/app/api/midtrans/notification/route";
import { GET as orderJson } from "@/app/api/orders/[token]/route";
import { POST as payRoute } from "@/app/api/orders/[token]/pay/route";
import { GET as rmWebhookGet, POST as rmWebhook } from "@/app/api/rmWebhook/route";
import { GET as setWebhookGet, POST as setWebhook } from "@/app/api/setWebhook/route";
import { POST as telegramWebhook } from "@/app/api/telegram/webhook/route";
import OrderPage from "@/app/orders/[token]/page";
import { auditLog, orders } from "@/db/schema";
import { signOut } from "@/lib/admin/auth";
import { overrideEnv } from "@/lib/env";
import { walkWizard } from "@/tests/support/bot-flows";
import { adminCookie, TEST_ADMIN } from "@/tests/support/admin-session";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { setupFaultBed } from "@/tests/support/fault-bed";
import { signNotification, startMidtransStandIn, type MidtransStandIn } from "@/tests/support/midtrans-stand-in";
import { bookOrder, readOrder, readOutbox } from "@/tests/support/payment-fixtures";
import { serveRoutes, type ServedRoutes } from "@/tests/support/serve-routes";
import { snapOrder } from "@/tests/support/snap-order";
import { TelegramCustomer, TEST_WEBHOOK_SECRET } from "@/tests/support/telegram-customer";

// The status page's client part asks for the App Router, which a bare server render has not mounted.
jest.mock("next/navigation", () => ({
  ...jest.requireActual("next/navigation"),
  useRouter: () => ({ refresh() {}, push() {}, replace() {}, prefetch() {}, back() {}, forward() {} }),
}));

/**
 * Attacks on the public surface (issue 7, "Security"), each over loopback HTTP
 * against the real route handlers: a refused request answers its code and
 * changes no row.
 */
const CRON_SECRET = "reliability-cron-secret-0123456789";
const bed = setupFaultBed({ env: { CRON_SECRET } });
let midtrans: MidtransStandIn;
let app: ServedRoutes;
beforeAll(async () => {
  midtrans = await startMidtransStandIn();
  app = await serveRoutes({
    "POST /api/telegram/webhook": telegramWebhook,
    "POST /api/midtrans/notification": notificationRoute,
    "GET /api/orders/[token]": orderJson,
    "POST /api/orders/[token]/pay": payRoute,
    "POST /api/setWebhook": setWebhook,
    "GET /api/setWebhook": setWebhookGet,
    "POST /api/rmWebhook": rmWebhook,
    "GET /api/rmWebhook": rmWebhookGet,
  });
});
afterAll(() => Promise.all([midtrans.stop(), app.stop()]));
beforeEach(() => {
  midtrans.reset();
  overrideEnv({ ...midtrans.env(), MIDTRANS_VERIFY_STATUS: "true" });
});

async function send(method: string, path: string, { body, headers = {} }: { body?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${app.url}${path}`, { method, headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, text: await response.text() };
}

/** The request's answer, asserting that it changed no row (the audit log may gain its entry, nothing else). */
async function refused(request: () => Promise<{ status: number; text: string }>, { audited = false } = {}) {
  // A refused notification leaves its audit excerpt and counts towards the rejection counters (rate_limits), nothing else.
  const except = audited ? ["audit_log", "rate_limits"] : [];
  const before = await snapshotTables(bed.db.db, { except });
  const answer = await request();
  expect(await snapshotTables(bed.db.db, { except })).toEqual(before);
  return answer;
}

const notify = (body: Record<string, unknown> | string) =>
  send("POST", "/api/midtrans/notification", { body: typeof body === "string" ? body : JSON.stringify(body) });

const orderWithSnap = (chatId = 5556201) => snapOrder(bed.db.db, midtrans, { chatId });

describe("the Telegram webhook's secret", () => {
  it("a forged, partial, padded or missing secret header is refused with 401 before anything is read or written", async () => {
    const update = new TelegramCustomer(bed.tg, { id: 5556200, firstName: "Eve" }).textUpdate("/order");
    const forged = [
      undefined,
      "",
      "wrong",
      TEST_WEBHOOK_SECRET.toUpperCase(),
      TEST_WEBHOOK_SECRET.slice(1),
      `${TEST_WEBHOOK_SECRET}, ${TEST_WEBHOOK_SECRET}`,
      TEST_WEBHOOK_SECRET.repeat(200),
    ];
    for (const secret of forged) {
      const headers: Record<string, string> = secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret };
      const answer = await refused(() => send("POST", "/api/telegram/webhook", { body: JSON.stringify(update), headers }));
      expect(answer.status).toBe(401);
    }
    expect(bed.tg.calls).toEqual([]);
  });
});

describe("Midtrans notifications that are not Midtrans'", () => {
  it("a signature made with another key, over another order, or missing is refused with 401 and changes nothing", async () => {
    const { order, orderId } = await orderWithSnap();
    midtrans.setTransaction(orderId, { transaction_status: "settlement", fraud_status: "accept" });
    const genuine = midtrans.notificationBody(orderId);
    const other = await orderWithSnap(5556202);
    midtrans.setTransaction(other.orderId, { transaction_status: "settlement", fraud_status: "accept" });
    const forgeries = [
      { ...genuine, signature_key: signNotification(genuine as never, "SB-Mid-server-guessed-key") },
      { ...genuine, signature_key: midtrans.notificationBody(other.orderId).signature_key },
      { ...genuine, signature_key: "" },
      { ...genuine, signature_key: String(genuine.signature_key).slice(0, 64) },
      { ...genuine, status_code: "201" },
    ];
    for (const forged of forgeries) {
      const answer = await refused(() => notify(forged), { audited: true });
      expect([401, 400]).toContain(answer.status);
    }
    expect((await readOrder(bed.db.db, order.id)).paymentStatus).toBe("unpaid");
    expect(await readOutbox(bed.db.db)).toEqual([]);
  });

  it("a genuinely signed notification over a different amount is refused (400), and an amount changed after signing (401)", async () => {
    const { order, orderId } = await orderWithSnap();
    midtrans.setTransaction(orderId, { transaction_status: "settlement", fraud_status: "accept" });
    const signedOverLess = midtrans.notificationBody(orderId, { set: { gross_amount: "1000.00" } });
    expect((await refused(() => notify(signedOverLess), { audited: true })).status).toBe(400);
    const tampered = midtrans.notificationBody(orderId, { tamper: { gross_amount: "1000.00" } });
    expect((await refused(() => notify(tampered), { audited: true })).status).toBe(401);
    expect((await readOrder(bed.db.db, order.id)).paymentStatus).toBe("unpaid");
  });

  it.each([true, false])("replays of old notifications never move a refunded or settled order backwards (Status API check %s)", async (verify) => {
    overrideEnv({ MIDTRANS_VERIFY_STATUS: String(verify) });
    const { order, orderId } = await orderWithSnap();
    const captured: Record<string, Record<string, unknown>> = {};
    for (const status of ["pending", "settlement"]) {
      midtrans.setTransaction(orderId, { transaction_status: status, fraud_status: "accept" });
      captured[status] = midtrans.notificationBody(orderId);
      expect((await notify(captured[status])).status).toBe(200);
    }
    expect((await readOrder(bed.db.db, order.id)).paymentStatus).toBe("paid");
    // After settlement: the old pending comes again.
    expect((await notify(captured.pending!)).status).toBe(200);
    expect((await readOrder(bed.db.db, order.id)).paymentStatus).toBe("paid");

    midtrans.setTransaction(orderId, { transaction_status: "refund" });
    expect((await notify(midtrans.notificationBody(orderId))).status).toBe(200);
    const refunded = await readOrder(bed.db.db, order.id);
    expect(refunded.paymentStatus).toBe("refunded");
    const messages = (await readOutbox(bed.db.db)).length;

    // An attacker (or a late Midtrans retry) replays the genuine settlement and pending after the refund.
    if (!verify) midtrans.setTransaction(orderId, { transaction_status: "settlement" });
    for (const replay of [captured.settlement!, captured.pending!, captured.settlement!]) {
      expect((await notify(replay)).status).toBe(200);
    }
    const after = await readOrder(bed.db.db, order.id);
    expect(after).toMatchObject({ paymentStatus: "refunded", version: refunded.version });
    expect(await readOutbox(bed.db.db)).toHaveLength(messages);
  });
});

describe("status tokens", () => {
  it("a guessed, altered, truncated or hostile token is 404 with the same answer as any other miss, for the JSON and the pay endpoint", async () => {
    const { statusToken } = await bookOrder(bed.db.db);
    expect((await send("GET", `/api/orders/${statusToken}`)).status).toBe(200);
    const flip = (c: string) => (c === "A" ? "B" : "A");
    const guesses = [
      "AAAAAAAAAAAAAAAAAAAAAA",
      `${statusToken.slice(0, -1)}${flip(statusToken.at(-1)!)}`,
      `${flip(statusToken[0]!)}${statusToken.slice(1)}`,
      statusToken.slice(0, 21),
      `${statusToken}A`,
      statusToken.toUpperCase() === statusToken ? statusToken.toLowerCase() : statusToken.toUpperCase(),
      "%25",
      "_",
      encodeURIComponent("' OR '1'='1"),
      encodeURIComponent(`${statusToken}' --`),
      "%00",
      `${statusToken}%00`,
      "%F0%9F%92%A5",
      "x".repeat(4_000),
    ];
    const answers = new Set<string>();
    for (const guess of guesses) {
      const json = await refused(() => send("GET", `/api/orders/${guess}`));
      expect([guess.slice(0, 20), json.status]).toEqual([guess.slice(0, 20), 404]);
      answers.add(json.text);
      const pay = await refused(() => send("POST", `/api/orders/${guess}/pay`));
      expect(pay.status).toBe(404);
      answers.add(pay.text);
    }
    expect(answers.size).toBe(2);
    expect(midtrans.calls).toEqual([]);
  });
});

describe("SQL and HTML from customers", () => {
  const HOSTILE = {
    firstName: `Robert'); DROP TABLE orders; --`,
    lastName: `<script>alert("x")</script>`,
    username: `a_b<img src=x onerror=alert(1)>`,
  };

  it("names and chat text with SQL and HTML are stored as text, sent as plain text, and the status page escapes what it shows", async () => {
    const customer = new TelegramCustomer(bed.tg, { id: 5556203, ...HOSTILE, languageCode: "id" });
    expect((await customer.send("/help")).status).toBe(200);
    expect((await customer.send("/status ' OR 1=1 --")).status).toBe(200);
    expect((await customer.send("<b>halo</b>'; DELETE FROM orders; --")).status).toBe(200);
    await walkWizard(customer, "summary");
    expect((await customer.tap("Book Now")).status).toBe(200);
    const [order] = await bed.db.db.select().from(orders);
    expect(order).toMatchObject({ customerName: `${HOSTILE.firstName} ${HOSTILE.lastName}`, telegramUsername: HOSTILE.username });
    const sent = bed.tg.callsOf("sendMessage").concat(bed.tg.callsOf("editMessageText"));
    expect(sent.filter((c) => c.params.parse_mode !== undefined)).toEqual([]);
    expect(String(bed.tg.callsOf("sendMessage")[0]!.params.text)).toContain(HOSTILE.firstName);

    // What the page shows from the order's snapshot, with markup in it (e.g. a catalog name typed by staff).
    await bed.db.db.update(orders).set({ deviceName: `<script>alert("dev")</script>`, partName: `<img src=x onerror=alert(2)>` });
    const html = renderToString(await OrderPage({ params: Promise.resolve({ token: order!.statusToken }), searchParams: Promise.resolve({}) }));
    expect(html).toContain("&lt;script&gt;alert(&quot;dev&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
    expect(html).not.toMatch(/<script>alert|<img src=x/);
  });
});

describe("oversized bodies", () => {
  const huge = (bytes: number) => JSON.stringify({ update_id: 1, message: { text: "x".repeat(bytes) } });

  it("the notification route and the Telegram webhook answer 413 to a huge body and change nothing", async () => {
    expect((await refused(() => notify(huge(2_000_000)), { audited: true })).status).toBe(413);
    const headers = { "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET };
    expect((await refused(() => send("POST", "/api/telegram/webhook", { body: huge(2_000_000), headers }))).status).toBe(413);
    // Without the secret, the size is never looked at.
    expect((await refused(() => send("POST", "/api/telegram/webhook", { body: huge(2_000_000) }))).status).toBe(401);
    expect(bed.tg.calls).toEqual([]);
  });
});

describe("admin routes (/api/setWebhook, /api/rmWebhook)", () => {
  const ROUTES = ["/api/setWebhook", "/api/rmWebhook"];
  const webhookAudit = async () => (await readAuditRows()).filter((row) => row.action.startsWith("webhook."));
  const readAuditRows = () => bed.db.db.select().from(auditLog);

  it("without a session, with a forged or signed-out one, or with the old ops bearer token: 401, nothing done", async () => {
    const cookie = await adminCookie(bed.db.db);
    const [name, token] = cookie.split("=") as [string, string];
    const signedOut = await adminCookie(bed.db.db, { username: "budi", password: "kata-sandi-budi-22" });
    await signOut(bed.db.db, signedOut.split("=")[1]);
    const altered = `${name}=${token.slice(0, -2)}${token.slice(-2) === "AA" ? "BB" : "AA"}`;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${CRON_SECRET}` },
      { cookie: `${name}=` },
      { cookie: `${name}=${"A".repeat(token.length)}` },
      { cookie: signedOut },
      { cookie: altered },
      { cookie: `${name}=${token}%00` },
      { cookie: `${name}=' OR 1=1 --` },
      { cookie: `other=${token}` },
    ];
    for (const path of ROUTES) {
      for (const method of ["GET", "POST"]) {
        for (const headers of attempts) {
          const answer = await refused(() => send(method, path, { headers: { origin: app.url, ...headers } }));
          expect([method, path, headers, answer.status]).toEqual([method, path, headers, 401]);
        }
      }
    }
    expect(bed.tg.calls).toEqual([]);
    expect(await webhookAudit()).toEqual([]);
  });

  it("with an admin's session from a foreign origin (or a cross-site navigation): 403, nothing done; from the app itself: done and audited", async () => {
    const cookie = await adminCookie(bed.db.db);
    const foreign: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: `${app.url}.evil.example` },
      { origin: "https://jiot.example.com.evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const path of ROUTES) {
      for (const method of ["GET", "POST"]) {
        for (const headers of foreign) {
          // Looking up the session may touch its last-seen time; nothing else may change.
          const before = await snapshotTables(bed.db.db, { except: ["admin_sessions"] });
          const answer = await send(method, path, { headers: { cookie, ...headers } });
          expect([method, path, headers, answer.status]).toEqual([method, path, headers, 403]);
          expect(await snapshotTables(bed.db.db, { except: ["admin_sessions"] })).toEqual(before);
        }
      }
    }
    expect(bed.tg.calls).toEqual([]);

    const done = await send("POST", "/api/rmWebhook", { headers: { cookie, origin: app.url } });
    expect(done).toEqual({ status: 200, text: "true" });
    expect(bed.tg.callsOf("deleteWebhook")).toHaveLength(1);
    expect((await webhookAudit()).map((row) => [row.action, row.actor])).toEqual([["webhook.remove", TEST_ADMIN.username]]);
  });
});
