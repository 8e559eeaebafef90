import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { POST as NOTIFICATION_POST } from "@/app/api/midtrans/notification/route";
import { orders, payments } from "@/db/schema";
import { SEED_SETTINGS } from "@/db/seed";
import { formatDateLong, formatWibDateTime } from "@/lib/booking/calendar";
import { labelsFor } from "@/lib/booking/status-labels";
import { orderEventText } from "@/lib/notify/messages";
import { getOrderStatusView } from "@/lib/payments/order-status";
import { startSnapPayment } from "@/lib/payments/start-payment";
import { TOMORROW, walkWizard } from "@/tests/support/bot-flows";
import { TelegramCustomer, TEST_APP_URL } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/**
 * Issue 17: the chat, the notifications and the status page must agree — the
 * same status words, the same payment deadline, the method actually used —
 * and each message after Book Now says only what is new.
 */
const suite = registerSuiteDatabase({ bot: true, midtrans: true, routes: { "POST /api/midtrans/notification": NOTIFICATION_POST } });

async function bookThroughBot(c: TelegramCustomer, method: string) {
  await walkWizard(c, "summary", { method });
  await c.tap("Book Now");
  const [order] = await suite.db.select().from(orders).where(eq(orders.chatId, c.chat.id));
  return order!;
}

describe("one payment deadline", () => {
  it("a BCA VA booking: the VA message, the payment attempt and the status page show the hold's minute; the confirmation leaves it to the VA message", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550601, firstName: "Ayu" });
    const order = await bookThroughBot(c, "BCA Virtual Account");
    const deadline = formatWibDateTime(order.holdExpiresAt!);
    const [confirmation, va] = c.botMessages().slice(-2);
    expect(va!.text).toContain(`Bayar sebelum: ${deadline}`);
    expect(confirmation!.text).not.toMatch(/sebelum/);

    const [attempt] = await suite.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(formatWibDateTime(attempt!.expiresAt!)).toBe(deadline);
    const view = await getOrderStatusView(order.statusToken);
    expect(formatWibDateTime(view!.virtualAccount!.expiresAt!)).toBe(deadline);
  });

  it("a GoPay booking: the confirmation's deadline is the hold, and the Snap attempt made later from the page expires on it too", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550602, firstName: "Bayu" });
    const order = await bookThroughBot(c, "GoPay");
    expect(c.lastMessage().text).toContain(`Silakan bayar sebelum ${formatWibDateTime(order.holdExpiresAt!)}, jika tidak booking dibatalkan otomatis.`);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // a later moment, not a whole minute
    const started = await startSnapPayment(suite.db, { token: order.statusToken });
    expect(started.ok).toBe(true);
    const [attempt] = await suite.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(attempt!.expiresAt).toEqual(order.holdExpiresAt);
  });
});

describe("each message after Book Now says what is new", () => {
  it("the confirmation is the code, when and where in one line, and the pay link; the VA message is bank, number, amount, deadline (ID)", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550603, firstName: "Citra" });
    const order = await bookThroughBot(c, "BNI Virtual Account");
    const [summary, confirmation, va] = c.botMessages().slice(-3);
    expect(summary!.text).toMatch(/^Ringkasan Booking\n[\s\S]*Product: Battery\nPembayaran: BNI Virtual Account\nNo\. HP: \+6281234567890\n\n✅ Booking dibuat\.$/);
    expect(confirmation!.text).toBe(
      `✅ Booking berhasil!\n\nKode booking: ${order.bookingCode}\nJadwal: ${formatDateLong(TOMORROW(), "id")}, 09.00 - 11.00 WIB di Jiot Gadget Solution\n\n` +
        `📍 Datang ke toko sesuai jadwal:\n${SEED_SETTINGS.address}\nPeta: ${SEED_SETTINGS.mapsUrl}\n\n` +
        `Bayar dan cek status: ${TEST_APP_URL}/orders/${order.statusToken}`,
    );
    const [attempt] = await suite.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(va!.text).toBe(`💳 Pembayaran Virtual Account BNI\nNomor VA: ${attempt!.vaNumber}\nJumlah: Rp70.000\nBayar sebelum: ${formatWibDateTime(order.holdExpiresAt!)}`);
    // The booking's facts (device, part) are in the summary only.
    for (const later of [confirmation!, va!]) expect(later.text).not.toMatch(/iPhone X|Battery/);
  });

  it("in English", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550604, firstName: "Dan", languageCode: "en" });
    const order = await bookThroughBot(c, "QRIS");
    expect(c.lastMessage().text).toBe(
      `✅ Your booking is confirmed!\n\nBooking code: ${order.bookingCode}\nWhen: ${formatDateLong(TOMORROW(), "en")}, 09.00 - 11.00 WIB at Jiot Gadget Solution\n\n` +
        `Please pay before ${formatWibDateTime(order.holdExpiresAt!)}, or the booking is cancelled automatically.\n\n` +
        `📍 Come to the shop at your appointment time:\n${SEED_SETTINGS.address}\nMap: ${SEED_SETTINGS.mapsUrl}\n\n` +
        `Pay and check status: ${TEST_APP_URL}/orders/${order.statusToken}`,
    );
  });
});

describe("one vocabulary", () => {
  it("the chat's /status, the repair notification and the status page use the same repair-status heading and words", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550605, firstName: "Eka" });
    const order = await bookThroughBot(c, "GoPay");
    await c.send(`/status ${order.bookingCode}`);
    const page = labelsFor("id");
    expect(c.lastMessage().text).toContain(`${page.paymentHeading}: ${page.payment.unpaid}\n${page.repairHeading}: ${page.repair.booked}\n`);
    expect(c.lastMessage().text).toContain("Status perbaikan: Terjadwal");
    const ready = orderEventText({ ...order, repairStatus: "ready" }, { kind: "repair_status", status: "ready" }, "https://x");
    expect(ready).toMatch(/^🔧 Status perbaikan: Siap diambil\./);
    expect(orderEventText({ ...order, language: "en" }, { kind: "repair_status", status: "ready" }, "https://x")).toMatch(/^🔧 Repair status: Ready for pickup\./);
  });

  it("in English the chat says 'Repair status: Scheduled'", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550606, firstName: "Fin", languageCode: "en" });
    const order = await bookThroughBot(c, "GoPay");
    await c.send(`/status ${order.bookingCode}`);
    expect(c.lastMessage().text).toContain("Payment status: Awaiting payment\nRepair status: Scheduled\n");
  });

  it("'Silahkan' appears nowhere the customer reads (it is 'Silakan')", () => {
    const root = path.resolve(__dirname, "..", "..", "..");
    const files = ["lib", "app"].flatMap((dir) => fs.readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }).map((f) => path.join(root, dir, f)));
    const offenders = files.filter((f) => /\.(ts|tsx)$/.test(f) && /silahkan/i.test(fs.readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("the method actually used", () => {
  it("an 'all methods' order paid by BCA VA inside Snap shows 'BCA Virtual Account' on the status page, not 'Semua metode'", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550607, firstName: "Gilang" });
    const order = await bookThroughBot(c, "Semua metode");
    expect((await getOrderStatusView(order.statusToken))!.methodLabel).toBe("Semua metode");
    const started = await startSnapPayment(suite.db, { token: order.statusToken });
    expect(started.ok).toBe(true);
    const orderId = `${order.bookingCode}-1`;
    suite.midtrans.setTransaction(orderId, { transaction_status: "settlement", fraud_status: "accept", payment_type: "bank_transfer", va_numbers: [{ bank: "bca", va_number: "12345100000099" }] });
    expect((await suite.midtrans.sendNotification(`${suite.app.url}/api/midtrans/notification`, orderId)).status).toBe(200);
    const view = await getOrderStatusView(order.statusToken);
    expect(view!.json.paymentStatus).toBe("paid");
    expect(view!.methodLabel).toBe("BCA Virtual Account");
    // The JSON keeps the customer's choice (DESIGN §12 shape).
    expect(view!.json.paymentMethod).toBe("all");
  });

  it("a QRIS payment inside Snap reads 'QRIS', the page's name for it", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550608, firstName: "Hana" });
    const order = await bookThroughBot(c, "Semua metode");
    await startSnapPayment(suite.db, { token: order.statusToken });
    const orderId = `${order.bookingCode}-1`;
    suite.midtrans.setTransaction(orderId, { transaction_status: "settlement", fraud_status: "accept", payment_type: "qris" });
    await suite.midtrans.sendNotification(`${suite.app.url}/api/midtrans/notification`, orderId);
    expect((await getOrderStatusView(order.statusToken))!.methodLabel).toBe("QRIS");
  });
});
