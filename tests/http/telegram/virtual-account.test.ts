import { orders } from "@/db/schema";
import { formatRupiah } from "@/lib/booking/money";
import { walkWizard } from "@/tests/support/bot-flows";
import { readPayments } from "@/tests/support/payment-fixtures";
import { buttonTexts, postUpdate, TelegramCustomer } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

let errors: jest.SpyInstance;
const suite = registerSuiteDatabase({ bot: true, midtrans: true });
beforeEach(() => {
  errors = jest.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => errors.mockRestore());

const siti = () => new TelegramCustomer(suite.tg, { id: 5550070, firstName: "Siti", languageCode: "id" });

describe("a bank virtual account booking", () => {
  it("sends the VA number, bank, amount and deadline in the chat right after the booking code", async () => {
    const customer = siti();
    await walkWizard(customer, "summary", { method: "BCA Virtual Account" });
    expect((await customer.tap("Book Now")).status).toBe(200);

    const [order] = await suite.db.select().from(orders);
    const [attempt] = await readPayments(suite.db, order!.id);
    expect(attempt).toMatchObject({ kind: "core", vaBank: "bca", grossAmount: order!.amountIdr });
    expect(suite.midtrans.transaction(attempt!.midtransOrderId)!.va_numbers![0]!.va_number).toBe(attempt!.vaNumber);

    const messages = customer.botMessages();
    const va = messages.at(-1)!;
    expect(messages.at(-2)!.text).toContain(`Kode booking: ${order!.bookingCode}`);
    expect(va.text).toContain("Pembayaran Virtual Account BCA");
    expect(va.text).toContain(`Nomor VA: ${attempt!.vaNumber}`);
    expect(va.text).toContain(`Jumlah: ${formatRupiah(order!.amountIdr)}`);
    expect(va.text).toMatch(/Bayar sebelum: .+WIB/);
    expect(buttonTexts(va)).toEqual([["Bayar Sekarang"]]);
  });

  it("cancelling the booking in the chat cancels its VA at Midtrans, so it can no longer be paid", async () => {
    const customer = siti();
    await walkWizard(customer, "summary", { method: "BCA Virtual Account" });
    await customer.tap("Book Now");
    const [order] = await suite.db.select().from(orders);
    const [attempt] = await readPayments(suite.db, order!.id);
    await customer.send(`/status ${order!.bookingCode}`);
    await customer.tap("Batalkan booking");
    await customer.tap("Ya, batalkan");
    expect(suite.midtrans.callsTo("POST", `/v2/${attempt!.midtransOrderId}/cancel`)).toEqual([expect.objectContaining({ authorized: true, status: 200 })]);
    expect(suite.midtrans.transaction(attempt!.midtransOrderId)!.transaction_status).toBe("cancel");
    expect((await readPayments(suite.db, order!.id))[0]!.transactionStatus).toBe("cancel");
  });

  it("a re-delivered Book Now makes no second charge and no second VA message", async () => {
    const customer = siti();
    await walkWizard(customer, "summary", { method: "BCA Virtual Account" });
    const bookNow = customer.tapUpdate("Book Now");
    expect((await postUpdate(bookNow)).status).toBe(200);
    expect((await postUpdate(bookNow)).status).toBe(200);
    expect(suite.midtrans.callsTo("POST", "/v2/charge")).toHaveLength(1);
    expect(customer.botMessages().filter((m) => m.text.includes("Nomor VA"))).toHaveLength(1);
  });

  it("when Midtrans cannot issue the VA, the booking stands and the chat points to the status page", async () => {
    suite.midtrans.fault("charge", { status: 503 });
    const customer = siti();
    await walkWizard(customer, "summary", { method: "BCA Virtual Account" });
    expect((await customer.tap("Book Now")).status).toBe(200);

    const [order] = await suite.db.select().from(orders);
    expect(order).toMatchObject({ paymentStatus: "unpaid", repairStatus: "booked" });
    const last = customer.lastMessage();
    expect(last.text).toContain(`belum dapat dibuat saat ini`);
    expect(buttonTexts(last)).toEqual([["Bayar Sekarang"]]);
  });

  it("a GoPay booking makes no Core API charge (the status page opens Snap instead)", async () => {
    const customer = siti();
    await walkWizard(customer, "summary", { method: "GoPay" });
    expect((await customer.tap("Book Now")).status).toBe(200);
    expect(suite.midtrans.callsTo("POST", "/v2/charge")).toHaveLength(0);
    expect(customer.lastMessage().text).toContain("Booking berhasil");
  });
});
