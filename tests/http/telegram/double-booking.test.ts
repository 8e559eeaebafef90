import { orders, outbox, slots } from "@/db/schema";
import { createBooking } from "@/lib/booking/create-booking";
import { TOMORROW, walkWizard } from "@/tests/support/bot-flows";
import { buttonTexts, postUpdate, TelegramCustomer } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

// On PGlite the races run one transaction after another; on Postgres they really overlap.
const suite = registerSuiteDatabase({ poolMax: 10, bot: true });

const confirmations = () => suite.tg.callsOf("sendMessage").filter((c) => String(c.params.text).startsWith("✅ Booking berhasil!"));
const answers = () => suite.tg.callsOf("answerCallbackQuery").map((c) => c.params.text);

describe("Book Now makes exactly one order", () => {
  it("a second Book Now tap makes no second order and tells the code again", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550020, firstName: "Eko" });
    await walkWizard(c, "summary");
    const summary = c.lastMessage();
    const first = c.tapUpdate("Book Now", summary);
    const second = c.tapUpdate("Book Now", summary);
    expect((await postUpdate(first)).status).toBe(200);
    expect((await postUpdate(second)).status).toBe(200);
    const rows = await suite.db.select().from(orders);
    expect(rows).toHaveLength(1);
    expect(confirmations()).toHaveLength(1);
    expect(answers().at(-1)).toBe(`Booking Anda sudah dibuat. Kode booking: ${rows[0]!.bookingCode}`);
  });

  it("two taps handled at the same moment make one order and one confirmation", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550021, firstName: "Fajar" });
    await walkWizard(c, "summary");
    const summary = c.lastMessage();
    const taps = [c.tapUpdate("Book Now", summary), c.tapUpdate("Book Now", summary), c.tapUpdate("Book Now", summary)];
    const responses = await Promise.all(taps.map((u) => postUpdate(u)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await suite.db.select().from(orders)).toHaveLength(1);
    expect(await suite.db.select().from(outbox)).toHaveLength(1);
    expect(confirmations()).toHaveLength(1);
  });

  it("the same Book Now update delivered twice at once makes one order", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5550022, firstName: "Gita" });
    await walkWizard(c, "summary");
    const tap = c.tapUpdate("Book Now");
    await Promise.all([postUpdate(tap), postUpdate(tap)]);
    expect(await suite.db.select().from(orders)).toHaveLength(1);
    expect(confirmations()).toHaveLength(1);
  });

  it("two chats racing for the last place of a slot: one gets it, the other is offered the other slots of that date", async () => {
    const [first] = await suite.db.select().from(slots).orderBy(slots.startTime).limit(1);
    await createBooking(suite.db, { chatId: 1, customerName: "x", deviceId: 10, partId: 1, slotId: first!.id, serviceDate: TOMORROW(), paymentMethod: "gopay" });
    const a = new TelegramCustomer(suite.tg, { id: 5550023, firstName: "Hana" });
    const b = new TelegramCustomer(suite.tg, { id: 5550024, firstName: "Indra" });
    await walkWizard(a, "summary");
    await walkWizard(b, "summary");
    const results = await Promise.all([postUpdate(a.tapUpdate("Book Now")), postUpdate(b.tapUpdate("Book Now"))]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const booked = (await suite.db.select().from(orders)).filter((o) => o.chatId !== 1);
    expect(booked).toHaveLength(1);
    const loser = booked[0]!.chatId === a.chat.id ? b : a;
    const offer = loser.lastMessage();
    expect(offer.text).toMatch(/^Maaf, jam 09\.00 - 11\.00 WIB baru saja penuh\. Silakan pilih jam lain\.\n\n/);
    expect(buttonTexts(offer)).toEqual([
      ["Pukul : 12.00 - 14.00 WIB (sisa 2)"],
      ["Pukul : 15.00 - 17.00 WIB (sisa 2)"],
      ["Pukul : 18.00 - 20.00 WIB (sisa 2)"],
      ["‹ Kembali", "Cancel"],
    ]);
    // The loser can go on with another slot: payment method is still known, so the summary follows.
    await loser.tap(/12\.00/);
    expect(loser.lastMessage().text).toContain("Jam: 12.00 - 14.00 WIB");
    await loser.tap("Book Now");
    expect((await suite.db.select().from(orders)).filter((o) => o.chatId === loser.chat.id)).toHaveLength(1);
  });
});
