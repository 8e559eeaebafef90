import { SEED_SETTINGS } from "@/db/seed";
import { eq } from "drizzle-orm";
import { drafts, orders } from "@/db/schema";
import { formatDateDmy } from "@/lib/booking/calendar";
import { answerPhone, TOMORROW } from "@/tests/support/bot-flows";
import { buttonTexts, TelegramCustomer, TEST_APP_URL } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ bot: true });

describe("the same flow in English", () => {
  it("speaks English to a customer whose Telegram is in English, and books the order in English", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550060, firstName: "Wayan", username: "wayan", languageCode: "en-US" });
    await c.send("/start");
    expect(c.lastMessage().text).toMatch(/^Hello Wayan! Welcome to Jiot Gadget Solution\.\n\nPlease choose a menu:\n\/help/);
    expect(buttonTexts(c.lastMessage())).toEqual([["Order", "Service status"], ["🇮🇩 Bahasa Indonesia"]]);
    await c.tap("Order");
    expect(c.lastMessage().text).toMatch(/^Thank you for choosing Jiot Gadget Solution\./);
    await c.tap("Booking");
    expect(c.lastMessage().text).toMatch(/^Please enter the booking date, e\.g\. 01\/10\/2022/);
    await c.send("31/02/2031");
    expect(c.lastMessage().text).toBe("31/02/2031 is not a date in the calendar.\nType another date, e.g. 01/10/2022.");
    await c.send(formatDateDmy(TOMORROW()));
    expect(c.lastMessage().text).toContain("Please choose your device:");
    await c.tap("iPhone X");
    expect(buttonTexts(c.lastMessage())[0]).toEqual(["At 09.00 - 11.00 WIB (2 left)"]);
    await c.tap("At 12.00");
    expect(c.lastMessage().text).toBe("Please choose the spare part for your iPhone X:");
    await c.tap("LCD");
    expect(c.lastMessage().text).toMatch(/^Your phone number, so the shop can reach you/);
    expect(suite.tg.replyKeyboard(c.chat.id)).toEqual([[{ text: "Share phone number", request_contact: true }]]);
    await c.send("0812-3456-7890");
    expect(c.botMessages().at(-2)!.text).toBe("Phone: +6281234567890 ✓");
    expect(buttonTexts(c.lastMessage())).toEqual([["Skip"], ["‹ Back", "Cancel"]]);
    await c.tap("Skip");
    await c.tap("Credit card");
    expect(c.lastMessage().text).toBe(
      [
        "Booking summary",
        "",
        "Booking code: (given when you press Book Now)",
        "Total: Rp790.000",
        `Date: ${formatDateDmy(TOMORROW())}`,
        "Time: 12.00 - 14.00 WIB",
        "Device: iPhone X",
        "Product: LCD",
        "Payment: Credit card",
        "Phone: +6281234567890",
        "",
        "Press Book Now to make the booking.",
      ].join("\n"),
    );
    await c.tap("Book Now");
    const [order] = await suite.db.select().from(orders);
    expect(order).toMatchObject({ language: "en", paymentMethod: "credit_card", amountIdr: 790_000, partName: "LCD", customerName: "Wayan" });
    const confirmation = c.lastMessage();
    expect(confirmation.text).toMatch(new RegExp(`^✅ Your booking is confirmed!\\n\\nBooking code: ${order!.bookingCode}`));
    expect(confirmation.keyboard).toEqual([[{ text: "Pay now", url: `${TEST_APP_URL}/orders/${order!.statusToken}` }]]);
    expect(confirmation.text).toContain(`📍 Come to the shop at your appointment time:\n${SEED_SETTINGS.address}\nMap: ${SEED_SETTINGS.mapsUrl}`);
    await c.send("hello");
    expect(c.lastMessage().text).toBe("Send /order to book a repair, /status to check a booking, or /help for help.");
  });
});

describe("/start with a website draft", () => {
  async function draft(choices: Record<string, unknown>, expiresInMs = 3_600_000): Promise<string> {
    const id = `d${Math.random().toString(36).slice(2, 10)}`;
    await suite.db.insert(drafts).values({ id, choices, expiresAt: new Date(Date.now() + expiresInMs) });
    return id;
  }

  it("a complete draft goes straight to the summary", async () => {
    const id = await draft({ deviceId: 10, partId: 1, serviceDate: TOMORROW(), slotId: 2, paymentMethod: "gopay" });
    const c = new TelegramCustomer(suite.tg, { id: 5550061, firstName: "Yudi" });
    await c.send(`/start ${id}`);
    await answerPhone(c);
    await c.tap("Lewati");
    expect(c.lastMessage().text).toMatch(/^Ringkasan Booking\n\nKode booking: \(dibuat saat Book Now\)\nTotal: Rp70\.000\n.*Jam: 12\.00 - 14\.00 WIB\nDevice: iPhone X\nProduct: Battery\nPembayaran: GoPay/s);
    await c.tap("Book Now");
    expect(await suite.db.select().from(orders).where(eq(orders.chatId, 5550061))).toHaveLength(1);
  });

  it("a draft with a choice no longer possible asks only for what is missing, with a note", async () => {
    // Finger (Touch ID) is not priced for the iPhone X: the part is asked again; the device is kept.
    const id = await draft({ deviceId: 10, partId: 3, paymentMethod: "bni_va" });
    const c = new TelegramCustomer(suite.tg, { id: 5550062, firstName: "Zaki" });
    await c.send(`/start ${id}`);
    expect(c.lastMessage().text).toMatch(/^Sebagian pilihan dari website sudah tidak tersedia, silakan pilih lagi\.\n\nSilakan masukan tanggal book/);
    await c.send(formatDateDmy(TOMORROW()));
    expect(c.lastMessage().text).toContain("Device: iPhone X\n\nSilakan pilih jam servis:");
    await c.tap(/09\.00/);
    expect(c.lastMessage().text).toBe("Silakan pilih spare part untuk iPhone X:");
    await c.tap("Screen Guard");
    await answerPhone(c);
    await c.tap("Lewati");
    expect(c.lastMessage().text).toMatch(/^Ringkasan Booking.*Product: Screen Guard\nPembayaran: BNI Virtual Account/s);
  });

  it("an expired or unknown draft opens the wizard from the start with a short note", async () => {
    const expired = await draft({ deviceId: 10 }, -1000);
    const c = new TelegramCustomer(suite.tg, { id: 5550063, firstName: "Adi" });
    for (const payload of [expired, "nosuchdraft"]) {
      await c.send(`/start ${payload}`);
      expect(c.lastMessage().text).toMatch(/^Link pilihan dari website sudah kedaluwarsa, silakan pilih lagi di sini\.\n\nTerimakasih, telah memilih layanan kami/);
      expect(buttonTexts(c.lastMessage())).toEqual([["Booking", "Cancel"]]);
    }
  });
});
