import { eq } from "drizzle-orm";
import { updateCatalogItem, upsertPrice } from "@/db/queries/catalog-edits";
import { upsertClosedDate } from "@/db/queries/schedule-edits";
import { saveShopSettings } from "@/db/queries/settings";
import { devices, parts } from "@/db/schema";
import { formatDateDmy } from "@/lib/booking/calendar";
import { TOMORROW, walkWizard } from "@/tests/support/bot-flows";
import { buttonTexts, TelegramCustomer } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase({ bot: true });

let nextChat = 5570001;
const customer = () => new TelegramCustomer(suite.tg, { id: nextChat++, firstName: "Sari", languageCode: "id" });

async function idOf(table: typeof devices | typeof parts, name: string): Promise<number> {
  const [row] = await suite.db.select({ id: table.id }).from(table).where(eq(table.name, name));
  return row!.id;
}

// The bot keeps settings, catalog and schedule per instance (readConfig): every edit must reach its next answer.
describe("the bot answers from the shop's configuration as last saved", () => {
  it("a renamed device, a new price, a closed date and a new shop name show in the very next update", async () => {
    // Read once, so that the instance holds them.
    const before = customer();
    await walkWizard(before, "part");
    expect(before.lastMessage().keyboard.flat().map((b) => b.text)).toContain("Battery - Rp70.000");
    await before.send("/start order");
    expect(before.lastMessage().text).toContain("Jiot Gadget Solution");

    const iphoneX = await idOf(devices, "iPhone X");
    await updateCatalogItem(suite.db, { kind: "device", id: iphoneX, values: { name: "iPhone X 2017" } });
    await upsertPrice(suite.db, { deviceId: iphoneX, partId: await idOf(parts, "Battery"), priceIdr: 75_000, active: true });
    await saveShopSettings(suite.db, { shopName: "Jiot Gadget Depok" });

    const after = customer();
    await after.send("/start order");
    expect(after.lastMessage().text).toContain("Jiot Gadget Depok");
    await walkWizard(after, "part", { device: "iPhone X 2017" });
    expect(buttonTexts(after.lastMessage())).toContainEqual(["Battery - Rp75.000"]);

    await upsertClosedDate(suite.db, { date: TOMORROW(), reason: "Libur" });
    const closed = customer();
    await walkWizard(closed, "date");
    await closed.send(formatDateDmy(TOMORROW()));
    expect(closed.lastMessage().text).toContain("toko tutup");
  });

  it("an edit rolled back changes nothing the bot says", async () => {
    await walkWizard(customer(), "part");
    const iphoneX = await idOf(devices, "iPhone X");
    await suite.db
      .transaction(async (tx) => {
        await updateCatalogItem(tx, { kind: "device", id: iphoneX, values: { name: "iPhone X rolled back" } });
        throw new Error("rollback");
      })
      .catch(() => undefined);
    const next = customer();
    await walkWizard(next, "slot");
    expect(next.lastMessage().text).toContain("Device: iPhone X\n");
  });
});
