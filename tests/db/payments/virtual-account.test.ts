import { issueVirtualAccount } from "@/lib/payments/issue-virtual-account";
import { reconcilePendingPayments } from "@/lib/payments/reconcile-pending";
import { virtualAccountText } from "@/lib/payments/texts";
import { bookOrder, readAudit, readOrder, readPayments } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ midtrans: true });

describe("issueVirtualAccount", () => {
  it("charges a BCA virtual account through the Core API, expiring with the hold, and the order becomes pending", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    const result = await issueVirtualAccount(suite.db, { orderId: order.id });
    if (!result.ok) throw new Error(result.reason);

    const [call] = suite.midtrans.callsTo("POST", "/v2/charge");
    expect(call).toMatchObject({ authorized: true, status: 200 });
    const sent = call!.body as { payment_type: string; bank_transfer: unknown; transaction_details: unknown; custom_expiry: { expiry_duration: number; unit: string } };
    expect(sent.payment_type).toBe("bank_transfer");
    expect(sent.bank_transfer).toEqual({ bank: "bca" });
    expect(sent.transaction_details).toEqual({ order_id: `${order.bookingCode}-1`, gross_amount: 70_000 });
    expect(sent.custom_expiry.unit).toBe("minute");
    expect(Math.abs(sent.custom_expiry.expiry_duration - 24 * 60)).toBeLessThanOrEqual(1);

    const issued = suite.midtrans.transaction(`${order.bookingCode}-1`)!.va_numbers![0]!;
    expect(result.payment).toMatchObject({ kind: "core", vaBank: "bca", vaNumber: issued.va_number, transactionStatus: "pending" });
    expect(result.order.paymentStatus).toBe("pending");
    expect(Math.abs(result.payment.expiresAt!.getTime() - order.holdExpiresAt!.getTime())).toBeLessThan(61_000);
    const text = virtualAccountText(result.order, result.payment);
    expect(text).toContain(issued.va_number);
    expect(text).toContain("Rp70.000");
    expect((await readAudit(suite.db, "payment.status_changed"))[0]!.after).toMatchObject({ source: "charge", paymentStatus: "pending" });
  });

  it("asking again returns the same VA without a second charge", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bri_va" });
    const first = await issueVirtualAccount(suite.db, { orderId: order.id });
    const second = await issueVirtualAccount(suite.db, { orderId: order.id });
    expect(second).toMatchObject({ ok: true, reused: true });
    if (!first.ok || !second.ok) throw new Error("refused");
    expect(second.payment.vaNumber).toBe(first.payment.vaNumber);
    expect(suite.midtrans.callsTo("POST", "/v2/charge")).toHaveLength(1);
    expect(await readPayments(suite.db, order.id)).toHaveLength(1);
  });

  it("issues a Mandiri bill (bill key and biller code) for echannel", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "echannel" });
    const result = await issueVirtualAccount(suite.db, { orderId: order.id });
    if (!result.ok) throw new Error(result.reason);
    expect((suite.midtrans.callsTo("POST", "/v2/charge")[0]!.body as { payment_type: string }).payment_type).toBe("echannel");
    expect(result.payment).toMatchObject({ vaBank: "mandiri", billerCode: "70012" });
    expect(result.payment.billKey).toMatch(/^\d+$/);
    expect(virtualAccountText(result.order, result.payment)).toContain(`Kode bayar (bill key): ${result.payment.billKey}`);
  });

  it("refuses a method that is not a bank transfer, and a paid order", async () => {
    const gopay = await bookOrder(suite.db, { paymentMethod: "gopay", chatId: 1 });
    expect(await issueVirtualAccount(suite.db, { orderId: gopay.id })).toEqual({ ok: false, reason: "not_va_method" });
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va", chatId: 2 });
    await issueVirtualAccount(suite.db, { orderId: order.id });
    suite.midtrans.setTransaction(`${order.bookingCode}-1`, { transaction_status: "settlement" });
    await reconcilePendingPayments({ now: new Date(Date.now() + 10 * 60_000) });
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("paid");
    expect(await issueVirtualAccount(suite.db, { orderId: order.id })).toEqual({ ok: false, reason: "paid" });
    expect(suite.midtrans.callsTo("POST", "/v2/charge")).toHaveLength(1);
  });

  it("answers midtrans_unavailable when the Core API does not answer, and records nothing", async () => {
    const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
    suite.midtrans.fault("charge", { status: 503 });
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await issueVirtualAccount(suite.db, { orderId: order.id })).toEqual({ ok: false, reason: "midtrans_unavailable" });
    } finally {
      errors.mockRestore();
    }
    expect(await readPayments(suite.db, order.id)).toHaveLength(0);
    expect((await readOrder(suite.db, order.id)).paymentStatus).toBe("unpaid");
  });
});
