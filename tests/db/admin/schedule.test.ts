import { eq } from "drizzle-orm";
import { getShopSettings, saveShopSettings } from "@/db/queries/settings";
import { auditLog, closedDates, slots } from "@/db/schema";
import { closeDate, removeSlot, reopenDate, saveSettings, saveSlot } from "@/lib/admin/catalog-schedule";
import { closedDateInput, settingsInput, slotInput } from "@/lib/admin/catalog-input";
import { applyForm } from "@/lib/admin/edit-result";
import { addDays, formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase();
const ADMIN = { username: "rina", ip: null };
const IN_TWO_DAYS = addDays(todayInJakarta(), 2);
// The schedule page's forms as their server actions run them: fields checked, then the change.
const postSlot = (form: FormData) => applyForm(slotInput, form, (input) => saveSlot(suite.db, ADMIN, input));
const postClosedDate = (form: FormData) => applyForm(closedDateInput, form, (input) => closeDate(suite.db, ADMIN, input));
const postSettings = (form: FormData) => applyForm(settingsInput, form, (input) => saveSettings(suite.db, ADMIN, input));

async function firstSlot() {
  return (await suite.db.select().from(slots).orderBy(slots.startTime))[0]!;
}

describe("slots", () => {
  it("adds a slot and refuses an end before the start or a label already used", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ label: "20.00 - 21.00 WIB", startTime: "20:00", endTime: "21:00", capacity: "1", active: "on" })) form.set(k, v);
    expect(await postSlot(form)).toEqual({ status: "ok", message: 'Jam servis "20.00 - 21.00 WIB" ditambahkan.' });
    form.set("endTime", "19:00");
    expect(await postSlot(form)).toEqual({ status: "invalid", errors: { endTime: "Jam selesai harus setelah jam mulai." } });
    form.set("endTime", "21:00");
    expect(await postSlot(form)).toEqual({ status: "invalid", errors: { label: 'Label "20.00 - 21.00 WIB" sudah dipakai.' } });
  });

  it("refuses a capacity below the places customers already hold, naming the day", async () => {
    const slot = await firstSlot();
    await bookOrder(suite.db, { chatId: 1, serviceDate: IN_TWO_DAYS });
    await bookOrder(suite.db, { chatId: 2, serviceDate: IN_TWO_DAYS });
    const result = await saveSlot(suite.db, ADMIN, { ...slot, capacity: 1 });
    expect(result).toEqual({
      status: "invalid",
      errors: {
        capacity: `Kapasitas 1 lebih kecil dari pesanan yang sudah ada: ${formatDateDmy(IN_TWO_DAYS)} (2 pesanan). Jadwalkan ulang atau batalkan pesanan itu dulu.`,
      },
    });
    expect((await firstSlot()).capacity).toBe(2);
    expect(await suite.db.select().from(auditLog).where(eq(auditLog.entity, "slot"))).toHaveLength(0);
    // Raising it, or lowering it to exactly what is held, is fine.
    expect((await saveSlot(suite.db, ADMIN, { ...slot, capacity: 3 })).status).toBe("ok");
    expect((await saveSlot(suite.db, ADMIN, { ...slot, capacity: 2 })).status).toBe("ok");
    const [audit] = await suite.db.select().from(auditLog).where(eq(auditLog.entity, "slot"));
    expect(audit).toMatchObject({ actor: "rina", action: "update", before: { capacity: 2 }, after: { capacity: 3 } });
  });

  it("a slot an order used is deactivated, not deleted; an unused one is deleted", async () => {
    await bookOrder(suite.db, { chatId: 1 });
    const used = await firstSlot();
    expect(await removeSlot(suite.db, ADMIN, { id: used.id })).toEqual({
      status: "ok",
      message: 'Jam servis "09.00 - 11.00 WIB" dipakai 1 pesanan, jadi dinonaktifkan, bukan dihapus.',
    });
    expect((await firstSlot()).active).toBe(false);
    const last = (await suite.db.select().from(slots).orderBy(slots.startTime)).at(-1)!;
    expect((await removeSlot(suite.db, ADMIN, { id: last.id })).status).toBe("ok");
    expect(await suite.db.select().from(slots).where(eq(slots.id, last.id))).toHaveLength(0);
  });
});

describe("closed dates and settings", () => {
  it("closes a date with a reason and reopens it; a date with bookings is not closed silently", async () => {
    await bookOrder(suite.db, { chatId: 1, serviceDate: IN_TWO_DAYS });
    expect(await closeDate(suite.db, ADMIN, { date: IN_TWO_DAYS, reason: "Idul Fitri" })).toEqual({
      status: "invalid",
      errors: { _form: `Sudah ada 1 pesanan pada ${formatDateDmy(IN_TWO_DAYS)}. Pindahkan atau batalkan pesanan itu di bawah (pelanggan diberi tahu), lalu tutup tanggalnya.` },
    });
    expect(await suite.db.select().from(closedDates)).toEqual([]);
    const free = addDays(IN_TWO_DAYS, 1);
    expect(await closeDate(suite.db, ADMIN, { date: free, reason: "Idul Fitri" })).toEqual({ status: "ok", message: `Toko tutup pada ${formatDateDmy(free)}.` });
    expect(await suite.db.select().from(closedDates)).toEqual([{ branchId: 1, date: free, reason: "Idul Fitri" }]);
    expect((await reopenDate(suite.db, ADMIN, { date: free })).status).toBe("ok");
    expect(await suite.db.select().from(closedDates)).toHaveLength(0);
    const actions = (await suite.db.select().from(auditLog).where(eq(auditLog.entity, "closed_date"))).map((a) => a.action);
    expect(actions).toEqual(["create", "delete"]);
  });

  it("refuses a past date or one not in the calendar", async () => {
    expect(await closeDate(suite.db, ADMIN, { date: addDays(todayInJakarta(), -1), reason: "" })).toEqual({ status: "invalid", errors: { date: "Tanggal ini sudah lewat." } });
    const form = new FormData();
    form.set("date", "2026-02-30");
    expect(await postClosedDate(form)).toEqual({ status: "invalid", errors: { date: "Tanggal ini tidak ada di kalender." } });
  });

  it("saves the shop's settings from the form, weekly closed days included, audited with before and after", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ shopName: "Jiot Gadget Bandung", tagline: "Cepat", bookingHorizonDays: "14", leadTimeMinutes: "30", holdHours: "6", maxUnpaidPerChat: "3", waitlistOfferMinutes: "10" })) form.set(k, v);
    form.append("closedWeekdays", "0");
    form.append("closedWeekdays", "5");
    expect(await postSettings(form)).toEqual({ status: "ok", message: "Pengaturan disimpan." });
    expect(await getShopSettings(suite.db)).toMatchObject({ shopName: "Jiot Gadget Bandung", bookingHorizonDays: 14, leadTimeMinutes: 30, holdHours: 6, maxUnpaidPerChat: 3, waitlistOfferMinutes: 10, closedWeekdays: [0, 5] });
    form.set("maxUnpaidPerChat", "0");
    expect(await postSettings(form)).toEqual({ status: "invalid", errors: { maxUnpaidPerChat: "Booking belum dibayar per chat minimal 1." } });
    form.set("maxUnpaidPerChat", "3");
    form.set("holdHours", "0");
    expect(await postSettings(form)).toEqual({ status: "invalid", errors: { holdHours: "Batas bayar minimal 1." } });
    const [audit] = await suite.db.select().from(auditLog).where(eq(auditLog.entity, "settings"));
    expect(audit).toMatchObject({ actor: "rina", action: "update", before: { shopName: "Jiot Gadget Solution" }, after: { shopName: "Jiot Gadget Bandung" } });
    expect((await saveSettings(suite.db, ADMIN, { shopName: "X", tagline: "", address: "", phone: "", mapsUrl: "", bookingHorizonDays: 30, leadTimeMinutes: 0, holdHours: 24, closedWeekdays: [] })).status).toBe("ok");
  });

  it("saves the diagnosis fee and whether customers may pay at the shop; a negative fee is refused and nothing changes", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ shopName: "Jiot", tagline: "", bookingHorizonDays: "30", leadTimeMinutes: "60", holdHours: "24" })) form.set(k, v);
    form.set("diagnosisFeeIdr", "Rp50.000");
    form.append("payAtShopAllowed", "off");
    form.append("payAtShopAllowed", "on");
    expect(await postSettings(form)).toEqual({ status: "ok", message: "Pengaturan disimpan." });
    expect(await getShopSettings(suite.db)).toMatchObject({ diagnosisFeeIdr: 50_000, payAtShopAllowed: true });

    form.set("payAtShopAllowed", "off");
    form.set("diagnosisFeeIdr", "0");
    expect((await postSettings(form)).status).toBe("ok");
    expect(await getShopSettings(suite.db)).toMatchObject({ diagnosisFeeIdr: 0, payAtShopAllowed: false });

    form.set("diagnosisFeeIdr", "-5");
    form.set("payAtShopAllowed", "on");
    expect(await postSettings(form)).toEqual({ status: "invalid", errors: { diagnosisFeeIdr: "Biaya cek / diagnosa minimal 0." } });
    expect(await getShopSettings(suite.db)).toMatchObject({ diagnosisFeeIdr: 0, payAtShopAllowed: false });

    // A form from before these fields leaves them as they are.
    form.delete("diagnosisFeeIdr");
    form.delete("payAtShopAllowed");
    await saveShopSettings(suite.db, { diagnosisFeeIdr: 25_000, payAtShopAllowed: true });
    expect((await postSettings(form)).status).toBe("ok");
    expect(await getShopSettings(suite.db)).toMatchObject({ diagnosisFeeIdr: 25_000, payAtShopAllowed: true });
  });

  it("saves the shop's address, phone (as +62…) and map link; a foreign number or a non-http link is refused", async () => {
    const form = new FormData();
    const fields = { shopName: "Jiot", tagline: "", bookingHorizonDays: "30", leadTimeMinutes: "60", holdHours: "24" };
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set("address", "  Jl. Margonda Raya No. 1, Depok <b>  ");
    form.set("phone", "0812-3456-7890");
    form.set("mapsUrl", "https://maps.app.goo.gl/abc");
    expect(await postSettings(form)).toEqual({ status: "ok", message: "Pengaturan disimpan." });
    // Stored as typed (the pages escape it when they render), trimmed.
    expect(await getShopSettings(suite.db)).toMatchObject({ address: "Jl. Margonda Raya No. 1, Depok <b>", phone: "+6281234567890", mapsUrl: "https://maps.app.goo.gl/abc" });

    form.set("phone", "+1 415 555 0100");
    form.set("mapsUrl", "javascript:alert(1)");
    const refused = await postSettings(form);
    expect(refused).toMatchObject({ status: "invalid", errors: { phone: expect.stringContaining("nomor Indonesia"), mapsUrl: expect.stringContaining("https://") } });
    expect(await getShopSettings(suite.db)).toMatchObject({ phone: "+6281234567890", mapsUrl: "https://maps.app.goo.gl/abc" });

    form.set("phone", "");
    form.set("mapsUrl", "");
    expect((await postSettings(form)).status).toBe("ok");
    expect(await getShopSettings(suite.db)).toMatchObject({ phone: "", mapsUrl: "" });
  });
});
