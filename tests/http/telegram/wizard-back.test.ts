import { eq } from "drizzle-orm";
import { conversations, orders } from "@/db/schema";
import { addDays, formatDateDmy, formatDateLong } from "@/lib/booking/calendar";
import { TOMORROW, walkWizard } from "@/tests/support/bot-flows";
import { buttonTexts, postUpdate, TelegramCustomer } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/** Issue 17: no way back in the wizard, and a wrong input re-sent the whole step with its keyboard. */
const suite = registerSuiteDatabase({ bot: true });

const inChat = (c: TelegramCustomer, messageId: number) => suite.tg.chat(c.chat.id).find((m) => m.messageId === messageId)!;
const lastRow = (c: TelegramCustomer, messageId: number) => buttonTexts(inChat(c, messageId)).at(-1);

describe("‹ Kembali", () => {
  it("walks back step by step in the same message, keeping the answers before each step, and the booking goes on from there", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550501, firstName: "Rani" });
    await walkWizard(c, "payment");
    const menu = c.lastMessage();
    const id = menu.messageId;
    expect(lastRow(c, id)).toEqual(["‹ Kembali", "Cancel"]);

    await c.tap("‹ Kembali", inChat(c, id));
    expect(inChat(c, id).text).toMatch(/^Ceritakan kerusakannya \(opsional\)/);
    // The phone typed earlier is remembered: offered in place, with a way to change it.
    await c.tap("‹ Kembali", inChat(c, id));
    expect(inChat(c, id).text).toBe("Toko akan menghubungi Anda di nomor +6281234567890. Pakai nomor ini?");
    expect(buttonTexts(inChat(c, id))).toEqual([["Pakai +6281234567890"], ["Ganti nomor"], ["‹ Kembali", "Cancel"]]);
    await c.tap("‹ Kembali", inChat(c, id));
    expect(inChat(c, id).text).toBe("Silakan pilih spare part untuk iPhone X:");
    expect(lastRow(c, id)).toEqual(["‹ Kembali", "Cancel"]);
    await c.tap("‹ Kembali", inChat(c, id));
    expect(inChat(c, id).text).toBe(`Tanggal: ${formatDateLong(TOMORROW(), "id")}\nDevice: iPhone X\n\nSilakan pilih jam servis:`);
    await c.tap("‹ Kembali", inChat(c, id));
    expect(inChat(c, id).text).toBe(`Tanggal: ${formatDateLong(TOMORROW(), "id")}\n\nSilakan pilih device Anda:`);

    // A different device from here on; the date is kept.
    await c.tap("iPhone 11", inChat(c, id));
    await c.tap(/12\.00/, inChat(c, id));
    await c.tap(/^Battery/, inChat(c, id));
    await c.tap("Pakai +6281234567890", inChat(c, id));
    await c.tap("Lewati", inChat(c, id));
    await c.tap("GoPay", inChat(c, id));
    expect(inChat(c, id).text).toMatch(new RegExp(`^Ringkasan Booking[\\s\\S]*Tanggal: ${formatDateDmy(TOMORROW())}\\nJam: 12\\.00 - 14\\.00 WIB\\nDevice: iPhone 11\\n`));
    await c.tap("Book Now", inChat(c, id));
    const [order] = await suite.db.select().from(orders).where(eq(orders.chatId, c.chat.id));
    expect(order).toMatchObject({ deviceName: "iPhone 11", slotLabel: "12.00 - 14.00 WIB", serviceDate: TOMORROW() });
  });

  it("from the device back to the date prompt, and from there to the intro; a new date then moves on", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550502, firstName: "Sigit" });
    await walkWizard(c, "device");
    const id = c.lastMessage().messageId;
    await c.tap("‹ Kembali", inChat(c, id));
    expect(inChat(c, id).text).toMatch(/^Silakan masukan tanggal book, contoh: 01\/10\/2022/);
    expect(buttonTexts(inChat(c, id))).toEqual([["‹ Kembali", "Cancel"]]);
    await c.send(formatDateDmy(addDays(TOMORROW(), 1)));
    expect(c.lastMessage().text).toBe(`Tanggal: ${formatDateLong(addDays(TOMORROW(), 1), "id")}\n\nSilakan pilih device Anda:`);
    const devices = c.lastMessage().messageId;
    await c.tap("‹ Kembali", inChat(c, devices));
    await c.tap("‹ Kembali", inChat(c, devices));
    expect(inChat(c, devices).text).toMatch(/^Terimakasih, telah memilih layanan kami/);
    expect(buttonTexts(inChat(c, devices))).toEqual([["Booking", "Cancel"]]);
  });

  it("a double tap on ‹ Kembali goes back once; the second tap is told the menu expired", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550503, firstName: "Tari" });
    await walkWizard(c, "part");
    const menu = c.lastMessage();
    const first = c.tapUpdate("‹ Kembali", menu);
    const second = c.tapUpdate("‹ Kembali", menu);
    await postUpdate(first);
    await postUpdate(second);
    const [row] = await suite.db.select().from(conversations).where(eq(conversations.chatId, c.chat.id));
    expect(row!.step).toBe("slot");
    expect(suite.tg.callsOf("answerCallbackQuery").at(-1)!.params.text).toBe("Menu ini sudah kedaluwarsa.");
  });

  it("a ‹ Kembali from an older menu is stale, like any of its buttons", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550504, firstName: "Umar" });
    await walkWizard(c, "device");
    const old = c.lastMessage();
    const staleBack = c.tapUpdate("‹ Kembali", old);
    await c.send("/order");
    await postUpdate(staleBack);
    expect(suite.tg.callsOf("answerCallbackQuery").at(-1)!.params.text).toBe("Menu ini sudah kedaluwarsa.");
    const [row] = await suite.db.select().from(conversations).where(eq(conversations.chatId, c.chat.id));
    expect(row!.step).toBe("intro");
  });

  it("in English it reads '‹ Back'; every button's callback_data stays within Telegram's 64 bytes", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550505, firstName: "Vic", languageCode: "en" });
    await walkWizard(c, "payment");
    expect(buttonTexts(c.lastMessage()).at(-1)).toEqual(["‹ Back", "Cancel"]);
    const sent = [...suite.tg.callsOf("sendMessage"), ...suite.tg.callsOf("editMessageText")];
    const data = sent.flatMap((call) => ((call.params.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? []).flat());
    expect(data.length).toBeGreaterThan(20);
    for (const button of data) expect(Buffer.byteLength(button.callback_data ?? "")).toBeLessThanOrEqual(64);
  });
});

describe("a wrong input is answered briefly", () => {
  it("three wrong inputs at the device step send three short lines and no keyboard", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550506, firstName: "Wati" });
    await walkWizard(c, "device");
    const before = suite.tg.callsOf("sendMessage").length;
    for (const text of ["iphone x", "yang x", "x"]) await c.send(text);
    const replies = suite.tg.callsOf("sendMessage").slice(before);
    expect(replies.map((r) => r.params.text)).toEqual(Array(3).fill("Silakan pilih dengan tombol pada pesan di atas."));
    for (const reply of replies) expect(reply.params.reply_markup).toBeUndefined();
  });

  it("a bad date typed twice gets two short lines in English too", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550507, firstName: "Xena", languageCode: "en" });
    await walkWizard(c, "date");
    await c.send("tomorrow");
    expect(c.lastMessage().text).toBe('"tomorrow" is not a date I can read. Please write it as dd/mm/yyyy, e.g. 01/10/2022.\nType another date, e.g. 01/10/2022.');
    expect(c.lastMessage().keyboard).toEqual([]);
  });
});
