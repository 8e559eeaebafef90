import { eq } from "drizzle-orm";
import { saveShopSettings } from "@/db/queries/settings";
import { auditLog, closedDates, conversations, orders, outbox, slots } from "@/db/schema";
import { addDays, formatDateDmy, formatDateLong, todayInJakarta, weekdayOf } from "@/lib/booking/calendar";
import { encodeButton } from "@/lib/bot/callback-data";
import { answerPhone } from "@/tests/support/bot-flows";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { bookOrder, readOrder } from "@/tests/support/payment-fixtures";
import { buttonTexts, postUpdate, TelegramCustomer } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/** Issue 13, "what the customer can change": moving a booking from /status, under the booking rules. */
const suite = registerSuiteDatabase({ bot: true, poolMax: 20 });
const db = () => suite.db;
const TODAY = () => todayInJakarta();
const answers = () => suite.tg.callsOf("answerCallbackQuery").map((c) => c.params.text);
const readConversation = async (chatId: number) => (await db().select().from(conversations).where(eq(conversations.chatId, chatId)))[0];

/** The customer's booking (made the bot's way) for the day after tomorrow, 09.00, and its status with the buttons. */
async function bookingWithStatus(c: TelegramCustomer, options: Parameters<typeof bookOrder>[1] = {}) {
  const order = await bookOrder(db(), { chatId: c.chat.id, ...options });
  await c.send(`/status ${order.bookingCode}`);
  return order;
}

describe("Ubah jadwal from /status", () => {
  it("moves the booking by a date button, a slot and a confirm; the customer and the audit hear of it, in the chat's words", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5551301, firstName: "Rina" });
    const order = await bookingWithStatus(c);
    expect(buttonTexts(c.lastMessage())).toContainEqual(["Ubah jadwal"]);
    await c.tap("Ubah jadwal");
    const menu = c.lastMessage();
    expect(menu.text).toBe(
      `Ubah jadwal booking ${order.bookingCode}\nJadwal sekarang: ${formatDateLong(order.serviceDate, "id")}, 09.00 - 11.00 WIB\n\n` +
        `Pilih tanggal baru, atau ketik tanggalnya (contoh: 01/10/2022; bisa ${formatDateDmy(TODAY())} s.d. ${formatDateDmy(addDays(TODAY(), 30))}):`,
    );
    const to = addDays(TODAY(), 3);
    await c.tap(new RegExp(formatDateDmy(to).slice(0, 5)), menu);
    expect(c.lastMessage().text).toMatch(/Silakan pilih jam servis:$/);
    await c.tap(/15\.00 - 17\.00 WIB/);
    expect(c.lastMessage().text).toBe(
      `Pindahkan booking ${order.bookingCode}?\n\nDari: ${formatDateLong(order.serviceDate, "id")}, 09.00 - 11.00 WIB\nKe: ${formatDateLong(to, "id")}, 15.00 - 17.00 WIB`,
    );
    await c.tap("Ya, ubah jadwal");
    const moved = await readOrder(db(), order.id);
    expect(moved).toMatchObject({ serviceDate: to, slotLabel: "15.00 - 17.00 WIB", paymentStatus: "unpaid" });
    const texts = c.botMessages().map((m) => m.text);
    expect(texts).toContain(`✅ Jadwal booking ${order.bookingCode} sudah diubah ke ${formatDateLong(to, "id")}, 15.00 - 17.00 WIB.`);
    expect(texts.some((t) => t.startsWith("📅 Jadwal servis Anda diubah.") && t.includes(`Jadwal: ${formatDateDmy(to)}, 15.00 - 17.00 WIB`))).toBe(true);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, "order.rescheduled"));
    expect(audit).toMatchObject({ actor: `customer:${c.chat.id}`, before: { serviceDate: order.serviceDate }, after: { serviceDate: to } });
  });

  it("takes a typed date like the wizard, and says why a closed weekday, a closed date or a date past the horizon cannot be chosen", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5551302, firstName: "Joko" });
    const shut = addDays(TODAY(), 5);
    const holiday = addDays(TODAY(), 6);
    await saveShopSettings(db(), { closedWeekdays: [weekdayOf(shut)] });
    await db().insert(closedDates).values({ date: holiday, reason: "Lebaran" });
    const order = await bookingWithStatus(c);
    await c.tap("Ubah jadwal");
    await c.send(formatDateDmy(shut));
    expect(c.lastMessage().text).toBe(`Maaf, toko tutup pada tanggal ${formatDateDmy(shut)}.\nKetik tanggal lain, contoh: 01/10/2022.`);
    await c.send(formatDateDmy(holiday));
    expect(c.lastMessage().text).toContain("(Lebaran)");
    await c.send(formatDateDmy(addDays(TODAY(), 31)));
    expect(c.lastMessage().text).toMatch(/^Booking hanya bisa sampai 30 hari ke depan/);
    await postUpdate(c.stickerUpdate());
    expect(c.lastMessage().text).toBe("Maaf, saya hanya bisa membaca pesan teks.\nKetik tanggal lain, contoh: 01/10/2022.");
    expect(await readOrder(db(), order.id)).toMatchObject({ serviceDate: order.serviceDate });
    await c.send(formatDateDmy(addDays(TODAY(), 4)));
    expect(c.lastMessage().text).toMatch(/Silakan pilih jam servis:$/);
  });

  it("into a slot that filled meanwhile: told it is full, offered the slots left, nothing moved", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5551303, firstName: "Tono" });
    const order = await bookingWithStatus(c);
    const to = addDays(TODAY(), 3);
    await c.tap("Ubah jadwal");
    await c.send(formatDateDmy(to));
    await c.tap(/12\.00 - 14\.00 WIB/);
    await bookOrder(db(), { serviceDate: to, slotIndex: 1, chatId: 77 });
    await bookOrder(db(), { serviceDate: to, slotIndex: 1, chatId: 78 });
    await c.tap("Ya, ubah jadwal");
    expect(c.lastMessage().text).toMatch(/^Maaf, jam 12\.00 - 14\.00 WIB baru saja penuh\. Silakan pilih jam lain\./);
    expect(buttonTexts(c.lastMessage()).flat().some((b) => b.includes("12.00"))).toBe(false);
    expect(await readOrder(db(), order.id)).toMatchObject({ serviceDate: order.serviceDate, slotId: order.slotId });
  });

  it("inside the cutoff: no button under the status, and a tap on an old one is refused with the hours", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5551304, firstName: "Ani" });
    const order = await bookingWithStatus(c);
    const oldStatus = c.lastMessage();
    await saveShopSettings(db(), { rescheduleCutoffHours: 24 * 4 });
    await c.send(`/status ${order.bookingCode}`);
    expect(buttonTexts(c.lastMessage()).flat()).not.toContain("Ubah jadwal");
    const before = await snapshotTables(db(), { except: ["processed_updates", "conversations"] });
    await c.tap("Ubah jadwal", oldStatus);
    expect(c.lastMessage().text).toBe(`Maaf, jadwal booking ${order.bookingCode} hanya bisa diubah sampai 96 jam sebelum jadwalnya. Silakan hubungi toko.`);
    expect(await snapshotTables(db(), { except: ["processed_updates", "conversations"] })).toEqual(before);
  });

  it("a crafted button with another chat's booking code is refused, and that booking stays", async () => {
    const owner = new TelegramCustomer(suite.tg, { id: 5551305, firstName: "Budi" });
    const theirs = await bookOrder(db(), { chatId: owner.chat.id });
    const intruder = new TelegramCustomer(suite.tg, { id: 5551306, firstName: "Eve" });
    await intruder.send("/help");
    const data = encodeButton({ scope: "order", op: "reschedule", bookingCode: theirs.bookingCode });
    await postUpdate(intruder.callbackUpdate(intruder.lastMessage(), data));
    expect(answers().at(-1)).toBe(`Kode booking ${theirs.bookingCode} tidak ditemukan di chat ini. Periksa kembali kode Anda.`);
    expect((await readConversation(intruder.chat.id))?.step ?? "idle").toBe("idle");
    expect(await readOrder(db(), theirs.id)).toEqual(theirs);
  });

  it("a double tap of the confirm, and a replayed update, move it once; the second tap is told it is done", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5551307, firstName: "Dedi" });
    const order = await bookingWithStatus(c);
    await c.tap("Ubah jadwal");
    await c.send(formatDateDmy(addDays(TODAY(), 4)));
    await c.tap(/18\.00 - 20\.00 WIB/);
    const confirm = c.tapUpdate("Ya, ubah jadwal");
    const again = c.tapUpdate("Ya, ubah jadwal");
    await postUpdate(confirm);
    await postUpdate(confirm);
    await postUpdate(again);
    expect(answers().at(-1)).toBe(`Jadwal booking ${order.bookingCode} sudah diubah.`);
    const moved = await readOrder(db(), order.id);
    expect(moved).toMatchObject({ serviceDate: addDays(TODAY(), 4), version: order.version + 1 });
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "order.rescheduled"))).toHaveLength(1);
    expect((await db().select().from(outbox)).filter((row) => row.dedupeKey.includes(":rescheduled"))).toHaveLength(1);
  });

  it("/cancel stops the flow and the booking keeps its time; a paid booking can be moved and stays paid", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5551308, firstName: "Lina" });
    const order = await bookingWithStatus(c);
    await c.tap("Ubah jadwal");
    await c.send("/cancel");
    expect(c.lastMessage().text).toBe(`Ubah jadwal dibatalkan; jadwal booking ${order.bookingCode} tidak berubah.`);
    await db().update(orders).set({ paymentStatus: "paid", holdExpiresAt: null }).where(eq(orders.id, order.id));
    await c.send(`/status ${order.bookingCode}`);
    await c.tap("Ubah jadwal");
    await c.send(formatDateDmy(addDays(TODAY(), 3)));
    await c.tap(/09\.00 - 11\.00 WIB/);
    await c.tap("Ya, ubah jadwal");
    expect(await readOrder(db(), order.id)).toMatchObject({ serviceDate: addDays(TODAY(), 3), paymentStatus: "paid", holdExpiresAt: null });
  });

  it("many chats confirming a move into the same last place at once: exactly one gets it", async () => {
    const target = addDays(TODAY(), 2);
    await bookOrder(db(), { serviceDate: target, slotIndex: 3, chatId: 1 });
    const customers = Array.from({ length: 8 }, (_, i) => new TelegramCustomer(suite.tg, { id: 5551400 + i, firstName: `C${i}` }));
    for (const [i, c] of customers.entries()) {
      await bookingWithStatus(c, { serviceDate: addDays(TODAY(), 3 + Math.floor(i / 2)), slotIndex: i % 2 });
      await c.tap("Ubah jadwal");
      await c.send(formatDateDmy(target));
      await c.tap(/18\.00 - 20\.00 WIB/);
    }
    const taps = customers.map((c) => c.tapUpdate("Ya, ubah jadwal"));
    await Promise.all(taps.map((update) => postUpdate(update)));
    const live = (await db().select().from(orders).where(eq(orders.serviceDate, target))).filter((o) => o.repairStatus !== "cancelled");
    const [lastSlot] = await db().select().from(slots).where(eq(slots.label, "18.00 - 20.00 WIB"));
    expect(live.filter((o) => o.slotId === lastSlot!.id)).toHaveLength(2);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "order.rescheduled"))).toHaveLength(1);
  });
});

describe("a paid booking the customer cannot cancel", () => {
  it("is shown with the shop's WhatsApp link, and the cancel refusal says it too", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5551309, firstName: "Putu" });
    await saveShopSettings(db(), { phone: "+6281234567890" });
    const order = await bookingWithStatus(c);
    const status = c.lastMessage();
    await db().update(orders).set({ paymentStatus: "paid", holdExpiresAt: null }).where(eq(orders.id, order.id));
    await c.tap("Batalkan booking", status);
    const contact = `Booking ${order.bookingCode} sudah dibayar, jadi pembatalan dan pengembalian dana diurus oleh toko. Hubungi toko lewat WhatsApp: https://wa.me/6281234567890 (telepon +62 812-3456-7890).`;
    expect(c.lastMessage().text).toBe(contact);
    await c.send(`/status ${order.bookingCode}`);
    expect(c.lastMessage().text.endsWith(`\n\n${contact}`)).toBe(true);
    expect((await readOrder(db(), order.id)).repairStatus).toBe("booked");
  });
});

describe("/bahasa", () => {
  it("switches to English, remembered: later messages, open orders and their notices are in English; /language switches back", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5551310, firstName: "Made" });
    const open = await bookOrder(db(), { chatId: c.chat.id });
    const done = await bookOrder(db(), { chatId: c.chat.id, slotIndex: 1 });
    await db().update(orders).set({ repairStatus: "completed", paymentStatus: "paid" }).where(eq(orders.id, done.id));
    await c.send("/bahasa");
    expect(c.lastMessage().text).toBe("Pilih bahasa / Choose your language:");
    expect(buttonTexts(c.lastMessage())).toEqual([["🇮🇩 Bahasa Indonesia", "🇬🇧 English"]]);
    await c.tap("🇬🇧 English");
    expect(c.lastMessage().text).toBe("Language set to English. Send /help to see the menu.");
    await c.send("/help");
    expect(c.lastMessage().text).toMatch(/^Hello Made! Welcome to Jiot Gadget Solution\./);
    await c.send("/order");
    expect(c.lastMessage().text).toMatch(/^You still have a booking waiting for payment:[\s\S]*Thank you for choosing/);
    expect((await readConversation(c.chat.id))?.language).toBe("en");
    expect((await readOrder(db(), open.id)).language).toBe("en");
    expect((await readOrder(db(), done.id)).language).toBe("id");
    await c.send(`/status ${open.bookingCode}`);
    await c.tap("Change schedule");
    await c.send(formatDateDmy(addDays(TODAY(), 4)));
    await c.tap(/At 12\.00 - 14\.00 WIB/);
    await c.tap("Yes, change it");
    expect(c.botMessages().some((m) => m.text.startsWith("📅 Your appointment has been moved."))).toBe(true);
    await c.send("/language id");
    expect(c.lastMessage().text).toBe("Bahasa diganti ke Bahasa Indonesia. Ketik /help untuk melihat menu.");
    await c.send("/help");
    expect(c.lastMessage().text).toMatch(/^Halo Made!/);
  });

  it("the button under /help switches too, and a booking made after it is stored in English", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5551311, firstName: "Nyoman" });
    await c.send("/help");
    await c.tap("🇬🇧 English");
    await c.send("/order");
    await c.tap("Booking");
    await c.send(formatDateDmy(addDays(TODAY(), 1)));
    await c.tap("iPhone X");
    await c.tap(/09\.00 - 11\.00 WIB/);
    await c.tap("Battery");
    await answerPhone(c);
    await c.tap("Skip");
    await c.tap("GoPay");
    await c.tap("Book Now");
    const [order] = await db().select().from(orders).where(eq(orders.chatId, c.chat.id));
    expect(order?.language).toBe("en");
    expect(c.botMessages().some((m) => m.text.startsWith("✅ Your booking is confirmed!"))).toBe(true);
  });
});
