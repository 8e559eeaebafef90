import { eq } from "drizzle-orm";
import { eachFilteredOrder, listAdminOrders } from "@/db/queries/admin-orders";
import { orders } from "@/db/schema";
import { csvField } from "@/lib/admin/orders-csv";
import { parseOrderQuery, orderQueryString } from "@/lib/admin/order-filters";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase();

async function bookMany(count: number) {
  const made = [];
  for (let i = 0; i < count; i++) {
    made.push(await bookOrder(suite.db, { chatId: 100 + i, serviceDate: addDays(todayInJakarta(), 2 + (i % 5)), slotIndex: i % 4 }));
  }
  return made;
}

describe("the admin order list", () => {
  it("walks every order exactly once, page by page, in each sort", async () => {
    const made = await bookMany(13);
    for (const sort of ["created_desc", "created_asc", "service_asc", "service_desc"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listAdminOrders(suite.db, { filters: {}, sort, cursor, limit: 4 });
        seen.push(...page.rows.map((o) => o.id));
        cursor = page.next;
      } while (cursor);
      expect(seen.sort()).toEqual(made.map((o) => o.id).sort());
    }
  });

  it("the export's batches hand over every order once", async () => {
    const made = await bookMany(7);
    const seen: string[] = [];
    for await (const order of eachFilteredOrder(suite.db, { filters: {}, sort: "service_asc", batch: 3 })) seen.push(order.id);
    expect(seen.sort()).toEqual(made.map((o) => o.id).sort());
  });

  it("finds by booking code, name or username, and filters by status and date", async () => {
    const [first, second] = await bookMany(3);
    await suite.db.update(orders).set({ customerName: "Siti 100%_Aminah", telegramUsername: "siti_a", paymentStatus: "paid" }).where(eq(orders.id, second!.id));
    const ids = async (filters: Parameters<typeof listAdminOrders>[1]["filters"]) => (await listAdminOrders(suite.db, { filters })).rows.map((o) => o.id);
    expect(await ids({ q: first!.bookingCode })).toEqual([first!.id]);
    expect(await ids({ q: "aminah" })).toEqual([second!.id]);
    expect(await ids({ q: "@SITI_A" })).toEqual([second!.id]);
    expect(await ids({ q: "100%_" })).toEqual([second!.id]);
    expect(await ids({ q: "s%a" })).toEqual([]); // % is a character here, not a wildcard
    expect(await ids({ payment: "paid" })).toEqual([second!.id]);
    expect(await ids({ from: second!.serviceDate, to: second!.serviceDate })).toEqual([second!.id]);
  });

  it("ignores a forged cursor or malformed query instead of failing", async () => {
    await bookMany(2);
    expect((await listAdminOrders(suite.db, { filters: {}, cursor: "bm90IGpzb24" })).rows).toHaveLength(2);
    const query = parseOrderQuery({ payment: "robbed", from: "yesterday", sort: "drop table", q: " 1234 " });
    expect(query).toEqual({ filters: { q: "1234", from: undefined, to: undefined, payment: undefined, repair: undefined, refund: false }, sort: "created_desc", cursor: undefined });
    expect(orderQueryString({ ...query, cursor: "abc" })).toBe("?q=1234&cursor=abc");
  });
});

describe("CSV fields", () => {
  it.each([
    ["Budi", "Budi"],
    ['Budi "B", Jr', '"Budi ""B"", Jr"'],
    ["=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""],
    ["+62812", "'+62812"],
    ["@budi", "'@budi"],
    ["a\nb", '"a\nb"'],
  ])("%j is written as %j", (value, written) => {
    expect(csvField(value)).toBe(written);
  });
});
