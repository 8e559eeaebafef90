import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import { POST as payRoute } from "@/app/api/orders/[token]/pay/route";
import OrderPage from "@/app/orders/[token]/page";
import { saveShopSettings } from "@/db/queries/settings";
import { orders } from "@/db/schema";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/navigation", () => jest.requireActual("@/tests/support/no-app-router").navigationWithoutRouter);

/** Issue 13: the status/pay page follows ?lang= or the order's stored language, and offers the switch. */
const suite = registerSuiteDatabase();
const db = () => suite.db;

async function render(token: string, query: Record<string, string> = {}): Promise<string> {
  return renderToString(await OrderPage({ params: Promise.resolve({ token }), searchParams: Promise.resolve(query) }));
}

describe("the status page's language", () => {
  it("is Indonesian for an Indonesian order, with a link to the English page", async () => {
    const order = await bookOrder(db(), { paymentMethod: "gopay" });
    const html = await render(order.statusToken);
    expect(html).toContain("Data Order");
    expect(html).toContain("Menunggu pembayaran");
    expect(html).toContain("Bayar Sekarang");
    expect(html).toMatch(new RegExp(`href="/orders/${order.statusToken}\\?lang=en"[^>]*>English</a>`));
    expect(html).not.toContain("Order details");
  });

  it("is English with ?lang=en: headings, statuses, the method, the date and the pay button", async () => {
    await saveShopSettings(db(), { phone: "+6281234567890" });
    const order = await bookOrder(db(), { paymentMethod: "credit_card" });
    const html = await render(order.statusToken, { lang: "en" });
    for (const words of ["Order details", "Payment status", "Awaiting payment", "Repair status", "Scheduled", "Credit card", "Pay now", "Come to the shop", "Open every day", "Open in Google Maps", "tel:+6281234567890"]) {
      expect(html).toContain(words);
    }
    expect(html).toMatch(/(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday), \d+ [A-Z][a-z]+ \d{4}/);
    expect(html).toMatch(new RegExp(`href="/orders/${order.statusToken}\\?lang=id"[^>]*>Bahasa Indonesia</a>`));
    expect(html).not.toContain("Menunggu pembayaran");
  });

  it("follows the order's own language without ?lang=, and ?lang=id (not a stray value) takes it back", async () => {
    const order = await bookOrder(db());
    await db().update(orders).set({ language: "en", paymentStatus: "refunded" }).where(eq(orders.id, order.id));
    expect(await render(order.statusToken)).toContain("Refunded");
    expect(await render(order.statusToken, { lang: "xx" })).toContain("Order details");
    const indonesian = await render(order.statusToken, { lang: "id" });
    expect(indonesian).toContain("Dana dikembalikan");
    expect(indonesian).not.toContain("Order details");
  });

  it("the pay button's refusal comes back in the page's language", async () => {
    const order = await bookOrder(db());
    await db().update(orders).set({ paymentStatus: "paid" }).where(eq(orders.id, order.id));
    const pay = (lang: string) =>
      payRoute(new Request(`http://localhost/api/orders/${order.statusToken}/pay?lang=${lang}`, { method: "POST" }), { params: Promise.resolve({ token: order.statusToken }) });
    const english = await pay("en");
    expect(english.status).toBe(409);
    expect(await english.json()).toMatchObject({ error: "This order has already been paid." });
    expect(await (await pay("id")).json()).toMatchObject({ error: "Pesanan ini sudah dibayar." });
  });
});
