import { SEED_SETTINGS } from "@/db/seed";
import { eq } from "drizzle-orm";
import { auditLog, conversations, orders, outbox, payments } from "@/db/schema";
import { addDays, formatDateDmy, formatDateLong, formatWibDateTime, todayInJakarta } from "@/lib/booking/calendar";
import { buttonTexts, TelegramCustomer, TEST_APP_URL } from "@/tests/support/telegram-customer";
import type { ChatMessage } from "@/tests/support/telegram-stand-in";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const TOMORROW = addDays(todayInJakarta(), 1);
const suite = registerSuiteDatabase({ bot: true, midtrans: true });

const budi = () => new TelegramCustomer(suite.tg, { id: 5550001, firstName: "Budi", lastName: "Santoso", username: "budi_s", languageCode: "id" });

describe("the /order wizard in Indonesian", () => {
  it("takes a customer from /start order to a booking code, editing one message, and writes the order", async () => {
    const customer = budi();
    expect((await customer.send("/start order")).status).toBe(200);
    const intro = customer.lastMessage();
    expect(intro.text).toMatch(/^Terimakasih, telah memilih layanan kami Jiot Gadget Solution\./);
    expect(buttonTexts(intro)).toEqual([["Booking", "Cancel"]]);

    expect((await customer.tap("Booking")).status).toBe(200);
    expect(customer.lastMessage().messageId).toBe(intro.messageId);
    expect(customer.lastMessage().text).toMatch(/^Silakan masukan tanggal book, contoh: 01\/10\/2022/);
    expect(buttonTexts(customer.lastMessage())).toEqual([["‹ Kembali", "Cancel"]]);
    expect(suite.tg.callsOf("answerCallbackQuery")).toHaveLength(1);

    await customer.send(formatDateDmy(TOMORROW));
    const devices = customer.lastMessage();
    expect(devices.messageId).not.toBe(intro.messageId);
    expect(devices.text).toContain("Silakan pilih device Anda:");
    expect(devices.keyboard.flat().map((b) => b.text)).toContain("iPhone X");
    expect(devices.keyboard.flat()).toHaveLength(19); // 17 devices, Back and Cancel
    // The date prompt above keeps no buttons that could still be tapped.
    expect(suite.tg.chat(customer.chat.id).find((m) => m.messageId === intro.messageId)!.keyboard).toEqual([]);

    await customer.tap("iPhone X");
    const slots = customer.lastMessage();
    expect(slots.messageId).toBe(devices.messageId);
    expect(slots.text).toContain("Device: iPhone X");
    expect(buttonTexts(slots)).toEqual([
      ["Pukul : 09.00 - 11.00 WIB (sisa 2)"],
      ["Pukul : 12.00 - 14.00 WIB (sisa 2)"],
      ["Pukul : 15.00 - 17.00 WIB (sisa 2)"],
      ["Pukul : 18.00 - 20.00 WIB (sisa 2)"],
      ["‹ Kembali", "Cancel"],
    ]);

    await customer.tap("Pukul : 09.00 - 11.00 WIB");
    const parts = customer.lastMessage();
    expect(parts.text).toBe("Silakan pilih spare part untuk iPhone X:");
    // Finger (Touch ID) is not offered for the iPhone X.
    expect(buttonTexts(parts)).toEqual([
      ["Battery - Rp70.000"],
      ["LCD - Rp790.000"],
      ["Screen Guard - Rp70.000"],
      ["Back Camera - Rp560.000"],
      ["Belum tahu / cek dulu"],
      ["‹ Kembali", "Cancel"],
    ]);

    await customer.tap("Battery - Rp70.000");
    // The phone: a reply keyboard with the one-tap share button (it cannot be edited onto the menu, so it comes anew).
    const askPhone = customer.lastMessage();
    expect(askPhone.messageId).toBeGreaterThan(parts.messageId);
    expect(askPhone.text).toMatch(/^Nomor HP Anda, agar toko bisa menghubungi Anda/);
    expect(suite.tg.chat(customer.chat.id).find((m) => m.messageId === parts.messageId)!.keyboard).toEqual([]);
    expect(suite.tg.replyKeyboard(customer.chat.id)).toEqual([[{ text: "Bagikan nomor HP", request_contact: true }]]);
    const phoneCall = suite.tg.callsOf("sendMessage").at(-1)!;
    expect(phoneCall.params.reply_markup).toMatchObject({ one_time_keyboard: true, resize_keyboard: true });

    await customer.shareContact("6281234567890");
    expect(suite.tg.replyKeyboard(customer.chat.id)).toBeNull();
    const [saved, fault] = customer.botMessages().slice(-2) as [ChatMessage, ChatMessage];
    expect(saved.text).toBe("No. HP: +6281234567890 ✓");
    expect(fault.text).toMatch(/^Ceritakan kerusakannya \(opsional\)/);
    expect(buttonTexts(fault)).toEqual([["Lewati"], ["‹ Kembali", "Cancel"]]);

    await customer.send("Baterai cepat habis dan HP panas saat dicas");
    await customer.sendPhoto({ fileId: "photo-1", caption: "" });
    const withPhoto = customer.lastMessage();
    expect(withPhoto.text).toContain("Keluhan: Baterai cepat habis dan HP panas saat dicas\nFoto: 1/3");
    expect(buttonTexts(withPhoto)).toEqual([["Selesai"], ["‹ Kembali", "Cancel"]]);

    await customer.tap("Selesai");
    expect(customer.lastMessage().messageId).toBe(withPhoto.messageId);
    expect(customer.lastMessage().text).toBe("Silakan pilih metode pembayaran:");
    expect(buttonTexts(customer.lastMessage())).toEqual([
      ["BCA Virtual Account", "BNI Virtual Account"],
      ["BRI Virtual Account", "Mandiri Bill Payment"],
      ["GoPay", "ShopeePay"],
      // The status page's names of the methods (issue 17: one vocabulary).
      ["QRIS", "Kartu kredit"],
      ["Semua metode"],
      ["‹ Kembali", "Cancel"],
    ]);

    await customer.tap("BCA Virtual Account");
    const summary = customer.lastMessage();
    expect(summary.messageId).toBe(withPhoto.messageId);
    expect(summary.text).toBe(
      [
        "Ringkasan Booking",
        "",
        "Kode booking: (dibuat saat Book Now)",
        "Total: Rp70.000",
        `Tanggal: ${formatDateDmy(TOMORROW)}`,
        "Jam: 09.00 - 11.00 WIB",
        "Device: iPhone X",
        "Product: Battery",
        "Pembayaran: BCA Virtual Account",
        "No. HP: +6281234567890",
        "Keluhan: Baterai cepat habis dan HP panas saat dicas",
        "Foto kerusakan: 1",
        "",
        "Tekan Book Now untuk membuat booking.",
      ].join("\n"),
    );
    expect(buttonTexts(summary)).toEqual([["Book Now", "Cancel"]]);

    expect((await customer.tap("Book Now")).status).toBe(200);
    const [order] = await suite.db.select().from(orders);
    expect(order).toMatchObject({
      chatId: 5550001,
      telegramUserId: 5550001,
      telegramUsername: "budi_s",
      customerName: "Budi Santoso",
      language: "id",
      deviceName: "iPhone X",
      partName: "Battery",
      slotLabel: "09.00 - 11.00 WIB",
      serviceDate: TOMORROW,
      paymentMethod: "bca_va",
      amountIdr: 70_000,
      customerPhone: "+6281234567890",
      faultDescription: "Baterai cepat habis dan HP panas saat dicas",
      faultPhotos: ["photo-1"],
      source: "bot",
      paymentStatus: "pending", // the BCA VA was issued right after the booking
      repairStatus: "booked",
    });
    expect(order!.holdExpiresAt).not.toBeNull();

    // Issue 17: the facts are said once. The summary keeps them and is marked booked; the
    // confirmation adds the code, when and where, and the pay link; the VA message what to pay where, by when.
    const booked = suite.tg.chat(customer.chat.id).find((m) => m.messageId === summary.messageId)!;
    expect(booked.text).toBe(summary.text.replace("Kode booking: (dibuat saat Book Now)", `Kode booking: ${order!.bookingCode}`).replace("Tekan Book Now untuk membuat booking.", "✅ Booking dibuat."));
    expect(booked.keyboard).toEqual([]);

    const [confirmation, virtualAccount] = customer.botMessages().slice(-2) as [ChatMessage, ChatMessage];
    const [payment] = await suite.db.select().from(payments).where(eq(payments.orderId, order!.id));
    expect(virtualAccount.text).toBe(
      `💳 Pembayaran Virtual Account BCA\nNomor VA: ${payment!.vaNumber}\nJumlah: Rp70.000\nBayar sebelum: ${formatWibDateTime(order!.holdExpiresAt!)}`,
    );
    expect(confirmation.messageId).toBeGreaterThan(summary.messageId);
    expect(confirmation.text).toBe(
      `✅ Booking berhasil!\n\nKode booking: ${order!.bookingCode}\nJadwal: ${formatDateLong(TOMORROW, "id")}, 09.00 - 11.00 WIB di ${SEED_SETTINGS.shopName}\n\n` +
        `📍 Datang ke toko sesuai jadwal:\n${SEED_SETTINGS.address}\nPeta: ${SEED_SETTINGS.mapsUrl}\n\n` +
        `Bayar dan cek status: ${TEST_APP_URL}/orders/${order!.statusToken}`,
    );
    expect(confirmation.keyboard).toEqual([[{ text: "Bayar Sekarang", url: `${TEST_APP_URL}/orders/${order!.statusToken}` }]]);

    const [queued] = await suite.db.select().from(outbox).where(eq(outbox.dedupeKey, `order:${order!.id}:confirmation`));
    expect(queued!.sentAt).not.toBeNull();
    const audit = await suite.db.select().from(auditLog).where(eq(auditLog.entityId, order!.id));
    expect(audit.map((a) => a.action)).toEqual(["order.created", "payment.status_changed"]); // unpaid → pending when the VA was issued
    const [conversation] = await suite.db.select().from(conversations).where(eq(conversations.chatId, 5550001));
    expect(conversation).toMatchObject({ step: "booked", data: expect.objectContaining({ orderId: order!.id, bookingCode: order!.bookingCode }) });
    // Every tap was answered, so no spinner is left turning.
    expect(suite.tg.callsOf("answerCallbackQuery")).toHaveLength(7);
    expect(suite.tg.calls.filter((c) => c.status !== 200)).toEqual([]);
  });
});
