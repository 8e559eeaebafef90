import { eq } from "drizzle-orm";
import { orders, partStock, parts, slots } from "@/db/schema";
import { addDays, formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import { createBooking } from "@/lib/booking/create-booking";
import { walkWizard } from "@/tests/support/bot-flows";
import { bookOrder, readOrder } from "@/tests/support/payment-fixtures";
import { buttonTexts, TelegramCustomer } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/** Issue 16: the bot offers only parts on the shelf, says "inden, X hari" for a back-order, and a unit gone meanwhile is picked again. */
const suite = registerSuiteDatabase({ bot: true });
const IPHONE_X = 10;

async function partId(name: string): Promise<number> {
  const [row] = await suite.db.select().from(parts).where(eq(parts.name, name));
  return row!.id;
}

async function stock(name: string, values: { onHand: number; backorderDays?: number }) {
  await suite.db.insert(partStock).values({ deviceId: IPHONE_X, partId: await partId(name), onHand: values.onHand, lowAt: 0, backorderDays: values.backorderDays ?? null });
}

/** Someone else (at the counter) takes the last Battery for iPhone X. */
async function takeLastBattery() {
  const result = await createBooking(suite.db, {
    chatId: null,
    source: "counter",
    customerName: "Walk-in",
    deviceId: IPHONE_X,
    partId: await partId("Battery"),
    slotId: await firstSlot(),
    serviceDate: addDays(todayInJakarta(), 3),
    paymentMethod: "cash",
  });
  if (!result.ok) throw new Error(result.reason);
}

async function firstSlot(): Promise<number> {
  const [slot] = await suite.db.select().from(slots).orderBy(slots.startTime).limit(1);
  return slot!.id;
}

const partButtons = (c: TelegramCustomer) => buttonTexts(c.lastMessage()).flat();

describe("parts stock in the bot", () => {
  it("offers only parts in stock; a back-order part shows 'inden, X hari' and only for a date far enough", async () => {
    await stock("Battery", { onHand: 1 });
    await stock("LCD", { onHand: 0 });
    await stock("Screen Guard", { onHand: 0, backorderDays: 3 });

    const soon = new TelegramCustomer(suite.tg, { id: 5562001, firstName: "Dewi" });
    await walkWizard(soon, "part", { date: addDays(todayInJakarta(), 1) });
    expect(soon.lastMessage().text).toContain("Silakan pilih spare part untuk iPhone X");
    expect(partButtons(soon)).toContain("Battery - Rp70.000");
    expect(partButtons(soon).some((b) => b.startsWith("LCD"))).toBe(false);
    expect(partButtons(soon).some((b) => b.startsWith("Screen Guard"))).toBe(false);
    expect(partButtons(soon).some((b) => b.startsWith("Back Camera"))).toBe(true); // untracked: as before

    const later = new TelegramCustomer(suite.tg, { id: 5562002, firstName: "Eko" });
    await walkWizard(later, "part", { date: addDays(todayInJakarta(), 4) });
    expect(partButtons(later).find((b) => b.startsWith("Screen Guard"))).toMatch(/^Screen Guard - Rp[\d.]+ \(inden, 3 hari\)$/);
    expect(partButtons(later).some((b) => b.startsWith("LCD"))).toBe(false);
  });

  it("the last unit taken between the offer and the tap: told it just ran out, the part menu comes again without it", async () => {
    await stock("Battery", { onHand: 1 });
    const c = new TelegramCustomer(suite.tg, { id: 5562003, firstName: "Fitri" });
    await walkWizard(c, "part");
    await takeLastBattery();
    await c.tap("Battery - Rp70.000");
    expect(c.lastMessage().text).toMatch(/^Maaf, stok spare part itu baru saja habis\. Silakan pilih spare part lain\./);
    expect(partButtons(c).some((b) => b.startsWith("Battery"))).toBe(false);
    await c.tap(/^Back Camera/);
    expect(c.lastMessage().text).not.toContain("habis");
  });

  it("the last unit taken between the summary and Book Now: no order, told so, picks another part and books with the rest kept", async () => {
    await stock("Battery", { onHand: 1 });
    const c = new TelegramCustomer(suite.tg, { id: 5562004, firstName: "Gita" });
    await walkWizard(c, "summary");
    await takeLastBattery();
    await c.tap("Book Now");
    expect(c.lastMessage().text).toMatch(/^Maaf, stok spare part itu baru saja habis\./);
    expect(await suite.db.select().from(orders).where(eq(orders.chatId, c.chat.id))).toHaveLength(0);
    await c.tap(/^Back Camera/);
    // Date, slot, phone and payment method are kept: the summary follows at once.
    expect(c.lastMessage().text).toContain("Back Camera");
    await c.tap("Book Now");
    const [order] = await suite.db.select().from(orders).where(eq(orders.chatId, c.chat.id));
    expect(order).toMatchObject({ partName: "Back Camera", deviceName: "iPhone X" });
  });

  it("'Ubah jadwal' of a back-order booking: the date menu starts at the first date the part can be there; a date typed before it is told the earliest date, at the date and at the confirm, nothing moved", async () => {
    await stock("Battery", { onHand: 0, backorderDays: 3 });
    const c = new TelegramCustomer(suite.tg, { id: 5562011, firstName: "Lina" });
    const order = await bookOrder(suite.db, { chatId: c.chat.id, serviceDate: addDays(todayInJakarta(), 4) });
    const earliest = addDays(todayInJakarta(), 3);
    await c.send(`/status ${order.bookingCode}`);
    await c.tap("Ubah jadwal");
    // The date menu starts where the part can be there: no button before it, and the range says so.
    expect(c.lastMessage().text).toContain(`bisa ${formatDateDmy(earliest)} s.d.`);
    const tooEarly = [0, 1, 2].map((days) => formatDateDmy(addDays(todayInJakarta(), days)).slice(0, 5));
    const dateButtons = buttonTexts(c.lastMessage()).flat().filter((text) => /\d\d\/\d\d$/.test(text));
    expect(dateButtons.length).toBeGreaterThan(0);
    expect(dateButtons.filter((text) => tooEarly.some((dayMonth) => text.endsWith(dayMonth)))).toEqual([]);
    // Typed anyway: told the earliest date.
    await c.send(formatDateDmy(addDays(todayInJakarta(), 1)));
    expect(c.lastMessage().text).toMatch(
      new RegExp(`^Maaf, stok spare part booking ini masih habis \\(inden, 3 hari\\), jadi jadwalnya paling cepat ${formatDateDmy(earliest)}\\. Silakan pilih tanggal lain\\.\n\nUbah jadwal booking ${order.bookingCode}`),
    );
    // A unit came in meanwhile and went to another booking before the confirm: refused there too.
    await suite.db.update(partStock).set({ onHand: 1 });
    await c.send(formatDateDmy(addDays(todayInJakarta(), 1)));
    await c.tap(/15\.00 - 17\.00 WIB/);
    await suite.db.update(partStock).set({ onHand: 0 });
    await c.tap("Ya, ubah jadwal");
    expect(c.lastMessage().text).toMatch(
      new RegExp(`^Maaf, stok spare part booking ini masih habis \\(inden, 3 hari\\), jadi jadwalnya paling cepat ${formatDateDmy(earliest)}\\. Silakan pilih tanggal lain\\.\n\nUbah jadwal booking ${order.bookingCode}`),
    );
    expect(await readOrder(suite.db, order.id)).toMatchObject({ serviceDate: order.serviceDate, slotId: order.slotId });

    await c.send(formatDateDmy(earliest));
    await c.tap(/15\.00 - 17\.00 WIB/);
    await c.tap("Ya, ubah jadwal");
    expect(await readOrder(suite.db, order.id)).toMatchObject({ serviceDate: earliest });
  });
});
