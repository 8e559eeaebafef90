import { eq } from "drizzle-orm";
import { GET } from "@/app/api/orders/[token]/route";
import { POST as PAY } from "@/app/api/orders/[token]/pay/route";
import { setDbHandle } from "@/db";
import { openDatabase } from "@/db/client";
import { orders } from "@/db/schema";
import { overrideEnv } from "@/lib/env";
import { issueVirtualAccount } from "@/lib/payments/issue-virtual-account";
import { bookOrder, holdRanOut, readAudit, readOrder, readPayments } from "@/tests/support/payment-fixtures";
import { changingNothing } from "@/tests/support/db-snapshot";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ midtrans: true, routes: { "GET /api/orders/[token]": GET, "POST /api/orders/[token]/pay": PAY } });

const pay = (token: string) => fetch(`${suite.app.url}/api/orders/${token}/pay`, { method: "POST" });

describe("POST /api/orders/{token}/pay", () => {
  it("creates a Snap transaction with the amount, items that add up, the customer, the chosen method and the hold as expiry", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    const before = Date.now();
    const response = await pay(order.statusToken);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["redirect_url", "token"]);

    const [call] = suite.midtrans.callsTo("POST", "/snap/v1/transactions");
    expect(call).toMatchObject({ authorized: true, status: 201 });
    const sent = call!.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a recorded JSON body
    expect(sent.transaction_details).toEqual({ order_id: `${order.bookingCode}-1`, gross_amount: 70_000 });
    expect(sent.item_details.reduce((sum: number, item: { price: number; quantity: number }) => sum + item.price * item.quantity, 0)).toBe(70_000);
    expect(sent.customer_details.first_name).toBe("Budi Santoso");
    expect(sent.enabled_payments).toEqual(["bca_va"]);
    expect(sent.callbacks.finish).toBe(`https://jiot.test/orders/${order.statusToken}`);
    expect(sent.expiry.unit).toBe("minute");
    expect(sent.expiry.start_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0700$/);
    // Issue 17: one deadline. Snap's count ends on the hold itself (to the second), not up to a minute before it.
    const hold = order.holdExpiresAt!.getTime();
    const start = new Date(sent.expiry.start_time.replace(" ", "T").replace(" +0700", "+07:00")).getTime();
    expect(start + sent.expiry.duration * 60_000).toBe(Math.floor(hold / 1000) * 1000);
    expect(start).toBeLessThanOrEqual(before);
    expect(sent.expiry.duration).toBe(Math.ceil((hold - before) / 60_000));

    const [payment] = await readPayments(suite.db, order.id);
    expect(payment).toMatchObject({ attempt: 1, kind: "snap", snapToken: body.token, redirectUrl: body.redirect_url, grossAmount: 70_000 });
    expect(payment!.expiresAt).toEqual(order.holdExpiresAt);
  });

  it("offers every method when the customer chose 'all methods'", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "all" });
    expect((await pay(order.statusToken)).status).toBe(200);
    const sent = suite.midtrans.callsTo("POST", "/snap/v1/transactions")[0]!.body as { enabled_payments: string[] };
    expect(sent.enabled_payments).toEqual(expect.arrayContaining(["bca_va", "gopay", "other_qris", "credit_card", "echannel"]));
  });

  it("reuses a still-valid token instead of creating another transaction", async () => {
    const order = await bookOrder(suite.db);
    const first = await (await pay(order.statusToken)).json();
    const second = await (await pay(order.statusToken)).json();
    expect(second).toEqual(first);
    expect(suite.midtrans.callsTo("POST", "/snap/v1/transactions")).toHaveLength(1);
  });

  it("two clicks at once make one Snap transaction", async () => {
    const order = await bookOrder(suite.db);
    const [a, b] = await Promise.all([pay(order.statusToken), pay(order.statusToken)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await a.json()).token).toBe((await b.json()).token);
    expect(suite.midtrans.callsTo("POST", "/snap/v1/transactions")).toHaveLength(1);
  });

  it("answers 409 when the order is paid, cancelled or past its hold, and 404 for an unknown token", async () => {
    const paid = await bookOrder(suite.db, { chatId: 1 });
    await suite.db.update(orders).set({ paymentStatus: "paid" }).where(eq(orders.id, paid.id));
    const paidResponse = await pay(paid.statusToken);
    expect(paidResponse.status).toBe(409);
    expect((await paidResponse.json()).error).toBe("Pesanan ini sudah dibayar.");

    const cancelled = await bookOrder(suite.db, { chatId: 2 });
    await suite.db.update(orders).set({ repairStatus: "cancelled" }).where(eq(orders.id, cancelled.id));
    expect((await pay(cancelled.statusToken)).status).toBe(409);

    const late = await bookOrder(suite.db, { chatId: 3, slotIndex: 1, ...holdRanOut() });
    expect((await pay(late.statusToken)).status).toBe(409);

    expect((await pay("AAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
    expect(suite.midtrans.callsTo("POST", "/snap/v1/transactions")).toHaveLength(0);
  });

  it("answers 502 when Midtrans refuses, logging its message but never the server key", async () => {
    const order = await bookOrder(suite.db);
    overrideEnv({ MIDTRANS_SERVER_KEY: "SB-Mid-server-WRONG-secret-key" });
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await pay(order.statusToken);
      expect(response.status).toBe(502);
      expect(await response.text()).not.toContain("SB-Mid-server");
      const logged = errors.mock.calls.flat().join(" ");
      expect(logged).toContain("401");
      expect(logged).toContain("Access denied");
      expect(logged).not.toContain("SB-Mid-server-WRONG-secret-key");
    } finally {
      errors.mockRestore();
    }
    expect(await readPayments(suite.db, order.id)).toHaveLength(0);
  });

  it("cancels a pending VA first, so the order never has two payable attempts", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bni_va" });
    const va = await issueVirtualAccount(suite.db, { orderId: order.id });
    expect(va.ok && (await readOrder(suite.db, order.id)).paymentStatus).toBe("pending");

    expect((await pay(order.statusToken)).status).toBe(200);
    expect(suite.midtrans.callsTo("POST", `/v2/${order.bookingCode}-1/cancel`)).toHaveLength(1);
    expect(suite.midtrans.transaction(`${order.bookingCode}-1`)!.transaction_status).toBe("cancel");
    const attempts = await readPayments(suite.db, order.id);
    expect(attempts.map((p) => [p.attempt, p.kind, p.transactionStatus])).toEqual([
      [1, "core", "cancel"],
      [2, "snap", null],
    ]);
    // Superseding the VA is not a failed payment: the order waits for the new attempt, the customer is not told otherwise.
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("unpaid");
    expect((await readAudit(suite.db, "payment.snap_created"))[0]!.after).toMatchObject({ cancelled: [`${order.bookingCode}-1`] });
  });

  it("'Pilih metode lain' beside a VA: the VA is cancelled and Snap offers every method, not the same bank again; the order's method becomes 'all'", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    await issueVirtualAccount(suite.db, { orderId: order.id });
    const response = await fetch(`${suite.app.url}/api/orders/${order.statusToken}/pay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ anyMethod: true }),
    });
    expect(response.status).toBe(200);
    expect(suite.midtrans.transaction(`${order.bookingCode}-1`)!.transaction_status).toBe("cancel");
    const sent = suite.midtrans.callsTo("POST", "/snap/v1/transactions")[0]!.body as { enabled_payments: string[] };
    expect(sent.enabled_payments).toEqual(expect.arrayContaining(["bca_va", "bni_va", "gopay", "shopeepay", "other_qris", "credit_card", "echannel"]));
    expect((await readOrder(suite.db, order.id)).paymentMethod).toBe("all");
    expect((await readAudit(suite.db, "payment.snap_created"))[0]!.after).toMatchObject({ methodChanged: { from: "bca_va", to: "all" } });

    // A later plain "Bayar Sekarang" reuses that page.
    expect(await (await pay(order.statusToken)).json()).toMatchObject({ token: (await readPayments(suite.db, order.id))[1]!.snapToken });
    expect(suite.midtrans.callsTo("POST", "/snap/v1/transactions")).toHaveLength(1);
  });

  it("a Snap page made for one bank is not reused for 'another method'; a body that is not exactly {anyMethod: true} keeps the method", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bni_va" });
    expect((await pay(order.statusToken)).status).toBe(200);
    for (const body of ['{"anyMethod":"true"}', "not json", '{"anyMethod":1}', "null"]) {
      expect((await fetch(`${suite.app.url}/api/orders/${order.statusToken}/pay`, { method: "POST", body })).status).toBe(200);
    }
    expect(suite.midtrans.callsTo("POST", "/snap/v1/transactions")).toHaveLength(1);
    expect((await readOrder(suite.db, order.id)).paymentMethod).toBe("bni_va");

    const switched = await fetch(`${suite.app.url}/api/orders/${order.statusToken}/pay`, { method: "POST", body: JSON.stringify({ anyMethod: true }) });
    expect(switched.status).toBe(200);
    const calls = suite.midtrans.callsTo("POST", "/snap/v1/transactions");
    expect(calls).toHaveLength(2);
    expect((calls[1]!.body as { enabled_payments: string[] }).enabled_payments).toContain("gopay");
    // The one-bank page was closed at Midtrans before the new one was made.
    expect(suite.midtrans.callsTo("POST", `/snap/v1/transactions/${(await readPayments(suite.db, order.id))[0]!.snapToken}/cancel`)).toHaveLength(1);
  });

  it("'another method' on a paid order changes nothing", async () => {
    const paid = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    await suite.db.update(orders).set({ paymentStatus: "paid" }).where(eq(orders.id, paid.id));
    const response = await fetch(`${suite.app.url}/api/orders/${paid.statusToken}/pay`, { method: "POST", body: JSON.stringify({ anyMethod: true }) });
    expect(response.status).toBe(409);
    expect((await readOrder(suite.db, paid.id)).paymentMethod).toBe("bca_va");
  });

  it("answers 409 instead of a new attempt when the pending VA turns out to be paid already", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bri_va" });
    await issueVirtualAccount(suite.db, { orderId: order.id });
    suite.midtrans.setTransaction(`${order.bookingCode}-1`, { transaction_status: "settlement" });
    expect((await pay(order.statusToken)).status).toBe(409);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "paid" });
    expect(suite.midtrans.callsTo("POST", "/snap/v1/transactions")).toHaveLength(0);
  });
});

describe("GET /api/orders/{token}", () => {
  it("answers the documented JSON shape, and 404 for an unknown token", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "gopay" });
    const response = await fetch(`${suite.app.url}/api/orders/${order.statusToken}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      bookingCode: order.bookingCode,
      amount: 70_000,
      paymentStatus: "unpaid",
      repairStatus: "booked",
      serviceDate: order.serviceDate,
      slot: "09.00 - 11.00 WIB",
      device: "iPhone X",
      part: "Battery",
      paymentMethod: "gopay",
      createdAt: order.createdAt.toISOString(),
    });
    expect((await fetch(`${suite.app.url}/api/orders/nope`)).status).toBe(404);
  });

  it("answers 503 (retry later) rather than 500 while the database is down", async () => {
    const order = await bookOrder(suite.db);
    const unreachable = await openDatabase({ driver: "pg", url: "postgres://postgres@127.0.0.1:9/none", poolMax: 1 });
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    setDbHandle(unreachable);
    try {
      expect((await fetch(`${suite.app.url}/api/orders/${order.statusToken}`)).status).toBe(503);
      expect((await pay(order.statusToken)).status).toBe(503);
    } finally {
      setDbHandle(suite.testDb);
      errors.mockRestore();
      await unreachable.close();
    }
  });

  it("with ?check=1 asks the Status API, so a payment whose notification never came shows as paid", async () => {
    const order = await bookOrder(suite.db);
    await pay(order.statusToken);
    suite.midtrans.setTransaction(`${order.bookingCode}-1`, { transaction_status: "settlement", payment_type: "qris" });
    const plain = await (await fetch(`${suite.app.url}/api/orders/${order.statusToken}`)).json();
    expect(plain.paymentStatus).toBe("unpaid");
    const checked = await (await fetch(`${suite.app.url}/api/orders/${order.statusToken}?check=1`)).json();
    expect(checked.paymentStatus).toBe("paid");
    expect((await readAudit(suite.db, "payment.status_changed"))[0]!.after).toMatchObject({ source: "status_api" });
  });
});

describe("status tokens", () => {
  const send = async (method: string, path: string) => {
    const response = await fetch(`${suite.app.url}${path}`, { method });
    return { status: response.status, text: await response.text() };
  };

  it("a guessed, altered, truncated or hostile token is 404 with the same answer as any other miss, for the JSON and the pay endpoint, and changes nothing", async () => {
    const { statusToken } = await bookOrder(suite.db);
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
      const json = await changingNothing(suite.db, () => send("GET", `/api/orders/${guess}`));
      expect([guess.slice(0, 20), json.status]).toEqual([guess.slice(0, 20), 404]);
      answers.add(json.text);
      const pay = await changingNothing(suite.db, () => send("POST", `/api/orders/${guess}/pay`));
      expect(pay.status).toBe(404);
      answers.add(pay.text);
    }
    expect(answers.size).toBe(2);
    expect(suite.midtrans.calls).toEqual([]);
  });
});
