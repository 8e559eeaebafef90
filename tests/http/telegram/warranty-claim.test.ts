import { and, eq, isNotNull, like } from "drizzle-orm";
import { saveShopSettings } from "@/db/queries/settings";
import { saveStaffChats } from "@/db/queries/staff-chats";
import { auditLog, conversations, orders, outbox } from "@/db/schema";
import { encodeButton } from "@/lib/bot/callback-data";
import { addDays, formatDateDmy, todayInJakarta, wibDateOf } from "@/lib/booking/calendar";
import { readOrder } from "@/tests/support/payment-fixtures";
import { buttonTexts, postUpdate, TelegramCustomer, useStandInBot } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";
import type { TelegramStandIn } from "@/tests/support/telegram-stand-in";
import { completedRepair } from "@/tests/support/warranty-fixtures";

/** Issue 16, warranty: /status shows it, and the customer claims it in the bot. */
const suite = registerSuiteDatabase({ bot: true, poolMax: 20 });
let tg: TelegramStandIn;
beforeEach(() => {
  tg = suite.tg;
  useStandInBot(tg);
});

const db = () => suite.db;
const TODAY = () => todayInJakarta();
const answers = () => tg.callsOf("answerCallbackQuery").map((c) => c.params.text);
const claimsOf = (orderId: string) => db().select().from(orders).where(eq(orders.warrantyOfOrderId, orderId));

/** Through the claim to its summary: the problem, a typed date, the 15.00 slot. */
async function claimUpTo(c: TelegramCustomer, code: string, date = addDays(TODAY(), 3)): Promise<void> {
  await c.send(`/garansi ${code}`);
  expect(c.lastMessage().text).toMatch(/^Klaim garansi booking \d{8}\n\nCeritakan singkat masalahnya/);
  await c.send("layar berkedip lagi");
  expect(c.lastMessage().text).toMatch(/^Klaim garansi booking \d{8}\n\nPilih tanggal servis/);
  await c.send(formatDateDmy(date));
  expect(c.lastMessage().text).toMatch(/Silakan pilih jam servis:$/);
  await c.tap(/15\.00 - 17\.00 WIB/);
}

describe("the warranty in /status", () => {
  it("a completed repair shows 'Bergaransi s.d.' the completion day (WIB) plus the part's days, and a Klaim garansi button", async () => {
    const c = new TelegramCustomer(tg, { id: 5561601, firstName: "Rina" });
    const order = await completedRepair(db(), { chatId: c.chat.id, days: 30 });
    expect(order).toMatchObject({ repairStatus: "completed", warrantyDays: 30 });
    const until = addDays(wibDateOf(order.completedAt!), 30);
    await c.send(`/status ${order.bookingCode}`);
    const status = c.botMessages().findLast((m) => m.text.startsWith("Data Order"))!;
    expect(status.text).toContain(`Status perbaikan: Selesai\n🛡️ Bergaransi s.d. ${formatDateDmy(until)}\n\nHalaman status:`);
    expect(buttonTexts(status)).toContainEqual(["Klaim garansi"]);
    const done = c.botMessages().find((m) => m.text.startsWith("🔧 Status perbaikan: Selesai."))!;
    expect(done.text).toMatch(new RegExp(`^🔧 Status perbaikan: Selesai\\. Terima kasih!\n🛡️ Bergaransi s\\.d\\. ${formatDateDmy(until)}\n`));
  });

  it("past its end it reads 'Garansi habis', with no claim button", async () => {
    const c = new TelegramCustomer(tg, { id: 5561602, firstName: "Joko" });
    const order = await completedRepair(db(), { chatId: c.chat.id, days: 30, completedAt: new Date(Date.now() - 40 * 86_400_000) });
    await c.send(`/status ${order.bookingCode}`);
    expect(c.lastMessage().text).toContain(`Garansi habis ${formatDateDmy(addDays(wibDateOf(order.completedAt!), 30))}`);
    expect(buttonTexts(c.lastMessage()).flat()).not.toContain("Klaim garansi");
  });
});

describe("claiming the warranty", () => {
  it("/garansi <code>: problem, date, slot, Book Now make a Rp0 pay-at-shop order linked to the old one; staff are alerted", async () => {
    await saveStaffChats(db(), [-1001234]);
    const c = new TelegramCustomer(tg, { id: 5561603, firstName: "Sari" });
    const order = await completedRepair(db(), { chatId: c.chat.id });
    await claimUpTo(c, order.bookingCode);
    expect(c.lastMessage().text).toContain("Masalah: layar berkedip lagi\nBiaya: gratis (garansi)");
    await c.tap("Book Now");
    const [claim] = await claimsOf(order.id);
    expect(claim).toMatchObject({
      chatId: c.chat.id,
      amountIdr: 0,
      paymentMethod: "pay_at_shop",
      paymentStatus: "unpaid",
      holdExpiresAt: null,
      faultDescription: "layar berkedip lagi",
      warrantyClaimKind: "free",
      serviceDate: addDays(TODAY(), 3),
      slotLabel: "15.00 - 17.00 WIB",
      partId: order.partId,
      deviceId: order.deviceId,
    });
    expect(c.lastMessage().text).toContain(`Kode booking baru: ${claim!.bookingCode} (garansi dari ${order.bookingCode})`);
    expect(tg.callsOf("createInvoiceLink")).toHaveLength(0);
    const alerts = await db().select().from(outbox).where(like(outbox.dedupeKey, `staff:-1001234:order:${claim!.id}:warranty_claim`));
    expect(String(alerts[0]?.payload.params.text)).toMatch(/^🛡️ Klaim garansi · \d{8}/);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "order.warranty_claim"))).toHaveLength(1);
  });

  it("the owner's claim fee is the claim's amount, still paid at the shop", async () => {
    await saveShopSettings(db(), { warrantyClaimFeeIdr: 50_000 });
    const c = new TelegramCustomer(tg, { id: 5561604, firstName: "Dewi" });
    const order = await completedRepair(db(), { chatId: c.chat.id });
    await claimUpTo(c, order.bookingCode);
    expect(c.lastMessage().text).toContain("Biaya: dibayar di toko Rp50.000");
    await c.tap("Book Now");
    expect((await claimsOf(order.id))[0]).toMatchObject({ amountIdr: 50_000, warrantyClaimKind: "fee", paymentMethod: "pay_at_shop" });
  });

  it("the Klaim garansi button under /status starts the same claim", async () => {
    const c = new TelegramCustomer(tg, { id: 5561605, firstName: "Adi" });
    const order = await completedRepair(db(), { chatId: c.chat.id });
    await c.send(`/status ${order.bookingCode}`);
    await c.tap("Klaim garansi");
    expect(c.lastMessage().text).toMatch(/Ceritakan singkat masalahnya/);
    await postUpdate(c.stickerUpdate());
    expect(c.lastMessage().text).toMatch(/^Maaf, saya hanya bisa membaca pesan teks\.\nKlaim garansi booking \d{8}\n\nCeritakan singkat masalahnya/);
    await c.send("x".repeat(501));
    expect(c.lastMessage().text).toBe("Ceritanya terlalu panjang; maksimal 500 huruf. Silakan ketik lebih singkat.");
    await c.send("/cancel");
    expect(c.lastMessage().text).toBe(`Klaim garansi booking ${order.bookingCode} dibatalkan.`);
    expect(await claimsOf(order.id)).toHaveLength(0);
  });

  it("a double tap of Book Now, and a replayed update, make one claim; the second tap is told it is made", async () => {
    const c = new TelegramCustomer(tg, { id: 5561606, firstName: "Dedi" });
    const order = await completedRepair(db(), { chatId: c.chat.id });
    await claimUpTo(c, order.bookingCode);
    const tap = c.tapUpdate("Book Now");
    const again = c.tapUpdate("Book Now");
    await Promise.all([postUpdate(tap), postUpdate(again)]);
    await postUpdate(tap);
    expect(await claimsOf(order.id)).toHaveLength(1);
    expect(answers()).toContain(`Klaim garansi booking ${order.bookingCode} sudah tercatat.`);
  });
});

describe("claims that are refused", () => {
  it("an expired warranty", async () => {
    const c = new TelegramCustomer(tg, { id: 5561607, firstName: "Lina" });
    const order = await completedRepair(db(), { chatId: c.chat.id, days: 30, completedAt: new Date(Date.now() - 31 * 86_400_000 - 86_400_000) });
    await c.send(`/garansi ${order.bookingCode}`);
    expect(c.lastMessage().text).toMatch(new RegExp(`^Garansi booking ${order.bookingCode} sudah habis pada \\d{2}/\\d{2}/\\d{4}\\.`));
    expect(await claimsOf(order.id)).toHaveLength(0);
  });

  it("someone else's code is 'not found', as is a code with a typo", async () => {
    const owner = new TelegramCustomer(tg, { id: 5561608, firstName: "Budi" });
    const other = new TelegramCustomer(tg, { id: 5561609, firstName: "Eko" });
    const order = await completedRepair(db(), { chatId: owner.chat.id });
    await other.send(`/garansi ${order.bookingCode}`);
    expect(other.lastMessage().text).toMatch(/^Kode booking \d{8} tidak ditemukan di chat ini\./);
    // Another chat cannot ride a button with the owner's code either.
    await other.send(`/status ${order.bookingCode}`);
    expect(buttonTexts(other.lastMessage()).flat()).not.toContain("Klaim garansi");
    // Nor with a crafted Klaim garansi button carrying it.
    const data = encodeButton({ scope: "order", op: "claim_warranty", bookingCode: order.bookingCode });
    await postUpdate(other.callbackUpdate(other.lastMessage(), data));
    expect(other.lastMessage().text).toMatch(/^Kode booking \d{8} tidak ditemukan di chat ini\./);
    expect((await db().select().from(conversations).where(eq(conversations.chatId, other.chat.id)))[0]?.step ?? "idle").toBe("idle");
    await other.send("/garansi 123");
    expect(other.lastMessage().text).toMatch(/^Ketik \/garansi lalu kode booking/);
    expect(await claimsOf(order.id)).toHaveLength(0);
  });

  it("a part without warranty, and a repair not completed yet", async () => {
    const c = new TelegramCustomer(tg, { id: 5561610, firstName: "Tono" });
    const none = await completedRepair(db(), { chatId: c.chat.id, days: 0 });
    await c.send(`/garansi ${none.bookingCode}`);
    expect(c.lastMessage().text).toBe(`Booking ${none.bookingCode} tidak bergaransi (belum selesai, atau layanannya tanpa garansi).`);
    await c.send(`/status ${none.bookingCode}`);
    expect(c.lastMessage().text).not.toMatch(/garansi/i);
  });

  it("a second claim while the first is open, until the first is completed", async () => {
    const c = new TelegramCustomer(tg, { id: 5561611, firstName: "Wati" });
    const order = await completedRepair(db(), { chatId: c.chat.id });
    await claimUpTo(c, order.bookingCode);
    await c.tap("Book Now");
    const [first] = await claimsOf(order.id);
    await c.send(`/garansi ${order.bookingCode}`);
    expect(c.lastMessage().text).toBe(`Klaim garansi booking ${order.bookingCode} masih berjalan (kode ${first!.bookingCode}). Cek statusnya dengan /status.`);
    await c.send(`/status ${order.bookingCode}`);
    expect(buttonTexts(c.lastMessage()).flat()).not.toContain("Klaim garansi");
    await db().update(orders).set({ repairStatus: "completed" }).where(eq(orders.id, first!.id));
    await claimUpTo(c, order.bookingCode, addDays(TODAY(), 4));
    await c.tap("Book Now");
    expect(await db().select().from(orders).where(and(eq(orders.warrantyOfOrderId, order.id), isNotNull(orders.id)))).toHaveLength(2);
    expect(await readOrder(db(), first!.id)).toMatchObject({ warrantyDays: 0 });
  });
});
