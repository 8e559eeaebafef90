import { renderToString } from "react-dom/server";
import HomePage from "@/app/page";
import { POST as reservasi } from "@/app/reservasi/route";
import { saveShopSettings } from "@/db/queries/settings";
import { addDays, todayInJakarta, weekdayOf } from "@/lib/booking/calendar";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/** Issue 13: the home page follows ?lang=en|id and offers the switch; a refused form comes back in the same language. */
const suite = registerSuiteDatabase({ bot: true, env: { PLAYGROUND: undefined } });

async function render(query: Record<string, string> = {}): Promise<string> {
  return renderToString(await HomePage({ searchParams: Promise.resolve(query) }));
}

describe("the home page's language", () => {
  it("is Indonesian by default, with a link to English", async () => {
    const html = await render();
    for (const words of ["Daftar harga", "Pilih dulu di sini", "Jam buka", "Reservasi", "Cek jam kosong", "Kartu kredit"]) expect(html).toContain(words);
    expect(html).toMatch(/href="\/\?lang=en"[^>]*>English<\/a>/);
    expect(html).not.toContain("Opening hours");
  });

  it("is English with ?lang=en: headings, form, payment methods, closed weekday and opening hours; the form carries the language", async () => {
    await saveShopSettings(db(), { closedWeekdays: [0] });
    const html = await render({ lang: "en" });
    for (const words of ["Prices", "Choose here first", "Opening hours", "Book now", "Check free times", "Credit card", "Closed every Sunday.", "Open every day except Sunday", "Choose a device"]) {
      expect(html).toContain(words);
    }
    expect(html).toContain('<input type="hidden" name="lang" value="en"/>');
    expect(html).toMatch(/href="\/\?lang=id"[^>]*>Bahasa Indonesia<\/a>/);
    expect(html).not.toMatch(/Daftar harga|Pilih dulu di sini|Tutup setiap/);
  });

  it("a refused choice comes back to the English page with the reason in English", async () => {
    const closed = addDays(todayInJakarta(), 3);
    await saveShopSettings(db(), { closedWeekdays: [weekdayOf(closed)] });
    const form = new URLSearchParams({ device: "10", part: "1", date: closed, lang: "en" });
    const response = await reservasi(new Request("http://localhost/reservasi", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString() }));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!, "http://localhost");
    expect(location.searchParams.get("lang")).toBe("en");
    const html = await render(Object.fromEntries(location.searchParams));
    expect(html).toContain("The shop is closed on this date.");
  });
});

const db = () => suite.db;
