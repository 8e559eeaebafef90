import { setDbHandle } from "@/db";
import { conversations, orders } from "@/db/schema";
import { openDatabase, type DbHandle } from "@/db/client";
import { formatDateDmy } from "@/lib/booking/calendar";
import { TOMORROW } from "@/tests/support/bot-flows";
import { setupFaultBed } from "@/tests/support/fault-bed";
import { serveRoutes, type ServedRoutes } from "@/tests/support/serve-routes";
import { TelegramCustomer, TEST_WEBHOOK_SECRET, type Update } from "@/tests/support/telegram-customer";

/**
 * The app restarts between two wizard steps (a redeploy, a cold serverless
 * instance, another instance taking the chat's next update): each "instance"
 * here is a fresh module graph of the webhook route (jest.isolateModulesAsync),
 * with nothing left on globalThis from the one before (no cached bot, Bot API
 * client or database handle), its own database connection where the driver
 * has one, served on a new port. The wizard must resume where the customer is.
 */
const bed = setupFaultBed();
const running: { server: ServedRoutes; handle?: DbHandle }[] = [];
afterEach(async () => {
  setDbHandle(bed.db);
  for (const instance of running.splice(0)) {
    await instance.server.stop();
    await instance.handle?.close();
  }
});

const cached = globalThis as unknown as Record<"__jiotBot" | "__jiotBotApi" | "__jiotDb", unknown>;

/** Starts a new instance of the app on the same database and returns its webhook URL. */
async function startInstance(): Promise<string> {
  delete cached.__jiotBot;
  delete cached.__jiotBotApi;
  delete cached.__jiotDb;
  // PGlite lives in this process's memory: the new instance reuses it. A server database gets new connections.
  const handle = bed.db.url ? await openDatabase({ driver: "pg", url: bed.db.url, poolMax: 2 }) : undefined;
  let server: ServedRoutes | undefined;
  await jest.isolateModulesAsync(async () => {
    const { setDbHandle } = await import("@/db");
    setDbHandle(handle ?? bed.db);
    const { POST } = await import("@/app/api/telegram/webhook/route");
    server = await serveRoutes({ "POST /api/telegram/webhook": POST });
  });
  running.push({ server: server!, handle });
  return `${server!.url}/api/telegram/webhook`;
}

async function post(url: string, update: Update): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
    body: JSON.stringify(update),
  });
  await response.arrayBuffer();
  return response.status;
}

const step = async () => (await bed.db.db.select().from(conversations))[0]?.step;

describe("the app restarts between two wizard steps", () => {
  it("each step on a new instance: the wizard resumes where the customer is and books what was chosen", async () => {
    const customer = new TelegramCustomer(bed.tg, { id: 5556101, firstName: "Yuni" });
    expect(await post(await startInstance(), customer.textUpdate("/order"))).toBe(200);
    expect(await post(await startInstance(), customer.tapUpdate("Booking"))).toBe(200);
    expect(await step()).toBe("date");
    expect(await post(await startInstance(), customer.textUpdate(formatDateDmy(TOMORROW())))).toBe(200);
    expect(await step()).toBe("device");
    const deviceMessage = customer.lastMessage().messageId;
    expect(await post(await startInstance(), customer.tapUpdate("iPhone X"))).toBe(200);
    expect(await post(await startInstance(), customer.tapUpdate(/09\.00 - 11\.00 WIB/))).toBe(200);
    expect(customer.lastMessage().messageId).toBe(deviceMessage);
    expect(await post(await startInstance(), customer.tapUpdate("Battery"))).toBe(200);
    expect(await step()).toBe("phone");
    expect(await post(await startInstance(), customer.contactUpdate("6281234567890"))).toBe(200);
    expect(await step()).toBe("fault");
    const wizardMessage = customer.lastMessage().messageId;
    expect(await post(await startInstance(), customer.tapUpdate("Lewati"))).toBe(200);
    expect(await post(await startInstance(), customer.tapUpdate("GoPay"))).toBe(200);
    expect(await step()).toBe("summary");
    // From the fault question on, the same wizard message was edited in place across every instance.
    expect(customer.lastMessage().messageId).toBe(wizardMessage);
    expect(customer.lastMessage().text).toMatch(/^Ringkasan Booking/);

    const bookNow = customer.tapUpdate("Book Now");
    expect(await post(await startInstance(), bookNow)).toBe(200);
    // Telegram re-delivers the tap to yet another instance: it is recognised as done.
    expect(await post(await startInstance(), bookNow)).toBe(200);
    const booked = await bed.db.db.select().from(orders);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ serviceDate: TOMORROW(), deviceName: "iPhone X", partName: "Battery", paymentMethod: "gopay", customerPhone: "+6281234567890" });
    expect(await step()).toBe("booked");
    // Cold starts with TELEGRAM_BOT_USERNAME configured never ask getMe.
    expect(bed.tg.callsOf("getMe")).toEqual([]);
  });

  it("a button from before the restart that is no longer current is answered as expired by the new instance", async () => {
    const customer = new TelegramCustomer(bed.tg, { id: 5556102, firstName: "Zaki" });
    const first = await startInstance();
    expect(await post(first, customer.textUpdate("/order"))).toBe(200);
    const oldIntro = customer.lastMessage();
    const oldTap = customer.tapUpdate("Booking", oldIntro);
    expect(await post(first, customer.textUpdate("/order"))).toBe(200);
    expect(await post(await startInstance(), oldTap)).toBe(200);
    expect(await step()).toBe("intro");
    const answers = bed.tg.callsOf("answerCallbackQuery").map((c) => String(c.params.text ?? ""));
    expect(answers.at(-1)).toMatch(/kedaluwarsa|expired/i);
  });

  it("the app dies after committing a step but before its reply reached the chat: the customer's next tap on the old menu gets the current step", async () => {
    const customer = new TelegramCustomer(bed.tg, { id: 5556103, firstName: "Ayu" });
    const first = await startInstance();
    expect(await post(first, customer.textUpdate("/order"))).toBe(200);
    expect(await post(first, customer.tapUpdate("Booking"))).toBe(200);
    expect(await post(first, customer.textUpdate(formatDateDmy(TOMORROW())))).toBe(200);
    const deviceMenu = customer.lastMessage();
    const tap = customer.tapUpdate("iPhone X", deviceMenu);
    // The reply never arrives (the instance died right after commit): the chat still shows the device menu.
    bed.tg.failNext(1, { status: 400, description: "Bad Request: lost with the instance" }, { method: "editMessageText" });
    expect(await post(first, tap)).toBe(200);
    expect(await step()).toBe("slot");
    expect(customer.lastMessage().text).toBe(deviceMenu.text);

    const second = await startInstance();
    expect(await post(second, tap)).toBe(200); // Telegram's re-delivery: already done
    expect(await post(second, customer.tapUpdate("iPhone X", deviceMenu))).toBe(200);
    expect(customer.lastMessage().keyboard.flat().map((b) => b.text).join(" ")).toMatch(/09\.00 - 11\.00 WIB/);
    expect(await post(second, customer.tapUpdate(/09\.00 - 11\.00 WIB/))).toBe(200);
    expect(await step()).toBe("part");
  });
});
