import { eq } from "drizzle-orm";
import { findLiveDraft } from "@/db/queries/drafts";
import { closedDates, drafts, slots } from "@/db/schema";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { createBooking } from "@/lib/booking/create-booking";
import { createDraft, DRAFT_LIFETIME_MS } from "@/lib/booking/create-draft";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase();
const NOW = new Date("2026-11-28T03:00:00Z"); // 10.00 WIB
const TODAY = todayInJakarta(NOW);
const TOMORROW = addDays(TODAY, 1);
// Seed order: iPhone X is device 10, Battery part 1, Finger (no price for the iPhone X) part 3.
const IPHONE_X = "10";
const BATTERY = "1";
const FINGER = "3";

async function slotId(label: RegExp): Promise<number> {
  const all = await suite.db.select().from(slots);
  return all.find((s) => label.test(s.label))!.id;
}

describe("createDraft", () => {
  it("stores a complete choice as a draft whose id fits a Telegram start payload and lives an hour", async () => {
    const slot = await slotId(/^12\.00/);
    const result = await createDraft(
      suite.db,
      { device: IPHONE_X, part: BATTERY, date: TOMORROW, slot: String(slot), payment: "gopay" },
      NOW,
    );
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    const stored = await findLiveDraft(suite.db, { id: result.id, now: NOW });
    expect(stored?.choices).toEqual({ deviceId: 10, partId: 1, serviceDate: TOMORROW, slotId: slot, paymentMethod: "gopay" });
    expect(stored!.expiresAt.getTime()).toBe(NOW.getTime() + DRAFT_LIFETIME_MS);
    expect(await findLiveDraft(suite.db, { id: result.id, now: new Date(NOW.getTime() + DRAFT_LIFETIME_MS + 1) })).toBeUndefined();
  });

  it("needs only a device and a part; the rest is left for the bot to ask", async () => {
    const result = await createDraft(suite.db, { device: IPHONE_X, part: BATTERY, date: "", slot: "", payment: "" }, NOW);
    expect(result.status).toBe("ok");
    if (result.status === "ok") expect(result.choices).toEqual({ deviceId: 10, partId: 1 });
  });

  it("refuses a part that is not priced for the device, and a missing device", async () => {
    expect(await createDraft(suite.db, { device: IPHONE_X, part: FINGER }, NOW)).toEqual({ status: "invalid", errors: { part: "not_offered" } });
    expect(await createDraft(suite.db, { part: BATTERY }, NOW)).toEqual({ status: "invalid", errors: { device: "required" } });
    expect(await suite.db.select().from(drafts)).toHaveLength(0);
  });

  it("refuses dates by the WIB calendar rules: past, beyond the horizon, closed, malformed", async () => {
    await suite.db.insert(closedDates).values({ date: addDays(TODAY, 2), reason: "Libur" });
    const cases: [string, string][] = [
      [addDays(TODAY, -1), "past"],
      [addDays(TODAY, 31), "beyond_horizon"],
      [addDays(TODAY, 2), "closed"],
      ["2026-02-31", "invalid"],
      ["besok", "format"],
    ];
    for (const [date, problem] of cases) {
      expect(await createDraft(suite.db, { device: IPHONE_X, part: BATTERY, date }, NOW)).toEqual({ status: "invalid", errors: { date: problem } });
    }
  });

  it("offers a slot only when a date is chosen, it has room, and it starts after the lead time", async () => {
    const nine = await slotId(/^09\.00/);
    const noon = await slotId(/^12\.00/);
    const base = { device: IPHONE_X, part: BATTERY };
    expect(await createDraft(suite.db, { ...base, slot: String(nine) }, NOW)).toEqual({ status: "invalid", errors: { slot: "slot_needs_date" } });
    // 09.00 today has already begun at 10.00 WIB.
    expect(await createDraft(suite.db, { ...base, date: TODAY, slot: String(nine) }, NOW)).toEqual({ status: "invalid", errors: { slot: "slot_too_late" } });
    expect(await createDraft(suite.db, { ...base, date: TOMORROW, slot: "999" }, NOW)).toEqual({ status: "invalid", errors: { slot: "slot_unknown" } });
    for (const chatId of [1, 2]) {
      const booked = await createBooking(suite.db, { chatId, customerName: "A", deviceId: 10, partId: 1, slotId: noon, serviceDate: TOMORROW, paymentMethod: "gopay", now: NOW });
      expect(booked.ok).toBe(true);
    }
    expect(await createDraft(suite.db, { ...base, date: TOMORROW, slot: String(noon) }, NOW)).toEqual({ status: "invalid", errors: { slot: "slot_full" } });
    expect((await createDraft(suite.db, { ...base, date: TOMORROW, slot: String(nine) }, NOW)).status).toBe("ok");
  });

  it("refuses a date whose slots are all taken or inactive, and a payment method the bot does not offer", async () => {
    await suite.db.update(slots).set({ active: false }).where(eq(slots.active, true));
    expect(await createDraft(suite.db, { device: IPHONE_X, part: BATTERY, date: TOMORROW, payment: "cash" }, NOW)).toEqual({
      status: "invalid",
      errors: { date: "date_full", payment: "not_offered" },
    });
  });

  it("forgets expired drafts when it makes a new one", async () => {
    await suite.db.insert(drafts).values({ id: "old", choices: {}, expiresAt: new Date(NOW.getTime() - 1) });
    await createDraft(suite.db, { device: IPHONE_X, part: BATTERY }, NOW);
    expect((await suite.db.select().from(drafts)).map((d) => d.id)).not.toContain("old");
  });
});
