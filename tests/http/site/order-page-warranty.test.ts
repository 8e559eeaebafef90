import { addDays, formatDateDmy, wibDateOf } from "@/lib/booking/calendar";
import { overrideEnv } from "@/lib/env";
import { renderOrderPage } from "@/tests/support/render-order-page";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";
import { completedRepair } from "@/tests/support/warranty-fixtures";

jest.mock("next/navigation", () => jest.requireActual("@/tests/support/no-app-router").navigationWithoutRouter);

/** Issue 16: the status page shows the warranty like /status does. */
const suite = registerSuiteDatabase();
beforeEach(() => overrideEnv({ APP_URL: "https://jiot.test" }));
const db = () => suite.db;

const render = (token: string) => renderOrderPage(token);

describe("the status page's warranty", () => {
  it("reads 'Bergaransi s.d. dd/mm/yyyy' while it runs", async () => {
    const order = await completedRepair(db(), { chatId: 5561801, days: 90 });
    const html = await render(order.statusToken);
    expect(html).toContain(`<dt>Garansi</dt><dd>Bergaransi s.d. ${formatDateDmy(addDays(wibDateOf(order.completedAt!), 90))}</dd>`);
  });

  it("reads 'Garansi habis dd/mm/yyyy' once past, and nothing for a part without warranty", async () => {
    const old = await completedRepair(db(), { chatId: 5561802, days: 30, completedAt: new Date(Date.now() - 45 * 86_400_000) });
    expect(await render(old.statusToken)).toContain(`Garansi habis ${formatDateDmy(addDays(wibDateOf(old.completedAt!), 30))}`);
    const none = await completedRepair(db(), { chatId: 5561803, days: 0 });
    expect(await render(none.statusToken)).not.toContain("Garansi");
  });
});
