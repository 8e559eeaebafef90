import { saveShopSettings } from "@/db/queries/settings";
import { overrideEnv } from "@/lib/env";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { renderOrderPage } from "@/tests/support/render-order-page";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/navigation", () => jest.requireActual("@/tests/support/no-app-router").navigationWithoutRouter);

/** Issue 15: the status page takes the shop's details from the instance's config cache, under the version it read with the order. */
const suite = registerSuiteDatabase();
beforeEach(() => overrideEnv({ APP_URL: "https://jiot.test" }));
const db = () => suite.db;

const render = (token: string) => renderOrderPage(token);

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
