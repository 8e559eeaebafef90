import { renderToString } from "react-dom/server";
import OrderPage from "@/app/orders/[token]/page";
import { saveShopSettings } from "@/db/queries/settings";
import { overrideEnv } from "@/lib/env";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

// The status page's client part asks for the App Router, which a bare server render has not mounted.
jest.mock("next/navigation", () => ({
  ...jest.requireActual("next/navigation"),
  useRouter: () => ({ refresh() {}, push() {}, replace() {}, prefetch() {}, back() {}, forward() {} }),
}));

/** Issue 15: the status page takes the shop's details from the instance's config cache, under the version it read with the order. */
const suite = registerSuiteDatabase();
beforeEach(() => overrideEnv({ APP_URL: "https://jiot.test" }));
const db = () => suite.testDb.db;

async function render(token: string): Promise<string> {
  return renderToString(await OrderPage({ params: Promise.resolve({ token }), searchParams: Promise.resolve({}) }));
}

describe("the status page's shop details", () => {
  it("show an edit of the shop's phone on the next render, after a render that filled the cache", async () => {
    await saveShopSettings(db(), { phone: "+6281111111111" });
    const order = await bookOrder(db());
    expect(await render(order.statusToken)).toContain("tel:+6281111111111");
    await saveShopSettings(db(), { phone: "+6282222222222" });
    const html = await render(order.statusToken);
    expect(html).toContain("tel:+6282222222222");
    expect(html).not.toContain("tel:+6281111111111");
  });

  it("are the same for two orders read under one version", async () => {
    await saveShopSettings(db(), { phone: "+6283333333333" });
    const [first, second] = [await bookOrder(db()), await bookOrder(db())];
    expect(await render(first.statusToken)).toContain("tel:+6283333333333");
    expect(await render(second.statusToken)).toContain("tel:+6283333333333");
  });
});
