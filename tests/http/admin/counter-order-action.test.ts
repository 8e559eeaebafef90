// Issue 14: the "Pesanan baru" server action checks the admin session itself (staff and owner may use it).
import { desc, eq } from "drizzle-orm";
import { createCounterOrderAction, type NewOrderState } from "@/app/admin/(dashboard)/orders/new/actions";
import { admins, auditLog, orders, slots } from "@/db/schema";
import { signIn } from "@/lib/admin/auth";
import { sessionCookieName } from "@/lib/admin/cookie";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { setStaffDisabled } from "@/lib/admin/staff";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { overrideEnv } from "@/lib/env";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/** Server actions read the session from next/headers: here, the token of whoever the test says is signed in. */
let sessionToken: string | undefined;
jest.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "jest" }),
  cookies: async () => ({ get: (name: string) => (sessionToken && name === sessionCookieName() ? { name, value: sessionToken } : undefined) }),
}));
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));
jest.mock("@/lib/http/after-response", () => ({ afterResponse: () => {} }));

const STAFF = { username: "dewi", password: "kata-sandi-staf-2026" };
const SESSION_ENDED = "Sesi admin berakhir. Silakan masuk lagi.";
const IDLE: NewOrderState = { status: "idle" };
const suite = registerSuiteDatabase();
let staffToken: string;

beforeEach(async () => {
  overrideEnv({ APP_URL: "https://jiot.example.com" });
  await createOrResetAdmin(suite.db, TEST_ADMIN); // the first admin is the owner
  await createOrResetAdmin(suite.db, STAFF);
  const signedIn = await signIn(suite.db, { ...STAFF, ip: null, userAgent: "jest" });
  if (signedIn.status !== "ok") throw new Error(signedIn.status);
  staffToken = signedIn.token;
  sessionToken = undefined;
});

function orderForm(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  const values = { customerName: "Ibu Sari", customerPhone: "0812-3456-7890", deviceId: "10", part: "1", when: "walk_in", payment: "pay_at_shop", ...fields };
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

/** A phone call booked for a day and slot that can always be booked: the day after tomorrow, the last slot. */
async function laterSlotForm(fields: Record<string, string> = {}): Promise<FormData> {
  const [slot] = await suite.db.select().from(slots).orderBy(desc(slots.startTime)).limit(1);
  return orderForm({ when: "slot", serviceDate: addDays(todayInJakarta(), 2), slotId: String(slot!.id), ...fields });
}

describe("without a live session the action is refused and nothing changes", () => {
  it.each([
    ["no session at all", () => undefined],
    ["a forged token", () => "x".repeat(43)],
    ["the session of staff disabled since", async () => {
      const [row] = await suite.db.select({ id: admins.id }).from(admins).where(eq(admins.username, STAFF.username));
      await setStaffDisabled(suite.db, { id: row!.id, disabled: true }, { username: TEST_ADMIN.username });
      return staffToken;
    }],
  ])("%s", async (_name, token) => {
    sessionToken = await token();
    const form = await laterSlotForm();
    const before = await snapshotTables(suite.db);
    const state = await createCounterOrderAction(IDLE, form);
    expect(state).toMatchObject({ status: "invalid", errors: { _form: SESSION_ENDED } });
    expect(await snapshotTables(suite.db)).toEqual(before);
  });
});

describe("staff signed in", () => {
  beforeEach(() => {
    sessionToken = staffToken;
  });

  it("make a counter order, audited under their name, and are given its links", async () => {
    const state = await createCounterOrderAction(IDLE, await laterSlotForm({ payment: "payment_link" }));
    expect(state).toMatchObject({ status: "ok", message: expect.stringMatching(/^Pesanan \d{8} dibuat/) });
    if (state.status !== "ok") return;
    const [order] = await suite.db.select().from(orders).where(eq(orders.id, state.orderId));
    expect(order).toMatchObject({ chatId: null, source: "counter", customerPhone: "+6281234567890", paymentMethod: "all" });
    expect(state.statusUrl).toBe(`https://jiot.example.com/orders/${order!.statusToken}`);
    expect(state.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/);
    const [audit] = await suite.db.select().from(auditLog).where(eq(auditLog.action, "order.created"));
    expect(audit!.actor).toBe(STAFF.username);
  });

  it("a bad phone is answered on its field, the form comes back as typed, and nothing is booked", async () => {
    const form = await laterSlotForm({ customerPhone: "12345", faultDescription: "Layar bergaris" });
    const before = await snapshotTables(suite.db);
    const state = await createCounterOrderAction(IDLE, form);
    expect(state).toMatchObject({
      status: "invalid",
      errors: { customerPhone: expect.stringContaining("nomor Indonesia") },
      values: { customerName: "Ibu Sari", customerPhone: "12345", faultDescription: "Layar bergaris" },
    });
    expect(await snapshotTables(suite.db)).toEqual(before);
  });

  it("only 'Kirim link pembayaran' offers the WhatsApp link", async () => {
    const state = await createCounterOrderAction(IDLE, await laterSlotForm({ payment: "pay_at_shop" }));
    expect(state).toMatchObject({ status: "ok" });
    expect(state.status === "ok" && state.whatsappUrl).toBeFalsy();
  });
});
