import { createHash } from "node:crypto";
import midtransClient from "midtrans-client";
import { overrideEnv, PLAYGROUND_DEFAULTS } from "@/lib/env";
import { resetPlaygroundMidtrans } from "@/lib/playground/midtrans/store";
import * as snapJs from "@/app/playground/midtrans/snap/snap.js/route";
import { servePlaygroundRoutes } from "@/tests/support/playground-routes";
import type { ServedRoutes } from "@/tests/support/serve-routes";

const SERVER_KEY = PLAYGROUND_DEFAULTS.MIDTRANS_SERVER_KEY;
let app: ServedRoutes;
let notifications: Record<string, unknown>[] = [];
let answerStatus = 200;

beforeAll(async () => {
  app = await servePlaygroundRoutes({
    // The shop's notification route, as far as this test cares: it records and answers.
    "POST /api/midtrans/notification": async (request: Request) => {
      notifications.push((await request.json()) as Record<string, unknown>);
      return Response.json({ ok: answerStatus === 200 }, { status: answerStatus });
    },
  });
  overrideEnv({ PLAYGROUND: "1", APP_URL: app.url });
});
afterAll(async () => {
  await app.stop();
  overrideEnv({ PLAYGROUND: undefined, APP_URL: undefined });
});
beforeEach(() => {
  resetPlaygroundMidtrans();
  notifications = [];
  answerStatus = 200;
});

/** midtrans-client pointed at the stand-in the way lib/payments does it: the instance's base-URL getters. */
function clients(serverKey: string = SERVER_KEY) {
  const options = { isProduction: false, serverKey, clientKey: PLAYGROUND_DEFAULTS.MIDTRANS_CLIENT_KEY };
  const snap = new midtransClient.Snap(options);
  const core = new midtransClient.CoreApi(options);
  for (const client of [snap, core]) {
    client.apiConfig.getSnapApiBaseUrl = () => `${app.url}/playground/midtrans/snap/v1`;
    client.apiConfig.getCoreApiBaseUrl = () => `${app.url}/playground/midtrans`;
  }
  return { snap, core };
}

const order = (orderId: string, extra: object = {}) => ({
  transaction_details: { order_id: orderId, gross_amount: 70000 },
  item_details: [{ id: "10-1", price: 70000, quantity: 1, name: "Battery iPhone X" }],
  customer_details: { first_name: "Budi" },
  ...extra,
});

async function act(path: string, body: object) {
  const response = await fetch(`${app.url}/playground/midtrans/api/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const sha512 = (text: string) => createHash("sha512").update(text).digest("hex");
const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe("the Snap stand-in, through midtrans-client", () => {
  it("creates a transaction: 201 { token, redirect_url } whose redirect leads to the simulated payment page", async () => {
    const created = await clients().snap.createTransaction(order("62473383-1"));
    expect(created).toEqual({ token: expect.any(String), redirect_url: `${app.url}/playground/midtrans/snap/v2/vtweb/${created.token}` });
    const redirect = await fetch(created.redirect_url, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toMatch(new RegExp(`/playground/midtrans/pay/${created.token}$`));
  });

  it("refuses a wrong server key (401), items that do not add up (400), and an order_id already pending", async () => {
    await expect(clients("SB-Mid-server-wrong").snap.createTransaction(order("x-1"))).rejects.toMatchObject({ httpStatusCode: 401 });
    await expect(
      clients().snap.createTransaction(order("x-2", { item_details: [{ id: "a", price: 1000, quantity: 1, name: "a" }] })),
    ).rejects.toMatchObject({ httpStatusCode: 400, ApiResponse: { error_messages: ["transaction_details.gross_amount is not equal to the sum of item_details"] } });
    const { token } = await clients().snap.createTransaction(order("x-3", { enabled_payments: ["bca_va"] }));
    await act(`snap/${token}`, { method: "bca_va" });
    await expect(clients().snap.createTransaction(order("x-3"))).rejects.toMatchObject({ httpStatusCode: 400 });
  });

  it("the Status API knows a Snap order only once a method is chosen, then follows it to settlement", async () => {
    const { snap, core } = clients();
    const { token } = await snap.createTransaction(order("62473383-2", { enabled_payments: ["bca_va", "gopay"] }));
    await expect(core.transaction.status("62473383-2")).rejects.toMatchObject({ httpStatusCode: 404 });

    const chosen = await act(`snap/${token}`, { method: "bca_va" });
    expect(chosen.body).toMatchObject({ status: "pending", method: { id: "bca_va" }, va: { bank: "bca", number: expect.stringMatching(/^\d{10,}$/) } });
    await expect(core.transaction.status("62473383-2")).resolves.toMatchObject({
      status_code: "201",
      transaction_status: "pending",
      payment_type: "bank_transfer",
      gross_amount: "70000.00",
      va_numbers: [{ bank: "bca", va_number: (chosen.body.va as { number: string }).number }],
    });

    const paid = await act(`snap/${token}`, { action: "pay" });
    expect(paid.body).toMatchObject({ status: "settlement", payable: false });
    await expect(core.transaction.status("62473383-2")).resolves.toMatchObject({ status_code: "200", transaction_status: "settlement", fraud_status: "accept" });
  });
});

describe("the refund stand-in (reference/refund-transaction)", () => {
  it("refunds a settled GoPay payment in parts, answers a repeated refund_key with its first answer, refuses too much, and notifies the app", async () => {
    const { snap, core } = clients();
    const { token } = await snap.createTransaction(order("62473383-30", { enabled_payments: ["gopay"] }));
    await expect(core.transaction.refund("62473383-30", { refund_key: "rf-early", amount: 1000 })).rejects.toMatchObject({ httpStatusCode: 404 });
    await act(`snap/${token}`, { method: "gopay" });
    await act(`snap/${token}`, { action: "pay" });

    const part = await core.transaction.refund("62473383-30", { refund_key: "rf-1", amount: 20_000, reason: "sebagian" });
    expect(part).toMatchObject({
      status_code: "200",
      status_message: "Success, refund request is approved",
      order_id: "62473383-30",
      payment_type: "gopay",
      transaction_status: "partial_refund",
      gross_amount: "70000.00",
      refund_amount: "20000.00",
      refund_key: "rf-1",
      refund_chargeback_id: 1,
    });
    await expect(core.transaction.refund("62473383-30", { refund_key: "rf-1", amount: 20_000 })).resolves.toEqual(part);
    await expect(core.transaction.refund("62473383-30", { refund_key: "rf-2", amount: 50_001 })).rejects.toMatchObject({ httpStatusCode: 412 });
    await expect(core.transaction.refund("62473383-30", { refund_key: "rf-3", amount: 50_000 })).resolves.toMatchObject({ transaction_status: "refund", refund_amount: "50000.00" });
    await expect(core.transaction.status("62473383-30")).resolves.toMatchObject({ status_code: "200", transaction_status: "refund" });
    await waitFor(() => notifications.some((n) => n.transaction_status === "refund"));
    expect(notifications.map((n) => n.transaction_status)).toContain("partial_refund");
  });

  it("a bank transfer (VA) is not refunded by API: 412", async () => {
    const { token } = await clients().snap.createTransaction(order("62473383-31", { enabled_payments: ["bca_va"] }));
    await act(`snap/${token}`, { method: "bca_va" });
    await act(`snap/${token}`, { action: "pay" });
    await expect(clients().core.transaction.refund("62473383-31", { refund_key: "rf-va", amount: 70_000 })).rejects.toMatchObject({ httpStatusCode: 412 });
  });
});

describe("the Snap session cancel stand-in (reference/cancel-a-snap-session)", () => {
  const cancelSession = async (token: string, serverKey: string = SERVER_KEY) => {
    const response = await fetch(`${app.url}/playground/midtrans/snap/v1/transactions/${token}/cancel`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${serverKey}:`).toString("base64")}`, accept: "application/json" },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("closes an unused page (200), which can then not be paid; again: already canceled; with a method chosen: on progress", async () => {
    const { token } = await clients().snap.createTransaction(order("62473383-20", { enabled_payments: ["bca_va"] }));
    expect(await cancelSession(token, "SB-Mid-server-wrong")).toMatchObject({ status: 401 });
    expect(await cancelSession(token)).toEqual({ status: 200, body: { canceled_at: expect.any(String) } });
    expect(await cancelSession(token)).toMatchObject({ status: 412, body: { error_messages: ["token already canceled"] } });
    const chosen = await act(`snap/${token}`, { method: "bca_va" });
    expect(chosen.body.va).toBeUndefined();
    await expect(clients().core.transaction.status("62473383-20")).rejects.toMatchObject({ httpStatusCode: 404 });

    const other = await clients().snap.createTransaction(order("62473383-21", { enabled_payments: ["bca_va"] }));
    await act(`snap/${other.token}`, { method: "bca_va" });
    expect(await cancelSession(other.token)).toMatchObject({ status: 412, body: { error_messages: ["Transaction is on progress"] } });
    expect(await cancelSession("no-such-token")).toMatchObject({ status: 404 });
  });
});

describe("notifications the stand-in sends to the app", () => {
  it("choosing a VA sends pending, 'Bayar' sends settlement, each signed sha512(order_id+status_code+gross_amount+server key)", async () => {
    const { token } = await clients().snap.createTransaction(order("62473383-3", { enabled_payments: ["bca_va"] }));
    await act(`snap/${token}`, { method: "bca_va" });
    const paid = await act(`snap/${token}`, { action: "pay" });
    expect(notifications.map((n) => [n.transaction_status, n.status_code])).toEqual([
      ["pending", "201"],
      ["settlement", "200"],
    ]);
    const settlement = notifications[1]!;
    expect(settlement).toMatchObject({ order_id: "62473383-3", gross_amount: "70000.00", payment_type: "bank_transfer", currency: "IDR" });
    expect(settlement.signature_key).toBe(sha512(`62473383-3200${"70000.00"}${SERVER_KEY}`));
    expect(paid.body.notifications).toMatchObject([{ transaction_status: "pending", httpStatus: 200 }, { transaction_status: "settlement", httpStatus: 200 }]);
  });

  it("a duplicate sends the very same notification again; deny and expire send theirs", async () => {
    const { snap } = clients();
    const a = await snap.createTransaction(order("dup-1", { enabled_payments: ["credit_card"] }));
    await act(`snap/${a.token}`, { method: "credit_card" });
    expect(notifications).toHaveLength(0); // a card has no pending step
    await act(`snap/${a.token}`, { action: "pay" });
    await act(`snap/${a.token}`, { action: "duplicate" });
    expect(notifications).toHaveLength(2);
    expect(notifications[1]).toEqual(notifications[0]);
    expect(notifications[0]).toMatchObject({ transaction_status: "capture", fraud_status: "accept", payment_type: "credit_card" });

    const b = await snap.createTransaction(order("deny-1", { enabled_payments: ["credit_card"] }));
    await act(`snap/${b.token}`, { method: "credit_card" });
    await act(`snap/${b.token}`, { action: "deny" });
    expect(notifications.at(-1)).toMatchObject({ order_id: "deny-1", transaction_status: "deny", status_code: "202" });

    const c = await snap.createTransaction(order("exp-1", { enabled_payments: ["gopay"] }));
    const chosen = await act(`snap/${c.token}`, { method: "gopay" });
    expect(chosen.body.qr).toEqual(expect.any(String));
    await act(`snap/${c.token}`, { action: "expire" });
    expect(notifications.at(-1)).toMatchObject({ order_id: "exp-1", transaction_status: "expire", status_code: "407" });
    expect(notifications.at(-1)!.signature_key).toBe(sha512(`exp-1407${"70000.00"}${SERVER_KEY}`));
    const again = await act(`snap/${c.token}`, { action: "pay" });
    expect(again.status).toBe(409);
  });

  it("shows the app's answer when it refuses a notification", async () => {
    answerStatus = 401;
    const { token } = await clients().snap.createTransaction(order("refused-1", { enabled_payments: ["bni_va"] }));
    const chosen = await act(`snap/${token}`, { method: "bni_va" });
    expect(chosen.body.notifications).toMatchObject([{ transaction_status: "pending", httpStatus: 401 }]);
  });
});

describe("the Core API stand-in", () => {
  it("a bank_transfer charge is pending at once with a VA number, and Midtrans' own pending notification follows", async () => {
    const charged = await clients().core.charge({ payment_type: "bank_transfer", bank_transfer: { bank: "bca" }, ...order("62473383-4") });
    expect(charged).toMatchObject({
      status_code: "201",
      transaction_status: "pending",
      va_numbers: [{ bank: "bca", va_number: expect.stringMatching(/^\d+$/) }],
      expiry_time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });
    await waitFor(() => notifications.length > 0);
    expect(notifications[0]).toMatchObject({ order_id: "62473383-4", transaction_status: "pending" });
  });

  it("an echannel charge gives a Mandiri bill key and biller code", async () => {
    const charged = await clients().core.charge({ payment_type: "echannel", echannel: { bill_info1: "Servis" }, ...order("62473383-5") });
    expect(charged).toMatchObject({ transaction_status: "pending", bill_key: expect.stringMatching(/^\d+$/), biller_code: "70012" });
  });

  it("the simulator pays by VA number; a paid transaction cannot be cancelled (412), an unpaid one can", async () => {
    const { core } = clients();
    const charged = await core.charge({ payment_type: "bank_transfer", bank_transfer: { bank: "bri" }, ...order("62473383-6") });
    const vaNumber = (charged.va_numbers as { va_number: string }[])[0]!.va_number;
    const paid = await act("pay-code", { code: vaNumber });
    expect(paid.body).toMatchObject({ orderId: "62473383-6", status: "settlement" });
    await expect(core.transaction.cancel("62473383-6")).rejects.toMatchObject({ httpStatusCode: 412 });

    await core.charge({ payment_type: "bank_transfer", bank_transfer: { bank: "bni" }, ...order("62473383-7") });
    await expect(core.transaction.cancel("62473383-7")).resolves.toMatchObject({ transaction_status: "cancel", status_code: "200" });
    await expect(core.transaction.status("62473383-7")).resolves.toMatchObject({ transaction_status: "cancel" });
    expect((await act("pay-code", { code: "000" })).status).toBe(404);
  });

  it("an expired transaction still answers the Status API with HTTP 200 and status_code 407, which midtrans-client accepts", async () => {
    const { core } = clients();
    await core.charge({ payment_type: "bank_transfer", bank_transfer: { bank: "bca" }, ...order("62473383-8"), custom_expiry: { expiry_duration: 1, unit: "minute" } });
    await act("transactions/62473383-8", { action: "expire" });
    await expect(core.transaction.status("62473383-8")).resolves.toMatchObject({ status_code: "407", transaction_status: "expire" });
  });
});

describe("snap.js", () => {
  it("defines window.snap.pay and snap.embed, opening the simulated page of this app", async () => {
    const response = await fetch(`${app.url}/playground/midtrans/snap/snap.js`);
    expect(response.headers.get("content-type")).toContain("javascript");
    const source = await response.text();
    expect(source).toContain("window.snap");
    expect(source).toContain(`${app.url}/playground/midtrans`);
    expect(source).toMatch(/pay: function/);
    expect(source).toMatch(/embed: function/);
  });

  it("is not there without PLAYGROUND", async () => {
    overrideEnv({ PLAYGROUND: undefined });
    try {
      const response = await snapJs.GET(new Request(`${app.url}/playground/midtrans/snap/snap.js`), undefined as never);
      expect(response.status).toBe(404);
    } finally {
      overrideEnv({ PLAYGROUND: "1" });
    }
  });
});
