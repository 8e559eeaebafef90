// Issue 14: the counter finds a customer by phone — in the order list, and as one history of bot and counter visits.
import { eq } from "drizzle-orm";
import { listAdminOrders } from "@/db/queries/admin-orders";
import { listPhoneOrders } from "@/db/queries/orders";
import { conversations, orders, slots } from "@/db/schema";
import { createCounterOrder } from "@/lib/admin/counter-order";
import { customerHistoryPath, summarizeCustomer } from "@/lib/admin/customer-history";
import { orderQueryString, parseOrderQuery } from "@/lib/admin/order-filters";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const SARI = "+6281234567890";
const TODAY = todayInJakarta();
const suite = registerSuiteDatabase();

async function counterOrder(name: string, phone: string, { payment = "pay_at_shop", slotIndex = 0 }: { payment?: "pay_at_shop" | "paid_cash"; slotIndex?: number } = {}) {
  const slot = (await suite.db.select().from(slots).orderBy(slots.startTime))[slotIndex];
  const result = await createCounterOrder(suite.db, {
    request: { customerName: name, customerPhone: phone, deviceId: 10, partId: 1, when: { kind: "slot", serviceDate: addDays(TODAY, 2), slotId: slot!.id }, payment },
    by: { username: "dewi", ip: null },
  });
  if (!result.ok) throw new Error(result.message);
  return result.order;
}

const found = async (q: string) => (await listAdminOrders(suite.db, parseOrderQuery({ q }))).rows.map((o) => o.customerName).sort();

describe("search by phone in the order list", () => {
  beforeEach(async () => {
    await counterOrder("Sari", SARI);
    await counterOrder("Budi", "+6285711112222", { slotIndex: 1 });
    await bookOrder(suite.db, { chatId: 77 }); // a bot order with no phone
  });

  it.each(["0812-3456-7890", "081234567890", "6281234567890", "+62 812 3456 7890", "0812 3456", "+62812"])("%s finds the order by its stored +62 number", async (q) => {
    expect(await found(q)).toEqual(["Sari"]);
  });

  it("a shorter start finds every number that begins so, and nothing else", async () => {
    expect(await found("08")).toEqual(["Budi", "Sari"]);
    expect(await found("0857")).toEqual(["Budi"]);
    expect(await found("0813")).toEqual([]);
  });

  it("a booking code is still found as a code, names still as names", async () => {
    const [bot] = await suite.db.select().from(orders).where(eq(orders.chatId, 77));
    expect(await found(bot!.bookingCode)).toEqual(["Budi Santoso"]);
    expect(await found("sar")).toEqual(["Sari"]);
  });

  it("the phone read from the query is not written back into links (the query itself is)", () => {
    const query = parseOrderQuery({ q: "0812 3456" });
    expect(query.filters.phonePrefix).toBe("+628123456");
    expect(orderQueryString(query)).toBe("?q=0812+3456");
  });
});

describe("customer history by phone", () => {
  it("gathers the phone's counter orders and every order of a chat that gave that phone, and no one else's", async () => {
    const walkIn = await counterOrder("Sari", SARI, { payment: "paid_cash" });
    const botWithPhone = await bookOrder(suite.db, { chatId: 501 });
    await suite.db.update(orders).set({ customerPhone: SARI }).where(eq(orders.id, botWithPhone.id));
    const sameChatNoPhone = await bookOrder(suite.db, { chatId: 501, slotIndex: 1 });
    const chatRemembered = await bookOrder(suite.db, { chatId: 502, slotIndex: 2 });
    await suite.db.insert(conversations).values({ chatId: 502, phone: SARI }); // shared in the bot, remembered for the chat
    await counterOrder("Orang lain", "+6285711112222", { slotIndex: 3 });
    await bookOrder(suite.db, { chatId: 503, slotIndex: 3 });

    const history = await listPhoneOrders(suite.db, { phone: SARI });
    expect(history.map((o) => o.id).sort()).toEqual([walkIn.id, botWithPhone.id, sameChatNoPhone.id, chatRemembered.id].sort());
    const summary = summarizeCustomer(history, TODAY);
    expect(summary).toMatchObject({ bookings: 4, paidTotalIdr: 70_000, lastVisit: undefined, nextVisit: addDays(TODAY, 2) });
  });

  it("an unknown phone has no history", async () => {
    await counterOrder("Sari", SARI);
    expect(await listPhoneOrders(suite.db, { phone: "+6289999999999" })).toEqual([]);
  });

  it("the order page links a counter order's history by phone, a bot order without a phone by chat", () => {
    expect(customerHistoryPath({ customerPhone: SARI, chatId: null })).toBe("/admin/customers/phone/6281234567890");
    expect(customerHistoryPath({ customerPhone: SARI, chatId: 5 })).toBe("/admin/customers/phone/6281234567890");
    expect(customerHistoryPath({ customerPhone: null, chatId: 5 })).toBe("/admin/customers/5");
    expect(customerHistoryPath({ customerPhone: null, chatId: null })).toBeUndefined();
  });
});
