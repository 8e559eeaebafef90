import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import HomePage from "@/app/page";
import { partStock, parts } from "@/db/schema";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { createDraft } from "@/lib/booking/create-draft";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/** Issue 16: the home page's price table and pick-a-part form say which parts are out of stock or on back-order ("inden, X hari"). */
const suite = registerSuiteDatabase({ bot: true, env: { PLAYGROUND: undefined } });
const IPHONE_X = 10;

async function render(query: Record<string, string> = {}): Promise<string> {
  return renderToString(await HomePage({ searchParams: Promise.resolve(query) }));
}

/** The iPhone X row of the price table. */
const iphoneXRow = (html: string) => html.match(/<tr><th scope="row">iPhone X<\/th>.*?<\/tr>/)?.[0] ?? "";

async function partIdOf(name: string): Promise<number> {
  return (await suite.db.select().from(parts).where(eq(parts.name, name)))[0]!.id;
}

describe("stock on the home page", () => {
  it("marks the last unit gone as 'stok habis' and a back-order part 'inden, X hari'; untracked parts as before", async () => {
    await suite.db.insert(partStock).values([
      { deviceId: IPHONE_X, partId: await partIdOf("Battery"), onHand: 1, lowAt: 0 },
      { deviceId: IPHONE_X, partId: await partIdOf("LCD"), onHand: 0, lowAt: 0, backorderDays: 4 },
    ]);
    expect(iphoneXRow(await render())).not.toContain("stok habis");
    await bookOrder(suite.db, { chatId: 1 }); // the last Battery
    const row = iphoneXRow(await render());
    expect(row).toMatch(/Rp70\.000<span[^>]*> \(<!-- -->stok habis<!-- -->\)<\/span>/);
    expect(row).toMatch(/inden, 4 hari/);
    expect(row.match(/stok habis|inden/g)).toHaveLength(2);
    expect(iphoneXRow(await render({ lang: "en" }))).toMatch(/out of stock.*back-order, 4 days/);
  });

  /** The option texts of the form's part list. */
  const partOptions = (html: string) =>
    [...(html.match(/<select id="f-part".*?<\/select>/)?.[0] ?? "").matchAll(/<option value="\d+"[^>]*>(.*?)<\/option>/g)].map((m) => m[1]!.replaceAll("<!-- -->", ""));

  it("the pick-a-part form leaves out a part gone without back-order and labels a back-order part 'inden, X hari'", async () => {
    await suite.db.insert(partStock).values([
      { deviceId: IPHONE_X, partId: await partIdOf("Battery"), onHand: 1, lowAt: 0 },
      { deviceId: IPHONE_X, partId: await partIdOf("LCD"), onHand: 0, lowAt: 0, backorderDays: 4 },
    ]);
    expect(partOptions(await render({ device: String(IPHONE_X) }))).toContain("Battery — Rp70.000");
    await bookOrder(suite.db, { chatId: 1 }); // the last Battery
    const options = partOptions(await render({ device: String(IPHONE_X) }));
    expect(options.some((o) => o.startsWith("Battery"))).toBe(false);
    expect(options.find((o) => o.startsWith("LCD"))).toMatch(/^LCD — Rp[\d.]+ \(inden, 4 hari\)$/);
    expect(options.some((o) => o.startsWith("Back Camera"))).toBe(true); // untracked: as before
    expect(partOptions(await render({ device: String(IPHONE_X), lang: "en" })).find((o) => o.startsWith("LCD"))).toMatch(/\(back-order, 4 days\)$/);
    // Before a device is picked, a part some other model still has stays in the list.
    expect(partOptions(await render())).toContain("Battery");
  });

  it("a posted pick of a part gone is refused; a back-order part only without a date or for one far enough", async () => {
    await suite.db.insert(partStock).values([
      { deviceId: IPHONE_X, partId: await partIdOf("Battery"), onHand: 0, lowAt: 0 },
      { deviceId: IPHONE_X, partId: await partIdOf("LCD"), onHand: 0, lowAt: 0, backorderDays: 4 },
    ]);
    const pick = async (part: string, date?: string) => createDraft(suite.db, { device: String(IPHONE_X), part: String(await partIdOf(part)), ...(date && { date }) });
    expect(await pick("Battery")).toEqual({ status: "invalid", errors: { part: "out_of_stock" } });
    expect(await pick("LCD", addDays(todayInJakarta(), 2))).toEqual({ status: "invalid", errors: { date: "backorder_date" } });
    expect((await pick("LCD")).status).toBe("ok");
    expect((await pick("LCD", addDays(todayInJakarta(), 4))).status).toBe("ok");
  });
});
