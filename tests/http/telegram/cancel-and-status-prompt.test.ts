import { eq } from "drizzle-orm";
import { conversations, orders } from "@/db/schema";
import { formatDateDmy } from "@/lib/booking/calendar";
import { TOMORROW, walkWizard } from "@/tests/support/bot-flows";
import { buttonTexts, TelegramCustomer, TEST_APP_URL } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/**
 * Issue 17, what a new customer tripped over: /cancel claimed "Booking
 * dibatalkan" while the unpaid booking stayed; after /status every message
 * was answered "Kode booking terdiri dari 8 angka…" with no way out.
 */
const suite = registerSuiteDatabase({ bot: true });

async function book(c: TelegramCustomer, slot: RegExp = /09\.00/) {
  await walkWizard(c, "summary", { slot });
  await c.tap("Book Now");
  const rows = await suite.db.select().from(orders).where(eq(orders.chatId, c.chat.id)).orderBy(orders.createdAt);
  return rows.at(-1)!;
}
const step = async (chatId: number) => (await suite.db.select().from(conversations).where(eq(conversations.chatId, chatId)))[0]?.step;
const payLink = (o: { statusToken: string }) => `${TEST_APP_URL}/orders/${o.statusToken}`;

describe("/cancel stops the form, not a booking", () => {
  it("says 'Pengisian dibatalkan', keeps the unpaid booking and points to /status to cancel it", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550401, firstName: "Dewi" });
    const order = await book(c);
    await walkWizard(c, "slot");
    await c.send("/cancel");
    expect(c.lastMessage().text).toBe(
      "Pengisian dibatalkan. Booking yang sudah dibuat tidak berubah; untuk membatalkan booking, ketik /status lalu kode bookingnya. Ketik /order untuk mulai lagi.",
    );
    const [kept] = await suite.db.select().from(orders).where(eq(orders.id, order.id));
    expect(kept).toMatchObject({ repairStatus: "booked", paymentStatus: "unpaid" });
  });

  it("in English: 'Form cancelled', and the same with the Cancel button", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550402, firstName: "Wayan", languageCode: "en" });
    await walkWizard(c, "device");
    const menu = c.lastMessage();
    await c.tap("Cancel", menu);
    const edited = suite.tg.chat(c.chat.id).find((m) => m.messageId === menu.messageId)!;
    expect(edited.text).toBe("Form cancelled. Bookings already made are unchanged; to cancel one, send /status with its booking code. Send /order to start again.");
    expect(edited.keyboard).toEqual([]);
  });
});

describe("/order while a booking is unpaid", () => {
  it("mentions the unpaid booking's code and pay link before the intro, and still lets the customer start", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550403, firstName: "Eko" });
    const order = await book(c);
    await c.send("/order");
    const intro = c.lastMessage();
    expect(intro.text).toMatch(
      new RegExp(`^Anda masih punya booking yang belum dibayar:\\n• ${order.bookingCode}, bayar di ${payLink(order).replace(/[.?]/g, "\\$&")}\\n\\nBooking baru tetap bisa dibuat di bawah ini\\.\\n\\nTerimakasih, telah memilih layanan kami`),
    );
    expect(buttonTexts(intro)).toEqual([["Booking", "Cancel"]]);
    await c.tap("Booking");
    expect(c.lastMessage().text).toMatch(/^Silakan masukan tanggal book/);
  });

  it("in English, naming each unpaid booking; a paid one is not mentioned", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550404, firstName: "Ketut", languageCode: "en" });
    const paid = await book(c, /09\.00/);
    const first = await book(c, /12\.00/);
    await suite.db.update(orders).set({ paymentStatus: "paid" }).where(eq(orders.id, paid.id));
    await c.send("/order");
    expect(c.lastMessage().text).toMatch(
      new RegExp(`^You still have a booking waiting for payment:\\n• ${first.bookingCode}, pay at ${payLink(first).replace(/[.?]/g, "\\$&")}\\n\\nYou can still make a new booking below\\.\\n\\nThank you for choosing`),
    );
    expect(c.lastMessage().text).not.toContain(paid.bookingCode);
  });

  it("says nothing of the kind to a customer with no unpaid booking", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550405, firstName: "Fajar" });
    await c.send("/order");
    expect(c.lastMessage().text).toMatch(/^Terimakasih, telah memilih layanan kami/);
  });
});

describe("the booking-code prompt has ways out", () => {
  it.each(["halo", "kode saya lupa", "Order"])("%j lists the chat's own open bookings with a button each, and leaves the prompt", async (text) => {
    const c = new TelegramCustomer(suite.tg, { id: 5550406, firstName: "Gita" });
    const a = await book(c, /09\.00/);
    const b = await book(c, /12\.00/);
    const stranger = new TelegramCustomer(suite.tg, { id: 5550407, firstName: "Hadi" });
    const theirs = await book(stranger, /15\.00/);
    await c.send("/status");
    await c.send(text);
    const list = c.lastMessage();
    const date = formatDateDmy(TOMORROW());
    expect(list.text).toBe(
      `Booking aktif Anda di chat ini:\n\n` +
        `• ${a.bookingCode}: ${date}, 09.00 - 11.00 WIB\n  Menunggu pembayaran, Terjadwal\n` +
        `• ${b.bookingCode}: ${date}, 12.00 - 14.00 WIB\n  Menunggu pembayaran, Terjadwal\n\n` +
        `Tekan kodenya untuk melihat statusnya.`,
    );
    expect(list.text).not.toContain(theirs.bookingCode);
    expect(buttonTexts(list)).toEqual([[a.bookingCode, b.bookingCode]]);
    expect(await step(c.chat.id)).toBe("idle");

    await c.tap(b.bookingCode, list);
    expect(c.lastMessage().text).toMatch(new RegExp(`^Data Order\\n\\nKode booking: ${b.bookingCode}\\n`));
    expect(c.lastMessage().text).toContain("Status perbaikan: Terjadwal");
  });

  it("with no open booking it says so (a cancelled one does not count)", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550408, firstName: "Indah" });
    const gone = await book(c);
    await suite.db.update(orders).set({ repairStatus: "cancelled" }).where(eq(orders.id, gone.id));
    await c.send("/status");
    await c.send("lupa kode");
    expect(c.lastMessage().text).toBe("Belum ada booking aktif di chat ini. Ketik /order untuk booking servis.");
    expect(c.lastMessage().keyboard).toEqual([]);
  });

  it("in English", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550409, firstName: "Joe", languageCode: "en" });
    const order = await book(c);
    await c.send("/status");
    expect(buttonTexts(c.lastMessage())).toEqual([["Close"]]);
    await c.send("I forgot my code");
    expect(c.lastMessage().text).toBe(
      `Your open bookings in this chat:\n\n• ${order.bookingCode}: ${formatDateDmy(TOMORROW())}, 09.00 - 11.00 WIB\n  Awaiting payment, Scheduled\n\nTap a code to see its status.`,
    );
    const empty = new TelegramCustomer(suite.tg, { id: 5550410, firstName: "Kim", languageCode: "en" });
    await empty.send("/status");
    await empty.send("hello");
    expect(empty.lastMessage().text).toBe("You have no open bookings in this chat. Send /order to book a repair.");
  });

  it("the Batal button closes the prompt in place; the next message is not read as a code", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550411, firstName: "Lestari" });
    await c.send("/status");
    const prompt = c.lastMessage();
    expect(buttonTexts(prompt)).toEqual([["Batal"]]);
    await c.tap("Batal", prompt);
    const closed = suite.tg.chat(c.chat.id).find((m) => m.messageId === prompt.messageId)!;
    expect(closed.text).toBe("Oke, cek status ditutup. Ketik /help untuk melihat menu.");
    expect(closed.keyboard).toEqual([]);
    expect(await step(c.chat.id)).toBe("idle");
    await c.send("halo");
    expect(c.lastMessage().text).toBe("Ketik /order untuk booking servis, /status untuk cek status, atau /help untuk bantuan.");
  });

  it("any command leaves the prompt: after /help, 'halo' is not taken for a code", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550412, firstName: "Maya" });
    await c.send("/status");
    await c.send("/help");
    expect(await step(c.chat.id)).toBe("idle");
    await c.send("halo");
    expect(c.lastMessage().text).toBe("Ketik /order untuk booking servis, /status untuk cek status, atau /help untuk bantuan.");
  });

  it("another button leaves the prompt: the greeting's Order button starts the wizard", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550413, firstName: "Nanda" });
    await c.send("/help");
    const greeting = c.lastMessage();
    await c.send("/status");
    await c.tap("Order", greeting);
    expect(c.lastMessage().text).toMatch(/^Terimakasih, telah memilih layanan kami/);
    expect(await step(c.chat.id)).toBe("intro");
  });

  it("a code is still read at the prompt, with words around it too", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550414, firstName: "Oka" });
    const order = await book(c);
    await c.send("/status");
    await c.send(`kode saya ${order.bookingCode}`);
    expect(c.lastMessage().text).toMatch(/^Data Order/);
  });
});
