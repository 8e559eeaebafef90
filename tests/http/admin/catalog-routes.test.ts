import { and, eq } from "drizzle-orm";
import { POST as catalogEdit } from "@/app/admin/(dashboard)/catalog/edit/route";
import { POST as scheduleEdit } from "@/app/admin/(dashboard)/schedule/edit/route";
import { auditLog, prices, slots } from "@/db/schema";
import { decodeFlash } from "@/lib/admin/flash";
import { overrideEnv } from "@/lib/env";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { adminCookie, adminRequest } from "@/tests/support/admin-session";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const APP = "https://jiot.example.com";
const suite = registerSuiteDatabase();
let cookie: string;
beforeEach(async () => {
  overrideEnv({ APP_URL: APP });
  cookie = await adminCookie(suite.db);
});

const formBody = (fields: Record<string, string>) => new URLSearchParams(fields);
const batteryPrice = async () =>
  (await suite.db.select().from(prices).where(and(eq(prices.deviceId, 10), eq(prices.partId, 1))))[0]!.priceIdr;
const flashOf = (response: Response) => decodeFlash(new URL(response.headers.get("location")!, APP).searchParams.get("flash"));
const PRICE_FORM = { op: "save-price", deviceId: "10", partId: "1", priceIdr: "85.000", active: "on", device: "10" };

describe("POST /admin/catalog/edit", () => {
  it("changes a price for a signed-in admin, audits it under their name, and goes back to the same device", async () => {
    const response = await catalogEdit(adminRequest(`${APP}/admin/catalog/edit`, { cookie, body: formBody(PRICE_FORM) }));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!, APP);
    expect(location.pathname).toBe("/admin/catalog");
    expect(location.searchParams.get("device")).toBe("10");
    expect(flashOf(response)).toEqual({ status: "ok", message: "Harga Battery untuk iPhone X: Rp85.000." });
    expect(await batteryPrice()).toBe(85_000);
    const [audit] = await suite.db.select().from(auditLog).where(eq(auditLog.entity, "price"));
    expect(audit).toMatchObject({ actor: "sari", action: "update" });
  });

  it("refuses without a session (401) and from a foreign origin (403), changing nothing", async () => {
    const anonymous = await catalogEdit(adminRequest(`${APP}/admin/catalog/edit`, { body: formBody(PRICE_FORM) }));
    expect(anonymous.status).toBe(401);
    const foreign = await catalogEdit(adminRequest(`${APP}/admin/catalog/edit`, { cookie, origin: "https://evil.example", body: formBody(PRICE_FORM) }));
    expect(foreign.status).toBe(403);
    expect(await batteryPrice()).toBe(70_000);
    expect(await suite.db.select().from(auditLog).where(eq(auditLog.entity, "price"))).toHaveLength(0);
  });

  it("removing a device that orders refer to deactivates it and says so", async () => {
    await bookOrder(suite.db, { chatId: 1, paymentMethod: "gopay" });
    const response = await catalogEdit(adminRequest(`${APP}/admin/catalog/edit`, { cookie, body: formBody({ op: "remove-device", id: "10" }) }));
    expect(flashOf(response)).toEqual({ status: "ok", message: 'Perangkat "iPhone X" dipakai 1 pesanan, jadi dinonaktifkan, bukan dihapus.' });
  });
});

describe("POST /admin/schedule/edit", () => {
  it("refuses a capacity below the places already held, with the reason in the page's message", async () => {
    const serviceDate = addDays(todayInJakarta(), 2);
    await bookOrder(suite.db, { chatId: 1, serviceDate });
    await bookOrder(suite.db, { chatId: 2, serviceDate });
    const [slot] = await suite.db.select().from(slots).orderBy(slots.startTime);
    const fields = { op: "save-slot", id: String(slot!.id), label: slot!.label, startTime: slot!.startTime, endTime: slot!.endTime, capacity: "1", active: "on" };
    const response = await scheduleEdit(adminRequest(`${APP}/admin/schedule/edit`, { cookie, body: formBody(fields) }));
    expect(response.status).toBe(303);
    const flash = flashOf(response);
    expect(flash?.status).toBe("invalid");
    expect(flash?.status === "invalid" && flash.errors.capacity).toMatch(/^Kapasitas 1 lebih kecil dari pesanan yang sudah ada: .* \(2 pesanan\)/);
    expect((await suite.db.select().from(slots).where(eq(slots.id, slot!.id)))[0]!.capacity).toBe(2);
  });

  it("refuses a foreign origin before touching the settings", async () => {
    const body = formBody({ op: "save-settings", shopName: "Toko Palsu", bookingHorizonDays: "30", leadTimeMinutes: "60", holdHours: "24" });
    const response = await scheduleEdit(adminRequest(`${APP}/admin/schedule/edit`, { cookie, origin: "https://evil.example", body }));
    expect(response.status).toBe(403);
    expect(await suite.db.select().from(auditLog).where(eq(auditLog.entity, "settings"))).toHaveLength(0);
  });
});
