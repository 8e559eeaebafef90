import { eq } from "drizzle-orm";
import { POST as PAY } from "@/app/api/orders/[token]/pay/route";
import { saveShopSettings } from "@/db/queries/settings";
import { conversations, orders } from "@/db/schema";
import { expireHolds } from "@/lib/payments/expire-holds";
import { answerPhone, walkWizard } from "@/tests/support/bot-flows";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { buttonTexts, TelegramCustomer } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ bot: true, midtrans: true });

const customer = (id: number, languageCode = "id") => new TelegramCustomer(suite.tg, { id, firstName: "Rudi", lastName: "Hartono", languageCode });
const stepOf = async (chatId: number) => (await suite.db.select().from(conversations).where(eq(conversations.chatId, chatId)))[0]!;
const ordersOf = (chatId: number) => suite.db.select().from(orders).where(eq(orders.chatId, chatId));

describe("the phone step", () => {
  it("takes the customer's own shared contact, remembers it and takes the share keyboard away", async () => {
    const c = customer(5551101);
    await walkWizard(c, "phone");
    expect(suite.tg.replyKeyboard(c.chat.id)).toEqual([[{ text: "Bagikan nomor HP", request_contact: true }]]);
    await c.shareContact("+62 812-1111-2222");
    expect(c.botMessages().at(-2)!.text).toBe("No. HP: +6281211112222 ✓");
    expect(suite.tg.replyKeyboard(c.chat.id)).toBeNull();
    const row = await stepOf(c.chat.id);
    expect(row).toMatchObject({ step: "fault", phone: "+6281211112222" });
  });

  it("refuses someone else's contact card, and a contact with no Telegram account: nothing kept, the question stays", async () => {
    const c = customer(5551102);
    await walkWizard(c, "phone");
    await c.shareContact("6281299998888", { userId: 5559999 });
    expect(c.lastMessage().text).toBe('Maaf, hanya nomor Anda sendiri yang bisa dibagikan. Tekan tombol "Bagikan nomor HP" atau ketik nomor Anda.');
    await c.shareContact("6281299998888", { userId: null });
    expect(c.lastMessage().text).toMatch(/^Maaf, hanya nomor Anda sendiri/);
    expect(suite.tg.replyKeyboard(c.chat.id)).not.toBeNull();
    expect(await stepOf(c.chat.id)).toMatchObject({ step: "phone", phone: null });
  });

  it("takes a typed number in any usual spelling, and answers a wrong one briefly", async () => {
    const c = customer(5551103);
    await walkWizard(c, "phone");
    const asked = suite.tg.callsOf("sendMessage").length;
    for (const wrong of ["021 555 1234", "12345", "halo"]) {
      await c.send(wrong);
      expect(c.lastMessage().text).toBe("Nomor HP tidak valid. Ketik nomor HP Indonesia, contoh: 0812 3456 7890.");
    }
    // Three short lines, no repeated question or keyboard.
    expect(suite.tg.callsOf("sendMessage").slice(asked).map((call) => call.params.reply_markup)).toEqual([undefined, undefined, undefined]);
    expect((await stepOf(c.chat.id)).step).toBe("phone");
    await c.send("62 857-1234-5678");
    expect(await stepOf(c.chat.id)).toMatchObject({ step: "fault", phone: "+6285712345678" });
    expect(suite.tg.callsOf("sendMessage").at(-2)!.params.reply_markup).toEqual({ remove_keyboard: true });
  });

  it("offers the remembered phone at the next booking ('Pakai …'), and 'Ganti nomor' asks for another", async () => {
    const c = customer(5551104);
    await walkWizard(c, "summary", { phone: "0812 7777 6666" });
    await c.tap("Book Now");
    expect((await ordersOf(c.chat.id))[0]!.customerPhone).toBe("+6281277776666");

    await walkWizard(c, "phone");
    expect(c.lastMessage().text).toBe("Toko akan menghubungi Anda di nomor +6281277776666. Pakai nomor ini?");
    expect(buttonTexts(c.lastMessage())).toEqual([["Pakai +6281277776666"], ["Ganti nomor"], ["‹ Kembali", "Cancel"]]);
    await c.tap("Ganti nomor");
    expect(c.lastMessage().text).toMatch(/^Nomor HP Anda, agar toko bisa menghubungi Anda/);
    expect(suite.tg.replyKeyboard(c.chat.id)).toEqual([[{ text: "Bagikan nomor HP", request_contact: true }]]);
    await c.send("0813 1234 0000");
    expect(await stepOf(c.chat.id)).toMatchObject({ step: "fault", phone: "+6281312340000" });

    // Pakai takes the remembered number as it is now.
    await walkWizard(c, "phone");
    await c.tap("Pakai +6281312340000");
    expect((await stepOf(c.chat.id)).data).toMatchObject({ choices: { phone: "+6281312340000" } });
  });

  it("/cancel at the phone question takes the share keyboard away with the wizard", async () => {
    const c = customer(5551105);
    await walkWizard(c, "phone");
    await c.send("/cancel");
    expect(c.lastMessage().text).toMatch(/^Pengisian dibatalkan/);
    expect(suite.tg.replyKeyboard(c.chat.id)).toBeNull();
  });

  it("in English the button reads 'Share phone number'", async () => {
    const c = customer(5551106, "en");
    await walkWizard(c, "phone");
    expect(suite.tg.replyKeyboard(c.chat.id)).toEqual([[{ text: "Share phone number", request_contact: true }]]);
  });
});

describe("orders made at the counter", () => {
  async function counterOrder(phone: string) {
    const order = await bookOrder(suite.db, { paymentMethod: "all", chatId: 1 });
    await suite.db.update(orders).set({ chatId: null, telegramUserId: null, source: "counter", customerPhone: phone }).where(eq(orders.id, order.id));
    return order;
  }

  it("join the chat that shares its own contact with that phone, and the chat is told their codes", async () => {
    const walkIn = await counterOrder("+6281255554444");
    const other = await counterOrder("+6281200000000");
    const c = customer(5551201);
    await walkWizard(c, "phone");
    await c.shareContact("6281255554444");
    expect(c.botMessages().at(-2)!.text).toBe(`No. HP: +6281255554444 ✓\n\nBooking dari toko dengan nomor ini kini terhubung ke chat ini: ${walkIn.bookingCode}.`);
    const [linked] = await suite.db.select().from(orders).where(eq(orders.id, walkIn.id));
    expect(linked).toMatchObject({ chatId: c.chat.id, telegramUserId: c.profile.id, source: "counter" });
    const [untouched] = await suite.db.select().from(orders).where(eq(orders.id, other.id));
    expect(untouched!.chatId).toBeNull();
  });

  it("stay unlinked when the same number is only typed, or shared from someone else's card", async () => {
    const walkIn = await counterOrder("+6281255554444");
    const typed = customer(5551202);
    await walkWizard(typed, "phone");
    await typed.send("0812 5555 4444");
    expect(typed.botMessages().at(-2)!.text).toBe("No. HP: +6281255554444 ✓");
    const forged = customer(5551203);
    await walkWizard(forged, "phone");
    await forged.shareContact("6281255554444", { userId: 5551202 });
    const [row] = await suite.db.select().from(orders).where(eq(orders.id, walkIn.id));
    expect(row).toMatchObject({ chatId: null, telegramUserId: null });
  });
});

describe("the fault step", () => {
  it("refuses a description over 500 characters with its length, keeps nothing, and takes a shorter one", async () => {
    const c = customer(5551301);
    await walkWizard(c, "fault");
    await c.send("a".repeat(501));
    expect(c.lastMessage().text).toBe("Keterangan terlalu panjang (501 karakter, maksimal 500). Silakan ketik lebih singkat.");
    expect((await stepOf(c.chat.id)).data).not.toHaveProperty("choices.faultDescription");
    await c.send("Layar bergaris hijau");
    expect(c.lastMessage().text).toContain("Keluhan: Layar bergaris hijau\nFoto: 0/3");
  });

  it("keeps the largest size of up to 3 photos and politely refuses a 4th; the order carries them", async () => {
    const c = customer(5551302);
    await walkWizard(c, "fault");
    for (const n of [1, 2, 3]) await c.sendPhoto({ fileId: `photo-${n}`, caption: "" });
    const menu = c.lastMessage();
    expect(menu.text).toContain("Foto: 3/3");
    await c.sendPhoto({ fileId: "photo-4", caption: "" });
    expect(c.lastMessage().text).toBe("Maaf, maksimal 3 foto. Tekan Selesai untuk lanjut.");
    await c.tap("Selesai", menu);
    await c.tap("GoPay");
    expect(suite.tg.chat(c.chat.id).find((m) => m.messageId === menu.messageId)!.text).toContain("Foto kerusakan: 3");
    await c.tap("Book Now");
    const [order] = await ordersOf(c.chat.id);
    expect(order!.faultPhotos).toEqual(["photo-1", "photo-2", "photo-3"]);
    expect(order!.faultDescription).toBeNull();
  });

  it("Lewati leaves the order without a description or photos", async () => {
    const c = customer(5551303);
    await walkWizard(c, "summary");
    await c.tap("Book Now");
    expect((await ordersOf(c.chat.id))[0]).toMatchObject({ faultDescription: null, faultPhotos: [] });
  });
});

describe("a diagnosis and paying at the shop", () => {
  it("'Belum tahu / cek dulu' at Rp0 skips the payment step, books at the shop, and never calls Midtrans", async () => {
    const c = customer(5551401);
    await walkWizard(c, "summary", { part: "Belum tahu / cek dulu" });
    const summary = c.lastMessage().text;
    expect(summary).toContain("Total: Rp0\n");
    expect(summary).toContain("Product: Belum tahu / cek dulu\nPembayaran: Bayar di toko");
    await c.tap("Book Now");
    const [order] = await ordersOf(c.chat.id);
    expect(order).toMatchObject({ partId: null, partName: "Belum tahu / cek dulu", amountIdr: 0, paymentMethod: "pay_at_shop", paymentStatus: "unpaid", holdExpiresAt: null });
    expect(c.lastMessage().text).toContain("Tidak ada yang perlu dibayar sekarang");
    expect(suite.midtrans.calls).toEqual([]);

    const response = await PAY(new Request(`http://localhost/api/orders/${order!.statusToken}/pay`, { method: "POST" }), { params: Promise.resolve({ token: order!.statusToken }) });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ reason: "at_shop" });
    expect(suite.midtrans.calls).toEqual([]);
  });

  it("a diagnosis with a fee shows it and asks for a payment method", async () => {
    await saveShopSettings(suite.db, { diagnosisFeeIdr: 50_000 });
    const c = customer(5551402);
    await walkWizard(c, "payment", { part: "Belum tahu / cek dulu - Rp50.000" });
    expect(c.lastMessage().text).toBe("Silakan pilih metode pembayaran:");
    await c.tap("GoPay");
    await c.tap("Book Now");
    expect((await ordersOf(c.chat.id))[0]).toMatchObject({ partId: null, amountIdr: 50_000, paymentMethod: "gopay" });
  });

  it("'Bayar di toko' is offered only when the shop allows it; a forged tap is refused", async () => {
    const c = customer(5551403);
    await walkWizard(c, "payment");
    expect(buttonTexts(c.lastMessage()).flat()).not.toContain("Bayar di toko");
    const menu = c.lastMessage();
    const gopay = c.findButton("GoPay", menu).button.callback_data!;
    await c.tap("Bayar di toko", { ...menu, keyboard: [[{ text: "Bayar di toko", callback_data: gopay.replace("pm:gopay", "pm:pay_at_shop") }]] });
    expect(c.lastMessage().text).toMatch(/^Pilihan itu sudah tidak tersedia/);
    expect((await stepOf(c.chat.id)).step).toBe("payment");
  });

  it("a pay-at-shop booking keeps its place: no hold, never expired by the sweep", async () => {
    await saveShopSettings(suite.db, { payAtShopAllowed: true });
    const c = customer(5551404);
    await walkWizard(c, "summary", { method: "Bayar di toko" });
    await c.tap("Book Now");
    const [order] = await ordersOf(c.chat.id);
    expect(order).toMatchObject({ paymentMethod: "pay_at_shop", amountIdr: 70_000, holdExpiresAt: null, paymentStatus: "unpaid" });
    expect(c.lastMessage().text).toContain("Bayar Rp70.000 di kasir toko saat Anda datang.");
    expect(c.lastMessage().text).not.toMatch(/dibatalkan otomatis/);
    expect(suite.midtrans.calls).toEqual([]);

    await expireHolds({ now: new Date(Date.now() + 30 * 86_400_000), limit: 100 });
    expect((await ordersOf(c.chat.id))[0]).toMatchObject({ paymentStatus: "unpaid", repairStatus: "booked" });
  });

  it("sends the customer's phone and name to Midtrans with a VA charge", async () => {
    const c = customer(5551405);
    await walkWizard(c, "summary", { method: "BCA Virtual Account", phone: "0812-4444-3333" });
    await c.tap("Book Now");
    const [charge] = suite.midtrans.callsTo("POST", "/v2/charge");
    expect((charge!.body as { customer_details: unknown }).customer_details).toEqual({ first_name: "Rudi Hartono", phone: "+6281244443333" });
  });
});

describe("remembered phone across languages", () => {
  it("answerPhone taps 'Use …' in English", async () => {
    const c = customer(5551501, "en");
    await walkWizard(c, "fault", { phone: "0812 1212 3434" });
    await c.send("/cancel");
    await walkWizard(c, "phone");
    expect(buttonTexts(c.lastMessage())[0]).toEqual(["Use +6281212123434"]);
    await answerPhone(c);
    expect((await stepOf(c.chat.id)).step).toBe("fault");
  });
});
