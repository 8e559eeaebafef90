import { conversations } from "@/db/schema";
import { postUpdate, TelegramCustomer } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

// A chat's first updates arrive together: the claim finds no conversation row for each, and both insert it (createConversation).
const suite = registerSuiteDatabase({ bot: true, poolMax: 10 });

it("two first updates of a new chat at once: each is answered, one after the other on one conversation row", async () => {
  const c = new TelegramCustomer(suite.tg, { id: 5590101, firstName: "Wulan", languageCode: "id" });
  const responses = await Promise.all([postUpdate(c.textUpdate("/order")), postUpdate(c.textUpdate("/order"))]);
  expect(responses.map((r) => r.status)).toEqual([200, 200]);
  const rows = await suite.db.select().from(conversations);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.version).toBe(3);
  // Both got the wizard's first menu; neither met the unique key (which would have been apologised for).
  const texts = suite.tg.callsOf("sendMessage").map((call) => String(call.params.text));
  expect(texts).toHaveLength(2);
  for (const text of texts) expect(text).toMatch(/^Terimakasih, telah memilih layanan kami/);
});
