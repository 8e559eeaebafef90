import { Client } from "pg";
import { TelegramCustomer } from "@/tests/support/telegram-customer";
import { answerPhone, TOMORROW } from "@/tests/support/bot-flows";
import { formatDateDmy } from "@/lib/booking/calendar";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

// The webhook's cost is mostly its round trips to the database (tests/bench/README.md): this keeps their count where it is.
const suite = registerSuiteDatabase({ bot: true, midtrans: true });
const sent: string[] = [];
const query = Client.prototype.query;
beforeAll(() => {
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push(typeof first === "string" ? first : (first.text ?? ""));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
});
afterAll(() => {
  Client.prototype.query = query;
});

/** Statements of the update's transaction, begin and commit included (what runs after the answer is not counted). */
async function roundTrips(step: () => Promise<Response>): Promise<number> {
  sent.length = 0;
  expect((await step()).status).toBe(200);
  const begin = sent.findIndex((text) => text === "begin");
  const commit = sent.findIndex((text) => text === "commit");
  return commit - begin + 1;
}

async function walk(customer: TelegramCustomer): Promise<Record<string, number>> {
  return {
    order: await roundTrips(() => customer.send("/order")),
    booking: await roundTrips(() => customer.tap("Booking")),
    date: await roundTrips(() => customer.send(formatDateDmy(TOMORROW()))),
    device: await roundTrips(() => customer.tap("iPhone X")),
    slot: await roundTrips(() => customer.tap(/09\.00 - 11\.00 WIB/)),
    part: await roundTrips(() => customer.tap("Battery")),
    phone: await roundTrips(() => answerPhone(customer).then(() => new Response())),
    fault: await roundTrips(() => customer.tap(/^(Lewati|Skip)$/)),
    method: await roundTrips(() => customer.tap("GoPay")),
    bookNow: await roundTrips(() => customer.tap("Book Now")),
  };
}

it("a wizard step is begin, one statement that claims the update and locks the chat, its own reads, the save and commit", async () => {
  // The first customer fills the instance's copy of settings, catalog and schedule; the second walks on it.
  // Book Now went from 12 to 14 with the waitlist (issue 16): it locks the chat's own offer for the date, and closes the wait it booked.
  // Parts stock (issue 16) added one read each to slot (the part menu reads the device's shelf), part (the tapped part is
  // re-checked on the shelf) and Book Now (the part's stock row is locked; untracked here, so nothing is counted).
  await walk(new TelegramCustomer(suite.tg, { id: 5580001, firstName: "Ani", languageCode: "id" }));
  const steps = await walk(new TelegramCustomer(suite.tg, { id: 5580002, firstName: "Budi", languageCode: "id" }));
  expect(steps).toEqual({ order: 6, booking: 4, date: 5, device: 5, slot: 6, part: 5, phone: 5, fault: 4, method: 4, bookNow: 15 });
});
