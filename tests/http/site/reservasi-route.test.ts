import { drafts, orders, slots } from "@/db/schema";
import { POST } from "@/app/reservasi/route";
import { formatDateDmy } from "@/lib/booking/calendar";
import { answerPhone, TOMORROW } from "@/tests/support/bot-flows";
import { buttonTexts, TelegramCustomer } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";
import { overrideEnv } from "@/lib/env";

const suite = registerSuiteDatabase({ bot: true, env: { PLAYGROUND: undefined } });
function post(fields: Record<string, string>): Promise<Response> {
  return POST(
    new Request("http://localhost/reservasi", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

async function noonSlot(): Promise<number> {
  return (await suite.db.select().from(slots)).find((s) => s.label.startsWith("12.00"))!.id;
}

describe("POST /reservasi (the home page's form)", () => {
  it("stores the choices and sends the browser to the bot with the draft id as start payload", async () => {
    const response = await post({ device: "10", part: "1", date: TOMORROW(), slot: String(await noonSlot()), payment: "gopay" });
    expect(response.status).toBe(303);
    const [draft] = await suite.db.select().from(drafts);
    expect(response.headers.get("location")).toBe(`https://t.me/${suite.tg.bot.username}?start=${draft!.id}`);
  });

  it("in the playground, leads to the simulated chat with the same payload", async () => {
    overrideEnv({ PLAYGROUND: "1", TELEGRAM_BOT_USERNAME: undefined });
    const response = await post({ device: "10", part: "1" });
    const [draft] = await suite.db.select().from(drafts);
    expect(response.headers.get("location")).toBe(`https://jiot.example.com/playground/chat?start=${draft!.id}`);
  });

  it("sends a refused choice back to the form with the choices kept and the problems named", async () => {
    const response = await post({ device: "10", part: "3", date: "2020-01-01", slot: "", payment: "" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/?device=10&part=3&date=2020-01-01&err=part.not_offered%2Cdate.past#reservasi");
    expect(await suite.db.select().from(drafts)).toHaveLength(0);
  });

  it("answers 400 to a body that is not a form", async () => {
    const response = await POST(new Request("http://localhost/reservasi", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(response.status).toBe(400);
  });
});

describe("home page form → draft → Telegram wizard", () => {
  async function startFromForm(fields: Record<string, string>, customer: TelegramCustomer): Promise<void> {
    const location = (await post(fields)).headers.get("location")!;
    const payload = new URL(location).searchParams.get("start")!;
    await customer.send(`/start ${payload}`);
  }

  it("a full choice on the website opens the bot straight at the summary, and Book Now books it", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5551001, firstName: "Sari" });
    await startFromForm({ device: "10", part: "2", date: TOMORROW(), slot: String(await noonSlot()), payment: "gopay" }, c);
    // The website does not ask for the phone or the fault: the bot does, then shows the summary.
    await answerPhone(c);
    await c.tap("Lewati");
    expect(c.lastMessage().text).toMatch(/^Ringkasan Booking\n\nKode booking: \(dibuat saat Book Now\)\nTotal: Rp790\.000\n.*Jam: 12\.00 - 14\.00 WIB\nDevice: iPhone X\nProduct: LCD\nPembayaran: GoPay/s);
    await c.tap("Book Now");
    const [order] = await suite.db.select().from(orders);
    expect(order).toMatchObject({ chatId: 5551001, partName: "LCD", serviceDate: TOMORROW(), paymentMethod: "gopay" });
  });

  it("device and part only: the bot asks for the date, slot and payment, then shows the summary", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5551002, firstName: "Tono" });
    await startFromForm({ device: "10", part: "1" }, c);
    expect(c.lastMessage().text).toMatch(/Silakan masukan tanggal book/);
    await c.send(formatDateDmy(TOMORROW()));
    await c.tap(/09\.00/);
    await answerPhone(c);
    await c.tap("Lewati");
    expect(buttonTexts(c.lastMessage()).flat()).toContain("GoPay");
    await c.tap("GoPay");
    expect(c.lastMessage().text).toMatch(/^Ringkasan Booking.*Device: iPhone X\nProduct: Battery\nPembayaran: GoPay/s);
  });

  it("a draft that has expired falls back to the normal wizard", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5551003, firstName: "Uli" });
    const location = (await post({ device: "10", part: "1" })).headers.get("location")!;
    await suite.db.update(drafts).set({ expiresAt: new Date(Date.now() - 1000) });
    await c.send(`/start ${new URL(location).searchParams.get("start")}`);
    expect(c.lastMessage().text).toMatch(/^Link pilihan dari website sudah kedaluwarsa/);
    expect(buttonTexts(c.lastMessage())).toEqual([["Booking", "Cancel"]]);
  });
});
