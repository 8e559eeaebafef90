import { and, eq } from "drizzle-orm";
import { listCatalog } from "@/db/queries/catalog";
import { auditLog, devices, parts, prices } from "@/db/schema";
import { removeCatalogItem, removePrice, saveCatalogItem, savePrice } from "@/lib/admin/catalog";
import { priceInput } from "@/lib/admin/catalog-input";
import { applyForm } from "@/lib/admin/edit-result";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase();
const ADMIN = { username: "rina", ip: "203.0.113.9" };
const IPHONE_X = 10;
const BATTERY = 1;

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
};
/** The price form as its server action runs it: fields checked, then saved. */
const postPrice = (fields: Record<string, string>) => applyForm(priceInput, form(fields), (input) => savePrice(suite.db, ADMIN, input));
const audits = (entity: string) => suite.db.select().from(auditLog).where(eq(auditLog.entity, entity));

describe("devices and parts", () => {
  it("adds a device and edits it, each change audited with the admin's name", async () => {
    expect(await saveCatalogItem(suite.db, ADMIN, "device", { name: "iPhone 16", sort: 20, active: true })).toEqual({
      status: "ok",
      message: 'Perangkat "iPhone 16" ditambahkan.',
    });
    const [created] = await suite.db.select().from(devices).where(eq(devices.name, "iPhone 16"));
    await saveCatalogItem(suite.db, ADMIN, "device", { id: created!.id, name: "iPhone 16 Pro", sort: 21, active: false });
    const [edited] = await suite.db.select().from(devices).where(eq(devices.id, created!.id));
    expect(edited).toMatchObject({ name: "iPhone 16 Pro", sort: 21, active: false });
    const log = await audits("device");
    expect(log.map((a) => [a.actor, a.action, a.ip])).toEqual([
      ["rina", "create", "203.0.113.9"],
      ["rina", "update", "203.0.113.9"],
    ]);
    expect(log[1]!.before).toMatchObject({ name: "iPhone 16" });
    expect(log[1]!.after).toMatchObject({ name: "iPhone 16 Pro", active: false });
  });

  it("refuses a name another device already has (whatever the case)", async () => {
    expect(await saveCatalogItem(suite.db, ADMIN, "device", { name: "iphone x", sort: 0, active: true })).toEqual({
      status: "invalid",
      errors: { name: 'Nama "iphone x" sudah dipakai.' },
    });
  });

  it("deletes a part no order refers to, with its prices", async () => {
    const [guard] = await suite.db.select().from(parts).where(eq(parts.name, "Screen Guard"));
    const result = await removeCatalogItem(suite.db, ADMIN, "part", { id: guard!.id });
    expect(result).toEqual({ status: "ok", message: 'Layanan "Screen Guard" dihapus.' });
    expect(await suite.db.select().from(parts).where(eq(parts.id, guard!.id))).toHaveLength(0);
    expect(await suite.db.select().from(prices).where(eq(prices.partId, guard!.id))).toHaveLength(0);
    expect((await audits("part")).map((a) => a.action)).toEqual(["delete"]);
  });

  it("deactivates instead of deleting a device that an order refers to; customers no longer see it", async () => {
    await bookOrder(suite.db, { chatId: 1, paymentMethod: "gopay" });
    const result = await removeCatalogItem(suite.db, ADMIN, "device", { id: IPHONE_X });
    expect(result).toEqual({ status: "ok", message: 'Perangkat "iPhone X" dipakai 1 pesanan, jadi dinonaktifkan, bukan dihapus.' });
    const [kept] = await suite.db.select().from(devices).where(eq(devices.id, IPHONE_X));
    expect(kept!.active).toBe(false);
    expect((await listCatalog(suite.db)).some((e) => e.deviceId === IPHONE_X)).toBe(false);
    expect((await audits("device")).map((a) => a.action)).toEqual(["deactivate"]);
  });
});

describe("prices", () => {
  it("changes a price; the catalog shows the new one and the audit keeps the old", async () => {
    const result = await savePrice(suite.db, ADMIN, { deviceId: IPHONE_X, partId: BATTERY, priceIdr: 85_000, active: true });
    expect(result).toEqual({ status: "ok", message: "Harga Battery untuk iPhone X: Rp85.000." });
    const entry = (await listCatalog(suite.db)).find((e) => e.deviceId === IPHONE_X && e.partId === BATTERY);
    expect(entry?.priceIdr).toBe(85_000);
    const [audit] = await audits("price");
    expect(audit).toMatchObject({ actor: "rina", action: "update", entityId: "10:1", before: { priceIdr: 70_000 }, after: { priceIdr: 85_000 } });
  });

  it("reads a price typed the Indonesian way and refuses zero, text and unknown devices", async () => {
    const ok = await postPrice({ deviceId: "10", partId: "1", priceIdr: "Rp 95.000", active: "on" });
    expect(ok.status).toBe("ok");
    expect((await suite.db.select().from(prices).where(and(eq(prices.deviceId, 10), eq(prices.partId, 1))))[0]!.priceIdr).toBe(95_000);
    const zero = await postPrice({ deviceId: "10", partId: "1", priceIdr: "0" });
    expect(zero).toEqual({ status: "invalid", errors: { priceIdr: "Harga minimal 1." } });
    const words = await postPrice({ deviceId: "10", partId: "1", priceIdr: "murah" });
    expect(words).toEqual({ status: "invalid", errors: { priceIdr: "Harga harus angka." } });
    const unknown = await postPrice({ deviceId: "999", partId: "1", priceIdr: "1000" });
    expect(unknown).toEqual({ status: "invalid", errors: { deviceId: "Perangkat tidak dikenal." } });
  });

  it("an unchecked 'active' box takes the price off the customers' list without deleting it", async () => {
    await postPrice({ deviceId: "10", partId: "1", priceIdr: "70000" });
    expect((await listCatalog(suite.db)).some((e) => e.deviceId === 10 && e.partId === 1)).toBe(false);
    expect(await suite.db.select().from(prices).where(and(eq(prices.deviceId, 10), eq(prices.partId, 1)))).toHaveLength(1);
  });

  it("removing a price an order was made at deactivates it; an unused one is deleted", async () => {
    await bookOrder(suite.db, { chatId: 1, paymentMethod: "gopay" });
    expect(await removePrice(suite.db, ADMIN, { deviceId: IPHONE_X, partId: BATTERY })).toEqual({
      status: "ok",
      message: "Harga ini dipakai 1 pesanan, jadi dinonaktifkan, bukan dihapus.",
    });
    expect((await suite.db.select().from(prices).where(and(eq(prices.deviceId, 10), eq(prices.partId, 1))))[0]!.active).toBe(false);
    expect(await removePrice(suite.db, ADMIN, { deviceId: IPHONE_X, partId: 2 })).toEqual({ status: "ok", message: "Harga dihapus." });
    expect(await suite.db.select().from(prices).where(and(eq(prices.deviceId, 10), eq(prices.partId, 2)))).toHaveLength(0);
  });
});
