// The owner's catalog forms (/admin/catalog): server actions that check the session themselves.
import { and, eq } from "drizzle-orm";
import { removeDevice, saveDevicePrice } from "@/app/admin/(dashboard)/catalog/actions";
import { auditLog, prices } from "@/db/schema";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { overrideEnv } from "@/lib/env";
import { actionContext, formOf, signInOwnerAndStaff } from "@/tests/support/action-session";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const suite = registerSuiteDatabase();
const db = () => suite.db;
const IDLE: AdminActionState = { status: "idle" };
const PRICE_FORM = { deviceId: "10", partId: "1", priceIdr: "85.000", active: "on" };
const batteryPrice = async () => (await db().select().from(prices).where(and(eq(prices.deviceId, 10), eq(prices.partId, 1))))[0]!.priceIdr;

beforeEach(async () => {
  overrideEnv({ APP_URL: "https://jiot.example.com", TRUST_PROXY: "1" });
  actionContext.token = (await signInOwnerAndStaff(db())).owner;
});
afterEach(() => overrideEnv({ TRUST_PROXY: undefined }));

describe("the catalog's server actions, for the owner", () => {
  it("change a price, audited under the owner's name with the address the proxy saw", async () => {
    actionContext.headers = { "x-forwarded-for": "203.0.113.9" };
    expect(await saveDevicePrice(IDLE, formOf(PRICE_FORM))).toEqual({ status: "ok", message: "Harga Battery untuk iPhone X: Rp85.000." });
    expect(await batteryPrice()).toBe(85_000);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.entity, "price"));
    expect(audit).toMatchObject({ actor: "sari", action: "update", ip: "203.0.113.9" });
  });

  it("answer a bad price field by field and change nothing", async () => {
    expect(await saveDevicePrice(IDLE, formOf({ ...PRICE_FORM, priceIdr: "murah" }))).toEqual({ status: "invalid", errors: { priceIdr: "Harga harus angka." } });
    expect(await batteryPrice()).toBe(70_000);
  });

  it("removing a device that orders refer to deactivates it and says so", async () => {
    await bookOrder(db(), { chatId: 1, paymentMethod: "gopay" });
    expect(await removeDevice(IDLE, formOf({ id: "10" }))).toEqual({ status: "ok", message: 'Perangkat "iPhone X" dipakai 1 pesanan, jadi dinonaktifkan, bukan dihapus.' });
  });
});
