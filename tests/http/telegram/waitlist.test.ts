import { eq } from "drizzle-orm";
import { orders, waitlist } from "@/db/schema";
import { addDays, formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { deliverDueMessages } from "@/lib/notify/deliver";
import { answerPhone, walkWizard } from "@/tests/support/bot-flows";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { buttonTexts, postUpdate, TelegramCustomer, useStandInBot } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";
import type { TelegramStandIn } from "@/tests/support/telegram-stand-in";
import type { TestDatabase } from "@/tests/support/test-db";
import { onePlaceDay } from "@/tests/support/waitlist-fixtures";

const suite = registerSuiteDatabase({ bot: true });
let testDb: TestDatabase;
let tg: TelegramStandIn;
beforeEach(() => {
  ({ testDb, tg } = suite);
  useStandInBot(tg);
});

const DAY = addDays(todayInJakarta(), 2);
const answers = () => tg.callsOf("answerCallbackQuery").map((c) => c.params.text);

/** The day has one place, booked by another chat; the customer types that date. */
async function reachFullDay(c: TelegramCustomer) {
  await onePlaceDay(testDb.db);
  const taken = await bookOrder(testDb.db, { serviceDate: DAY, chatId: 5559000 });
  await c.send("/order");
  await c.tap("Booking");
  await c.send(formatDateDmy(DAY));
  return taken;
}

describe("waitlist in the bot", () => {
  it("a full date offers 'Kabari saya'; a tap records the wait once; a freed place is offered and 'Ambil tempat ini' books it", async () => {
    const c = new TelegramCustomer(tg, { id: 5559101, firstName: "Wati", username: "wati" });
    const taken = await reachFullDay(c);
    const full = c.lastMessage();
    expect(full.text).toContain("sudah penuh");
    expect(buttonTexts(full)).toEqual([["🔔 Kabari saya"]]);

    await c.tap("🔔 Kabari saya", full);
    expect(c.lastMessage().text).toContain(`🔔 Dicatat. Begitu ada tempat kosong pada ${formatDateDmy(DAY)}`);
    await c.tap("🔔 Kabari saya", full);
    expect(c.lastMessage().text).toBe(`Anda sudah ada di daftar tunggu ${formatDateDmy(DAY)}. Kami kabari begitu ada tempat.`);
    expect(await testDb.db.select().from(waitlist).where(eq(waitlist.chatId, c.chat.id))).toHaveLength(1);

    await cancelBooking(testDb.db, { orderId: taken.id, actor: "sari", reason: "dibatalkan toko" });
    await deliverDueMessages({ now: new Date() });
    const offer = c.lastMessage();
    expect(offer.text).toContain(`🔔 Ada tempat kosong pada ${formatDateDmy(DAY)}`);
    expect(offer.text).toContain("selama 15 menit");
    expect(buttonTexts(offer)).toEqual([["Ambil tempat ini", "Lewati"]]);

    // Someone else cannot have the held place meanwhile: the day shows full to them.
    const other = new TelegramCustomer(tg, { id: 5559102, firstName: "Rudi" });
    await other.send("/order");
    await other.tap("Booking");
    await other.send(formatDateDmy(DAY));
    expect(other.lastMessage().text).toContain("sudah penuh");

    await c.tap("Ambil tempat ini", offer);
    expect(c.lastMessage().text).toContain("Silakan pilih device Anda"); // the device step: the wait was recorded before a device was chosen
    await c.tap("iPhone X");
    await c.tap("Battery"); // the slot step is skipped: the offered place is the slot
    await answerPhone(c);
    await c.tap("Lewati");
    await c.tap("GoPay");
    expect(c.lastMessage().text).toContain(formatDateDmy(DAY));
    await c.tap("Book Now");
    const [order] = await testDb.db.select().from(orders).where(eq(orders.chatId, c.chat.id));
    expect(order).toMatchObject({ serviceDate: DAY, repairStatus: "booked" });
    const [wait] = await testDb.db.select().from(waitlist).where(eq(waitlist.chatId, c.chat.id));
    expect(wait).toMatchObject({ state: "booked", orderId: order!.id });
  });

  it("/status lists the waits and the customer leaves the list; a stale offer button books nothing", async () => {
    const c = new TelegramCustomer(tg, { id: 5559201, firstName: "Sinta" });
    await reachFullDay(c);
    await c.tap("🔔 Kabari saya");
    await c.send("/status");
    const list = c.botMessages().find((m) => m.text.startsWith("Daftar tunggu:"))!;
    expect(list.text).toContain(`${formatDateDmy(DAY)}: menunggu tempat kosong`);
    await c.tap(`Keluar dari daftar tunggu ${formatDateDmy(DAY)}`, list);
    expect(c.lastMessage().text).toBe(`Anda keluar dari daftar tunggu ${formatDateDmy(DAY)}.`);
    const [wait] = await testDb.db.select().from(waitlist).where(eq(waitlist.chatId, c.chat.id));
    expect(wait!.state).toBe("cancelled");

    // The old buttons, tapped again (a second tap, a forged "take" of the ended wait), change nothing.
    await postUpdate(c.callbackUpdate(list, `k:x:${wait!.id}`));
    expect(answers().at(-1)).toBe("Tawaran ini sudah tidak berlaku.");
    await postUpdate(c.callbackUpdate(list, `k:t:${wait!.id}`));
    expect(answers().at(-1)).toBe("Tawaran ini sudah tidak berlaku.");
    expect(await testDb.db.select().from(orders).where(eq(orders.chatId, c.chat.id))).toHaveLength(0);
  });

  it("a customer cancelling in the bot offers the place at once to the first waiting chat; 'Lewati' passes it at once to the next", async () => {
    await onePlaceDay(testDb.db);
    const booker = new TelegramCustomer(tg, { id: 5559301, firstName: "Andi" });
    await walkWizard(booker, "summary", { date: DAY });
    await booker.tap("Book Now");
    const [order] = await testDb.db.select().from(orders).where(eq(orders.chatId, booker.chat.id));
    const [first, second] = [5559302, 5559303].map((id) => new TelegramCustomer(tg, { id, firstName: `Tunggu ${id}` }));
    for (const c of [first!, second!]) {
      await c.send("/order");
      await c.tap("Booking");
      await c.send(formatDateDmy(DAY));
      await c.tap("🔔 Kabari saya");
    }

    await booker.send(`/status ${order!.bookingCode}`);
    await booker.tap("Batalkan booking");
    await booker.tap("Ya, batalkan");
    expect(first!.lastMessage().text).toContain("🔔 Ada tempat kosong");
    expect(second!.lastMessage().text).not.toContain("🔔 Ada tempat kosong");

    await first!.tap("Lewati");
    expect(first!.lastMessage().text).toBe(`Baik, tawaran dilewati. Anda keluar dari daftar tunggu ${formatDateDmy(DAY)}.`);
    expect(second!.lastMessage().text).toContain("🔔 Ada tempat kosong");
    expect(buttonTexts(second!.lastMessage())).toEqual([["Ambil tempat ini", "Lewati"]]);
  });
});
