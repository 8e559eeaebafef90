import { eq } from "drizzle-orm";
import { upsertClosedDate } from "@/db/queries/schedule-edits";
import { SEED_SETTINGS } from "@/db/seed";
import { branches, orders } from "@/db/schema";
import { addDays, formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import { answerPhone } from "@/tests/support/bot-flows";
import { addDepokBranch, DEPOK } from "@/tests/support/branch-fixtures";
import { buttonTexts, TelegramCustomer } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/** Issue 16, branches: the bot asks the branch first when there is more than one, and books there. */
const suite = registerSuiteDatabase({ bot: true });
const IN_TWO_DAYS = () => addDays(todayInJakarta(), 2);

async function startBooking(customer: TelegramCustomer) {
  await customer.send("/order");
  await customer.tap("Booking");
}

describe("branches in the bot", () => {
  it("with one branch, Booking goes straight to the date, as before", async () => {
    const c = new TelegramCustomer(suite.tg, { id: 5581001, firstName: "Ani" });
    await startBooking(c);
    expect(c.lastMessage().text).toContain("Silakan masukan tanggal book");
  });

  it("with two, the branch comes first; the chosen branch's slots, price and closed dates are the ones offered, and the order is its", async () => {
    const depok = await addDepokBranch(suite.db);
    const c = new TelegramCustomer(suite.tg, { id: 5581002, firstName: "Bima" });
    await startBooking(c);
    expect(c.lastMessage().text).toBe("Pilih cabang tempat Anda ingin servis:");
    expect(buttonTexts(c.lastMessage())).toEqual([
      [`${SEED_SETTINGS.shopName} – Jl. Kemang Raya No. 8, Bangka, Mampa…`],
      ["Cabang Depok – Jl. Margonda Raya No. 100, Depok"],
      ["‹ Kembali", "Cancel"],
    ]);
    await c.tap(/^Cabang Depok/);
    expect(c.lastMessage().text).toContain("Silakan masukan tanggal book");

    // A date closed at Depok only: refused there, open at the first branch.
    const closed = addDays(todayInJakarta(), 3);
    await upsertClosedDate(suite.db, { branchId: depok.branchId, date: closed, reason: "Renovasi Depok" });
    await c.send(formatDateDmy(closed));
    expect(c.lastMessage().text).toContain("Renovasi Depok");

    await c.send(formatDateDmy(IN_TWO_DAYS()));
    await c.tap("iPhone X");
    expect(buttonTexts(c.lastMessage()).flat().filter((b) => b.includes("WIB"))).toEqual([expect.stringContaining("10.00 - 12.00 WIB")]);
    await c.tap(/10\.00 - 12\.00 WIB/);
    expect(buttonTexts(c.lastMessage()).flat()).toContain("Battery - Rp65.000");
    await c.tap("Battery - Rp65.000");
    await answerPhone(c);
    await c.tap("Lewati");
    await c.tap("GoPay");
    expect(c.lastMessage().text).toContain("Rp65.000");
    await c.tap("Book Now");
    const [order] = await suite.db.select().from(orders).where(eq(orders.chatId, 5581002));
    expect(order).toMatchObject({ branchId: depok.branchId, slotId: depok.slotId, amountIdr: 65_000, slotLabel: "10.00 - 12.00 WIB" });
    // The confirmation names the branch and says where it is.
    const confirmation = c.botMessages().find((m) => m.text.startsWith("✅ Booking berhasil!"));
    expect(confirmation?.text).toContain("10.00 - 12.00 WIB di Cabang Depok");
    expect(confirmation?.text).toContain(`📍 Datang ke toko sesuai jadwal:\n${DEPOK.address}`);

    const other = new TelegramCustomer(suite.tg, { id: 5581003, firstName: "Citra" });
    await startBooking(other);
    await other.tap(new RegExp(`^${SEED_SETTINGS.shopName}`));
    await other.send(formatDateDmy(closed));
    expect(other.lastMessage().text).toContain("Silakan pilih device");
  });

  it("a branch made inactive is not offered, and with one left the step is skipped again", async () => {
    const depok = await addDepokBranch(suite.db);
    await suite.db.update(branches).set({ active: false }).where(eq(branches.id, depok.branchId));
    const c = new TelegramCustomer(suite.tg, { id: 5581004, firstName: "Dedi" });
    await startBooking(c);
    expect(c.lastMessage().text).toContain("Silakan masukan tanggal book");
  });
});
