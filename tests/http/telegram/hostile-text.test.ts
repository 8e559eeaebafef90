import { renderToString } from "react-dom/server";
import OrderPage from "@/app/orders/[token]/page";
import { orders } from "@/db/schema";
import { walkWizard } from "@/tests/support/bot-flows";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";
import { TelegramCustomer } from "@/tests/support/telegram-customer";

jest.mock("next/navigation", () => jest.requireActual("@/tests/support/no-app-router").navigationWithoutRouter);

/** Issue 7, "Security": SQL and HTML in what customers type, and in what the status page shows. */
const suite = registerSuiteDatabase({ bot: true });

const HOSTILE = {
  firstName: `Robert'); DROP TABLE orders; --`,
  lastName: `<script>alert("x")</script>`,
  username: `a_b<img src=x onerror=alert(1)>`,
};

describe("SQL and HTML from customers", () => {
  it("names and chat text with SQL and HTML are stored as text, sent as plain text, and the status page escapes what it shows", async () => {
    const customer = new TelegramCustomer(suite.tg, { id: 5556203, ...HOSTILE, languageCode: "id" });
    expect((await customer.send("/help")).status).toBe(200);
    expect((await customer.send("/status ' OR 1=1 --")).status).toBe(200);
    expect((await customer.send("<b>halo</b>'; DELETE FROM orders; --")).status).toBe(200);
    await walkWizard(customer, "summary");
    expect((await customer.tap("Book Now")).status).toBe(200);
    const [order] = await suite.db.select().from(orders);
    expect(order).toMatchObject({ customerName: `${HOSTILE.firstName} ${HOSTILE.lastName}`, telegramUsername: HOSTILE.username });
    const sent = suite.tg.callsOf("sendMessage").concat(suite.tg.callsOf("editMessageText"));
    expect(sent.filter((c) => c.params.parse_mode !== undefined)).toEqual([]);
    expect(String(suite.tg.callsOf("sendMessage")[0]!.params.text)).toContain(HOSTILE.firstName);

    // What the page shows from the order's snapshot, with markup in it (e.g. a catalog name typed by staff).
    await suite.db.update(orders).set({ deviceName: `<script>alert("dev")</script>`, partName: `<img src=x onerror=alert(2)>` });
    const html = renderToString(await OrderPage({ params: Promise.resolve({ token: order!.statusToken }), searchParams: Promise.resolve({}) }));
    expect(html).toContain("&lt;script&gt;alert(&quot;dev&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
    expect(html).not.toMatch(/<script>alert|<img src=x/);
  });
});
