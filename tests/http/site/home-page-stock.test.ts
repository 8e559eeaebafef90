import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import HomePage from "@/app/page";
import { partStock, parts } from "@/db/schema";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/** Issue 16: the home page's price table says which parts are out of stock or on back-order ("inden, X hari"). */
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
});
