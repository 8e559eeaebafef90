import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import HomePage from "@/app/page";
import { upsertClosedDate } from "@/db/queries/schedule-edits";
import { findLiveDraft } from "@/db/queries/drafts";
import { drafts, orders, partStock, slots } from "@/db/schema";
import { addDays, formatDateDmy } from "@/lib/booking/calendar";
import { createDraft } from "@/lib/booking/create-draft";
import { answerPhone, TOMORROW } from "@/tests/support/bot-flows";
import { addDepokBranch, deactivateBranch, DEPOK } from "@/tests/support/branch-fixtures";
import { buttonTexts, TelegramCustomer } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/**
 * Issue 16, branches: the website's pre-selection (home page form → draft → bot) is made at a branch the customer
 * chose, checked there, and booked there; with one branch nothing of it shows.
 */
const suite = registerSuiteDatabase({ bot: true, env: { PLAYGROUND: undefined } });
// Seed order: iPhone X is device 10, Battery part 1.
const IPHONE_X = "10";
const BATTERY = "1";

const render = async (query: Record<string, string> = {}) =>
  renderToString(await HomePage({ searchParams: Promise.resolve(query) })).replaceAll("<!-- -->", "");

async function firstBranchSlot(): Promise<number> {
  const [slot] = await suite.db.select().from(slots).where(eq(slots.label, "12.00 - 14.00 WIB"));
  return slot!.id;
}

async function storedDraft(choices: Record<string, unknown>): Promise<string> {
  const id = `d${Math.random().toString(36).slice(2, 10)}`;
  await suite.db.insert(drafts).values({ id, choices, expiresAt: new Date(Date.now() + 3_600_000) });
  return id;
}

describe("the website's pre-selection with branches", () => {
  it("with one branch the form has no branch choice and a draft names none", async () => {
    const page = await render();
    expect(page).not.toContain('name="branch"');
    const result = await createDraft(suite.db, { device: IPHONE_X, part: BATTERY });
    expect(result.status).toBe("ok");
    if (result.status === "ok") expect(result.choices).toEqual({ deviceId: 10, partId: 1 });
  });

  it("with two, the draft needs an active branch and checks the date, slot and stock at it", async () => {
    const depok = await addDepokBranch(suite.db);
    const mainSlot = await firstBranchSlot();
    const date = TOMORROW();
    const draft = (input: Record<string, string>) => createDraft(suite.db, { device: IPHONE_X, part: BATTERY, ...input });

    expect(await draft({})).toEqual({ status: "invalid", errors: { branch: "required" } });
    expect(await draft({ branch: "999" })).toEqual({ status: "invalid", errors: { branch: "branch_closed" } });
    expect(await draft({ branch: "x" })).toEqual({ status: "invalid", errors: { branch: "branch_closed" } });
    // The first branch's slot is not one of Depok's.
    expect(await draft({ branch: String(depok.branchId), date, slot: String(mainSlot) })).toEqual({ status: "invalid", errors: { slot: "slot_unknown" } });
    // A date closed at Depok only.
    await upsertClosedDate(suite.db, { date, reason: "Renovasi", branchId: depok.branchId });
    expect(await draft({ branch: String(depok.branchId), date })).toEqual({ status: "invalid", errors: { date: "closed" } });
    const atMain = await draft({ branch: "1", date, slot: String(mainSlot) });
    expect(atMain.status).toBe("ok");
    if (atMain.status === "ok") expect(atMain.choices).toMatchObject({ branchId: 1, serviceDate: date, slotId: mainSlot });

    const later = addDays(date, 1);
    const atDepok = await draft({ branch: String(depok.branchId), date: later, slot: String(depok.slotId) });
    expect(atDepok.status).toBe("ok");
    if (atDepok.status !== "ok") return;
    expect((await findLiveDraft(suite.db, { id: atDepok.id, now: new Date() }))?.choices).toEqual({
      branchId: depok.branchId,
      deviceId: 10,
      partId: 1,
      serviceDate: later,
      slotId: depok.slotId,
    });

    // Depok's shelf has no battery left for the iPhone X (and no back-order); the first branch's keeps none.
    await suite.db.insert(partStock).values({ branchId: depok.branchId, deviceId: 10, partId: 1, onHand: 0 });
    expect(await draft({ branch: String(depok.branchId) })).toEqual({ status: "invalid", errors: { part: "out_of_stock" } });
    expect((await draft({ branch: "1" })).status).toBe("ok");

    await deactivateBranch(suite.db, depok.branchId);
    expect(await draft({ branch: String(depok.branchId) })).toEqual({ status: "invalid", errors: { branch: "branch_closed" } });
  });

  it("the home page shows the chosen branch's prices and hours, and the form has the branch choice", async () => {
    const depok = await addDepokBranch(suite.db);
    const first = await render();
    expect(first).toContain('name="branch"');
    expect(first).toContain("Daftar harga · Jiot Gadget Solution");
    expect(first).not.toContain("10.00 - 12.00 WIB");
    expect(first).toMatch(new RegExp(`href="/\\?(lang=id&amp;)?branch=${depok.branchId}#reservasi"`));

    const atDepok = await render({ branch: String(depok.branchId) });
    expect(atDepok).toContain(`Daftar harga · ${DEPOK.name}`);
    expect(atDepok).toContain(`Jam buka · ${DEPOK.name}`);
    expect(atDepok).toContain("10.00 - 12.00 WIB");
    expect(atDepok).not.toContain("09.00 - 11.00 WIB");
    // Depok's own price of the iPhone X battery.
    expect(atDepok).toContain("Rp65.000");
    expect(atDepok).toMatch(new RegExp(`<option value="${depok.branchId}" selected="">${DEPOK.name}</option>`));
    expect(atDepok).toMatch(/href="\/\?(lang=id&amp;)?branch=1#reservasi"/);
    // The footer's place is the shown branch's, with its hours.
    const footer = atDepok.slice(atDepok.indexOf("<footer"));
    expect(footer).toContain(DEPOK.address);
    expect(footer).toContain('href="tel:+6281298765432"');
    expect(footer).toContain("10.00–12.00 WIB");
    expect(footer).not.toContain("Kemang");
    expect(first.slice(first.indexOf("<footer"))).toContain("Kemang");
    // A branch that is not (or no longer) active shows the first one.
    expect(await render({ branch: "999" })).toContain("Daftar harga · Jiot Gadget Solution");
  });

  it("the bot books a Depok draft at Depok, at Depok's price", async () => {
    const depok = await addDepokBranch(suite.db);
    const id = await storedDraft({ branchId: depok.branchId, deviceId: 10, partId: 1, serviceDate: TOMORROW(), slotId: depok.slotId, paymentMethod: "gopay" });
    const c = new TelegramCustomer(suite.tg, { id: 5583001, firstName: "Dinda" });
    await c.send(`/start ${id}`);
    await answerPhone(c);
    await c.tap("Lewati");
    expect(c.lastMessage().text).toMatch(/^Ringkasan Booking.*Total: Rp65\.000.*Jam: 10\.00 - 12\.00 WIB/s);
    await c.tap("Book Now");
    const [order] = await suite.db.select().from(orders).where(eq(orders.chatId, 5583001));
    expect(order).toMatchObject({ branchId: depok.branchId, slotId: depok.slotId, amountIdr: 65_000 });
  });

  it("a draft without a branch, or whose branch closed, asks the branch (or the date) again and keeps no other branch's slot", async () => {
    const depok = await addDepokBranch(suite.db);
    const mainSlot = await firstBranchSlot();
    const noBranch = await storedDraft({ deviceId: 10, partId: 1, serviceDate: TOMORROW(), slotId: mainSlot });
    const c = new TelegramCustomer(suite.tg, { id: 5583002, firstName: "Eka" });
    await c.send(`/start ${noBranch}`);
    expect(c.lastMessage().text).toMatch(/^Sebagian pilihan dari website sudah tidak tersedia, silakan pilih lagi\.\n\nPilih cabang tempat Anda ingin servis:/);
    await c.tap(/^Cabang Depok/);
    expect(c.lastMessage().text).toContain("Silakan masukan tanggal book");
    await c.send(formatDateDmy(TOMORROW()));
    expect(buttonTexts(c.lastMessage())[0]![0]).toMatch(/10\.00 - 12\.00 WIB/);

    const atDepok = await storedDraft({ branchId: depok.branchId, deviceId: 10, partId: 1, serviceDate: TOMORROW(), slotId: depok.slotId });
    await deactivateBranch(suite.db, depok.branchId);
    const d = new TelegramCustomer(suite.tg, { id: 5583003, firstName: "Fajar" });
    await d.send(`/start ${atDepok}`);
    // One branch left: no branch step; Depok's date and slot are not carried over to it.
    expect(d.lastMessage().text).toMatch(/^Sebagian pilihan dari website sudah tidak tersedia, silakan pilih lagi\.\n\nSilakan masukan tanggal book/);
    await d.send(formatDateDmy(TOMORROW()));
    expect(d.lastMessage().text).toContain("Silakan pilih jam servis:");
    expect(buttonTexts(d.lastMessage()).flat().join(" ")).not.toContain("10.00 - 12.00");
  });
});
