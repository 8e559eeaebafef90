import { eq } from "drizzle-orm";
import { closedDates, conversations, orders, processedUpdates, slots } from "@/db/schema";
import { addDays, formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import { createBooking } from "@/lib/booking/create-booking";
import { TOMORROW, walkWizard } from "@/tests/support/bot-flows";
import { buttonTexts, nextUpdateId, postUpdate, TelegramCustomer } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ bot: true });

const customer = () => new TelegramCustomer(suite.tg, { id: 5550002, firstName: "Siti", languageCode: "id" });

async function step(chatId: number): Promise<string | undefined> {
  const [row] = await suite.db.select().from(conversations).where(eq(conversations.chatId, chatId));
  return row?.step;
}

// Issue 17: a wrong date is answered with a short line (its reason, "type another date"); the date prompt
// just above keeps its buttons, rather than the whole question coming again with every mistake.
describe("a wrong date gets its reason and a short request for another date", () => {
  const today = todayInJakarta();
  const cases: [string, () => Promise<string>, RegExp][] = [
    ["letters", async () => "besok pagi", /"besok pagi" bukan tanggal yang bisa dibaca\. Tulis dengan format dd\/mm\/yyyy/],
    ["31 February", async () => `31/02/${Number(today.slice(0, 4)) + 1}`, /Tanggal 31\/02\/\d{4} tidak ada di kalender\./],
    ["a past date", async () => formatDateDmy(addDays(today, -1)), /sudah lewat\./],
    ["beyond the horizon", async () => formatDateDmy(addDays(today, 31)), /Booking hanya bisa sampai 30 hari ke depan \(paling lambat /],
    [
      "a closed day",
      async () => {
        await suite.db.insert(closedDates).values({ date: addDays(today, 3), reason: "Libur Nasional" });
        return formatDateDmy(addDays(today, 3));
      },
      /toko tutup pada tanggal .* \(Libur Nasional\)\./,
    ],
    [
      "a fully booked day",
      async () => {
        const date = addDays(today, 4);
        const all = await suite.db.select().from(slots);
        for (const slot of all) {
          // One chat per place: a chat may hold only 2 unpaid bookings.
          for (const seat of [1, 2]) {
            await createBooking(suite.db, { chatId: slot.id * 10 + seat, customerName: "x", deviceId: 10, partId: 1, slotId: slot.id, serviceDate: date, paymentMethod: "gopay" });
          }
        }
        return formatDateDmy(date);
      },
      /semua jam pada tanggal .* sudah penuh\./,
    ],
  ];
  it.each(cases)("%s", async (name, input, reason) => {
    const c = customer();
    await walkWizard(c, "date");
    const prompt = c.lastMessage();
    const typed = await input();
    expect((await c.send(typed)).status).toBe(200);
    const answer = c.lastMessage();
    expect(answer.text).toMatch(reason);
    expect(answer.text).toMatch(/\nKetik tanggal lain, contoh: 01\/10\/2022\.$/);
    expect(answer.text).not.toContain("Silakan masukan tanggal book");
    // A full day's answer offers its waitlist (issue 16); other wrong dates have no button.
    expect(buttonTexts(answer)).toEqual(name === "a fully booked day" ? [["🔔 Kabari saya"]] : []);
    expect(buttonTexts(suite.tg.chat(c.chat.id).find((m) => m.messageId === prompt.messageId)!)).toEqual([["‹ Kembali", "Cancel"]]);
    expect(await step(c.chat.id)).toBe("date");
    // And a good date still moves on.
    await c.send(formatDateDmy(TOMORROW()));
    expect(c.lastMessage().text).toContain("Silakan pilih device Anda:");
  });
});

// Issue 17: "/cancel" stops the form only; it says so, and where a booking itself is cancelled.
const FORM_CANCELLED =
  "Pengisian dibatalkan. Booking yang sudah dibuat tidak berubah; untuk membatalkan booking, ketik /status lalu kode bookingnya. Ketik /order untuk mulai lagi.";

describe("input the wizard does not expect", () => {
  it("free text where a button is expected gets a short pointer to the buttons above, not a second keyboard", async () => {
    const c = customer();
    await walkWizard(c, "slot");
    const before = c.lastMessage();
    await c.send("jam 9 aja");
    await c.send("yang pagi");
    const replies = c.botMessages().slice(-2);
    for (const reply of replies) {
      expect(reply.text).toBe("Silakan pilih dengan tombol pada pesan di atas.");
      expect(reply.keyboard).toEqual([]);
    }
    // The menu above keeps its buttons, and they still work.
    expect(suite.tg.chat(c.chat.id).find((m) => m.messageId === before.messageId)!.keyboard.flat().map((b) => b.text)).toContain("Pukul : 09.00 - 11.00 WIB (sisa 2)");
    await c.tap(/09\.00/, before);
    expect(suite.tg.chat(c.chat.id).find((m) => m.messageId === before.messageId)!.text).toBe("Silakan pilih spare part untuk iPhone X:");
  });

  it("a sticker or a photo is answered with 'text only' and a pointer to the open step's buttons", async () => {
    const c = customer();
    await walkWizard(c, "device");
    expect((await postUpdate(c.stickerUpdate())).status).toBe(200);
    expect(c.lastMessage().text).toBe("Maaf, saya hanya bisa membaca pesan teks.\nSilakan pilih dengan tombol pada pesan di atas.");
    expect(c.lastMessage().keyboard).toEqual([]);
    expect((await postUpdate(c.photoUpdate())).status).toBe(200);
    expect(c.lastMessage().text).toMatch(/^Maaf, saya hanya bisa membaca pesan teks\./);
    expect(await step(c.chat.id)).toBe("device");
    const idle = new TelegramCustomer(suite.tg, { id: 5550003, firstName: "Ani" });
    await postUpdate(idle.stickerUpdate());
    expect(idle.lastMessage().text).toMatch(/^Maaf, saya hanya bisa membaca pesan teks\.\n\nKetik \/order/);
  });

  it("a stale button from an older menu says the menu expired and shows the current step", async () => {
    const c = customer();
    await c.send("/order");
    const oldIntro = c.lastMessage();
    const staleTap = c.tapUpdate("Booking", oldIntro);
    await c.send("/order"); // a second menu replaces the first
    const current = c.lastMessage();
    expect((await postUpdate(staleTap)).status).toBe(200);
    const answer = suite.tg.callsOf("answerCallbackQuery").at(-1)!;
    expect(answer.params.text).toBe("Menu ini sudah kedaluwarsa.");
    const shown = c.lastMessage();
    expect(shown.messageId).not.toBe(current.messageId);
    expect(shown.text).toMatch(/^Menu ini sudah kedaluwarsa\.\n\nTerimakasih, telah memilih layanan kami/);
    expect(await step(c.chat.id)).toBe("intro");
  });

  it("a double tap on a device shows the current step in place instead of choosing twice", async () => {
    const c = customer();
    await walkWizard(c, "device");
    const devices = c.lastMessage();
    const first = c.tapUpdate("iPhone X", devices);
    const second = c.tapUpdate("iPhone 11", devices);
    await postUpdate(first);
    await postUpdate(second);
    expect(c.lastMessage().messageId).toBe(devices.messageId);
    expect(c.lastMessage().text).toContain("Device: iPhone X");
    expect(await step(c.chat.id)).toBe("slot");
  });

  it("/cancel leaves the wizard from any step, and says so when there is nothing to leave", async () => {
    const c = customer();
    await walkWizard(c, "payment");
    const menu = c.lastMessage();
    await c.send("/cancel");
    expect(c.lastMessage().text).toBe(FORM_CANCELLED);
    expect(suite.tg.chat(c.chat.id).find((m) => m.messageId === menu.messageId)!.keyboard).toEqual([]);
    expect(await step(c.chat.id)).toBe("idle");
    await c.send("/cancel");
    expect(c.lastMessage().text).toBe("Tidak ada proses yang sedang berjalan. Ketik /order untuk booking servis.");
  });

  it("the Cancel button ends the wizard in place", async () => {
    const c = customer();
    await walkWizard(c, "summary");
    const summary = c.lastMessage();
    await c.tap("Cancel");
    expect(c.lastMessage().messageId).toBe(summary.messageId);
    expect(c.lastMessage().text).toBe(FORM_CANCELLED);
    expect(c.lastMessage().keyboard).toEqual([]);
    expect(await suite.db.select().from(orders)).toEqual([]);
  });

  it("an unknown command lists the menus and leaves the wizard where it was", async () => {
    const c = customer();
    await walkWizard(c, "date");
    await c.send("/foo");
    expect(c.lastMessage().text).toBe("Perintah tidak dikenal. Menu yang tersedia: /help /order /catalog /status");
    expect(await step(c.chat.id)).toBe("date");
  });

  it("a callback with garbage data is answered and its buttons removed, nothing else", async () => {
    const c = customer();
    await c.send("/help");
    const help = c.lastMessage();
    for (const data of ["", "x", "w:zzz:dv:abc", "o:cx:123", "w:ab:pm:cash", "m:order:extra", "a".repeat(64), "w:toolongnonce123:bg"]) {
      const before = suite.tg.calls.length;
      expect((await postUpdate(c.callbackUpdate(help, data))).status).toBe(200);
      const answers = suite.tg.calls.slice(before).filter((call) => call.method === "answerCallbackQuery");
      expect(answers).toHaveLength(1);
      expect(suite.tg.calls.slice(before).filter((call) => call.method === "sendMessage")).toEqual([]);
    }
    expect(await step(c.chat.id)).toBeUndefined();
  });

  it("an edited message, or an update of a kind we do not handle, is ignored with 200", async () => {
    const c = customer();
    const updates = [
      { update_id: nextUpdateId(), edited_message: { message_id: 5, date: 1, edit_date: 2, from: c.from, chat: { id: c.chat.id, type: "private" }, text: "01/12/2026" } },
      { update_id: nextUpdateId(), my_chat_member: { chat: { id: c.chat.id, type: "private" }, from: c.from, date: 1, old_chat_member: {}, new_chat_member: {} } },
      { update_id: nextUpdateId(), channel_post: { message_id: 1, date: 1, chat: { id: -100123, type: "channel", title: "news" }, text: "/order" } },
    ];
    for (const update of updates) expect((await postUpdate(update)).status).toBe(200);
    expect(suite.tg.calls).toEqual([]);
    expect(await suite.db.select().from(processedUpdates)).toEqual([]);
  });

  it("in a group chat a command gets a pointer to the private chat and other messages are ignored", async () => {
    const member = new TelegramCustomer(suite.tg, { id: 5550004, firstName: "Rudi" }, { id: -100777, type: "supergroup", title: "Komunitas iPhone" });
    await member.send("/order@JiotTestBot");
    expect(suite.tg.lastBotMessage(-100777)!.text).toBe("Silakan chat saya secara pribadi untuk booking: https://t.me/JiotTestBot");
    const before = suite.tg.calls.length;
    await member.send("halo semua");
    await member.send("/help@SomeOtherBot");
    expect(suite.tg.calls.length).toBe(before);
    expect(await suite.db.select().from(conversations)).toEqual([]);
  });
});
