import { eq } from "drizzle-orm";
import { GET as exportOrders } from "@/app/admin/orders/export/route";
import { orders } from "@/db/schema";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { adminCookie, adminRequest } from "@/tests/support/admin-session";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const URL_BASE = "https://jiot.test/admin/orders/export";
const suite = registerSuiteDatabase();

const get = (query: string, cookie?: string) => exportOrders(adminRequest(`${URL_BASE}${query}`, { cookie, method: "GET" }));

describe("GET /admin/orders/export", () => {
  it("without a session, or with a revoked or forged one, is 401 and reveals nothing", async () => {
    await bookOrder(suite.db);
    for (const cookie of [undefined, "__Host-jiot_admin=forged", "jiot_admin=forged"]) {
      const response = await get("", cookie);
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain("Budi");
    }
  });

  it("streams the filtered list as CSV with a header row, names made safe for spreadsheets", async () => {
    const cookie = await adminCookie(suite.db);
    const [paid] = [await bookOrder(suite.db, { chatId: 1 }), await bookOrder(suite.db, { chatId: 2 })];
    await suite.db.update(orders).set({ paymentStatus: "paid", customerName: "=cmd|' /C calc'!A0" }).where(eq(orders.id, paid!.id));
    const response = await get("?payment=paid", cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="pesanan-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]!.split(",")).toEqual(expect.arrayContaining(["booking_code", "customer_name", "amount_idr", "payment_status", "repair_status"]));
    expect(lines[1]).toContain(paid!.bookingCode);
    expect(lines[1]).toContain("'=cmd|' /C calc'!A0");
    expect(lines[1]).toContain(",70000,");
  });

  it("exports every order when no filter is set", async () => {
    const cookie = await adminCookie(suite.db);
    for (let i = 0; i < 7; i++) await bookOrder(suite.db, { chatId: 10 + i, slotIndex: i % 4, serviceDate: addDays(todayInJakarta(), 2 + (i % 3)) });
    const text = await (await get("", cookie)).text();
    expect(text.trim().split("\r\n")).toHaveLength(8);
  });
});
