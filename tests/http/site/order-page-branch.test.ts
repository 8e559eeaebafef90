import { SEED_SETTINGS } from "@/db/seed";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { createBooking } from "@/lib/booking/create-booking";
import { overrideEnv } from "@/lib/env";
import { addDepokBranch, DEPOK } from "@/tests/support/branch-fixtures";
import { bookOrder, customerBooking } from "@/tests/support/payment-fixtures";
import { renderOrderPage } from "@/tests/support/render-order-page";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/navigation", () => jest.requireActual("@/tests/support/no-app-router").navigationWithoutRouter);

/** Issue 16, branches: the status page says where the order is served: its branch's name, address and number. */
const suite = registerSuiteDatabase();
beforeEach(() => overrideEnv({ APP_URL: "https://jiot.test" }));

describe("the status page's branch", () => {
  it("an order at Depok shows Depok's place and hours; one at the first branch the shop's, as before", async () => {
    const depok = await addDepokBranch(suite.db);
    const booked = await createBooking(suite.db, customerBooking({ chatId: 5583001, slotId: depok.slotId, serviceDate: addDays(todayInJakarta(), 2) }));
    if (!booked.ok) throw new Error(booked.reason);
    const depokPage = await renderOrderPage(booked.order.statusToken);
    expect(depokPage).toContain(DEPOK.name);
    expect(depokPage).toContain(DEPOK.address);
    expect(depokPage).toContain("tel:+6281298765432");
    expect(depokPage).toContain("10.00–12.00 WIB");
    expect(depokPage).not.toContain(SEED_SETTINGS.address);

    const kemang = await renderOrderPage((await bookOrder(suite.db)).statusToken);
    expect(kemang).toContain(SEED_SETTINGS.address);
    expect(kemang).not.toContain(DEPOK.address);
  });
});
