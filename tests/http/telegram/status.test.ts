import { eq } from "drizzle-orm";
import { orders, rateLimits } from "@/db/schema";
import { getSlotAvailability } from "@/lib/booking/availability";
import { TOMORROW, walkWizard } from "@/tests/support/bot-flows";
import { buttonTexts, TelegramCustomer, TEST_APP_URL } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ bot: true });

async function bookFor(c: TelegramCustomer) {
  await walkWizard(c, "summary");
  await c.tap("Book Now");
  const [order] = await suite.db.select().from(orders).where(eq(orders.chatId, c.chat.id));
  return order!;
}

describe("/status", () => {
  it("asks for the code, then answers with the order summary, the status link and a cancel button", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550030, firstName: "Joko" });
    const order = await bookFor(c);
    await c.send("/status");
    expect(c.lastMessage().text).toBe("Silakan masukan kode booking Anda (8 angka), contoh: 62473383");
    expect(buttonTexts(c.lastMessage())).toEqual([["Batal"]]);
    await c.send(order.bookingCode);
    const answer = c.lastMessage();
    const url = `${TEST_APP_URL}/orders/${order.statusToken}`;
    expect(answer.text).toContain("Data Order");
    expect(answer.text).toContain(`Kode booking: ${order.bookingCode}`);
    expect(answer.text).toContain("Total: Rp70.000");
    expect(answer.text).toContain("Status pembayaran: Menunggu pembayaran");
    // The status page's words (issue 17: one vocabulary in the chat, the notifications and the page).
    expect(answer.text).toContain("Status perbaikan: Terjadwal");
    expect(answer.text).toContain(`Halaman status: ${url}`);
    expect(answer.keyboard).toEqual([
      [{ text: "Buka halaman status", url }],
      [{ text: "Ubah jadwal", callback_data: `o:rs:${order.bookingCode}` }],
      [{ text: "Batalkan booking", callback_data: `o:cx:${order.bookingCode}` }],
    ]);
  });

  it("takes the code on the command line and offers no cancel button once paid", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550031, firstName: "Kiki" });
    const order = await bookFor(c);
    await suite.db.update(orders).set({ paymentStatus: "paid" }).where(eq(orders.id, order.id));
    await c.send(`/status ${order.bookingCode}`);
    expect(c.lastMessage().text).toContain("Status pembayaran: Lunas");
    expect(buttonTexts(c.lastMessage())).toEqual([["Buka halaman status"], ["Ubah jadwal"]]);
  });

  it("another chat's code is not found", async () => {
    const owner = new TelegramCustomer(suite.tg, { id: 5550032, firstName: "Lina" });
    const order = await bookFor(owner);
    const other = new TelegramCustomer(suite.tg, { id: 5550033, firstName: "Maman" });
    await other.send(`/status ${order.bookingCode}`);
    expect(other.lastMessage().text).toBe(`Kode booking ${order.bookingCode} tidak ditemukan di chat ini. Periksa kembali kode Anda.`);
    expect(other.lastMessage().keyboard).toEqual([]);
    expect(other.lastMessage().text).not.toContain(order.statusToken);
  });

  it("a number that is not 8 digits is explained and asked again", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550034, firstName: "Nina" });
    await c.send("/status");
    await c.send("1234 567");
    expect(c.lastMessage().text).toBe("Kode booking terdiri dari 8 angka, contoh: 62473383. Silakan coba lagi.");
    await c.send("12345678");
    expect(c.lastMessage().text).toMatch(/^Kode booking 12345678 tidak ditemukan/);
  });

  it("repeated wrong codes are refused for a while, per chat", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550035, firstName: "Oki" });
    for (let i = 0; i < 5; i++) {
      await c.send(`/status ${10_000_000 + i}`);
      expect(c.lastMessage().text).toMatch(/tidak ditemukan/);
    }
    await c.send("/status 10000009");
    expect(c.lastMessage().text).toBe("Terlalu banyak percobaan kode yang salah. Silakan coba lagi dalam 15 menit.");
    const [limit] = await suite.db.select().from(rateLimits).where(eq(rateLimits.key, "status:5550035"));
    expect(limit!.hits).toBe(5);
    const someoneElse = new TelegramCustomer(suite.tg, { id: 5550036, firstName: "Putri" });
    await someoneElse.send("/status 10000009");
    expect(someoneElse.lastMessage().text).toMatch(/tidak ditemukan/);
  });

  it("cancelling an unpaid booking from its status asks first, then frees the slot", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550037, firstName: "Rina" });
    const order = await bookFor(c);
    const taken = async () => (await getSlotAvailability(suite.db, { serviceDate: TOMORROW() })).find((s) => s.id === order.slotId)!.remaining;
    expect(await taken()).toBe(1);
    await c.send(`/status ${order.bookingCode}`);
    const status = c.lastMessage();
    await c.tap("Batalkan booking");
    expect(c.lastMessage().messageId).toBe(status.messageId);
    expect(c.lastMessage().text).toBe(`Batalkan booking ${order.bookingCode}? Jadwal Anda akan dilepas untuk pelanggan lain.`);
    await c.tap("Tidak");
    expect(c.lastMessage().text).toContain("Data Order");
    await c.tap("Batalkan booking");
    await c.tap("Ya, batalkan");
    expect(c.lastMessage().text).toBe(`Booking ${order.bookingCode} telah dibatalkan dan jadwalnya dilepas. Ketik /order untuk booking lagi.`);
    const [row] = await suite.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row!.repairStatus).toBe("cancelled");
    expect(await taken()).toBe(2);
  });

  it("the Status Layanan button under /help asks for the code", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550038, firstName: "Sari" });
    await c.send("/help");
    expect(c.lastMessage().text).toMatch(/^Halo Sari! Selamat datang di Jiot Gadget Solution\./);
    expect(c.lastMessage().text).toContain("/help");
    expect(c.lastMessage().text).toContain("/order");
    expect(c.lastMessage().text).toContain("/catalog");
    expect(c.lastMessage().text).toContain("/status");
    expect(buttonTexts(c.lastMessage())).toEqual([["Order", "Status Layanan"], ["🇬🇧 English"]]);
    await c.tap("Status Layanan");
    expect(c.lastMessage().text).toBe("Silakan masukan kode booking Anda (8 angka), contoh: 62473383");
    expect(buttonTexts(c.lastMessage())).toEqual([["Batal"]]);
    await c.tap("Order");
    expect(c.lastMessage().text).toMatch(/^Terimakasih, telah memilih layanan kami/);
  });
});

describe("/catalog", () => {
  it("lists devices with their parts and prices in Rupiah", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550039, firstName: "Tono" });
    await c.send("/catalog");
    const text = suite.tg.callsOf("sendMessage").map((m) => String(m.params.text)).join("\n");
    expect(text).toMatch(/^Katalog servis Jiot Gadget Solution/);
    expect(text).toContain("📱 iPhone X\n• Battery: Rp70.000\n• LCD: Rp790.000\n• Screen Guard: Rp70.000\n• Back Camera: Rp560.000");
    expect(text).toContain("📱 iPhone 5s\n• Battery: Rp55.000");
    for (const call of suite.tg.callsOf("sendMessage")) expect(String(call.params.text).length).toBeLessThanOrEqual(4096);
  });
});
