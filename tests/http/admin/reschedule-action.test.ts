// The order page's reschedule action: booking rules for everyone, the calendar override for the owner only.
import { reschedule } from "@/app/admin/(dashboard)/orders/[id]/actions";
import { saveShopSettings } from "@/db/queries/settings";
import { partStock, slots } from "@/db/schema";
import { signIn } from "@/lib/admin/auth";
import { sessionCookieName } from "@/lib/admin/cookie";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { addDays, formatDateDmy, todayInJakarta, weekdayOf } from "@/lib/booking/calendar";
import { overrideEnv } from "@/lib/env";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { bookOrder, readOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/** Server actions read the session from next/headers: here, the token of whoever the test says is signed in. */
let sessionToken: string | undefined;
jest.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "jest" }),
  cookies: async () => ({ get: (name: string) => (sessionToken && name === sessionCookieName() ? { name, value: sessionToken } : undefined) }),
}));
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const suite = registerSuiteDatabase();
const STAFF = { username: "budi", password: "kata-sandi-staf-2026" };
const IDLE: AdminActionState = { status: "idle" };
const db = () => suite.db;
let ownerToken: string;
let staffToken: string;

async function tokenOf(credentials: { username: string; password: string }): Promise<string> {
  const result = await signIn(db(), { ...credentials, ip: null, userAgent: "jest" });
  if (result.status !== "ok") throw new Error(`sign-in failed: ${result.status}`);
  return result.token;
}

beforeEach(async () => {
  overrideEnv({ APP_URL: "https://jiot.example.com" });
  await createOrResetAdmin(db(), TEST_ADMIN); // the first admin is the owner
  await createOrResetAdmin(db(), STAFF);
  ownerToken = await tokenOf(TEST_ADMIN);
  staffToken = await tokenOf(STAFF);
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

describe("rescheduling from the order page", () => {
  it("onto a weekly closed day: refused for staff, refused for staff ticking the override (nothing changed), done by the owner's override", async () => {
    const order = await bookOrder(db());
    const to = addDays(todayInJakarta(), 4);
    await saveShopSettings(db(), { closedWeekdays: [weekdayOf(to)] });
    const [slot] = await db().select().from(slots).orderBy(slots.startTime);
    const fields = { serviceDate: to, slotId: String(slot!.id) };

    sessionToken = staffToken;
    expect(await reschedule(order.id, IDLE, form(fields))).toMatchObject({ status: "invalid", errors: { _form: expect.stringMatching(/^Toko tutup pada tanggal itu\./) } });
    const before = await snapshotTables(db());
    expect(await reschedule(order.id, IDLE, form({ ...fields, override: "on" }))).toEqual({ status: "invalid", errors: { _form: "Hanya pemilik toko yang dapat melakukan ini." } });
    expect(await snapshotTables(db())).toEqual(before);

    sessionToken = ownerToken;
    expect(await reschedule(order.id, IDLE, form({ ...fields, override: "on" }))).toMatchObject({ status: "ok" });
    expect(await readOrder(db(), order.id)).toMatchObject({ serviceDate: to, slotId: slot!.id });
  });

  it("staff move a booking to an open day under the rules", async () => {
    const order = await bookOrder(db());
    const [, slot] = await db().select().from(slots).orderBy(slots.startTime);
    sessionToken = staffToken;
    const state = await reschedule(order.id, IDLE, form({ serviceDate: addDays(todayInJakarta(), 5), slotId: String(slot!.id) }));
    expect(state).toMatchObject({ status: "ok" });
    expect((await readOrder(db(), order.id)).slotId).toBe(slot!.id);
  });

  it("a back-order booking moved before its part can be there: refused with the earliest date, for the owner too; moved from that date on", async () => {
    await db().insert(partStock).values({ deviceId: 10, partId: 1, onHand: 0, lowAt: 0, backorderDays: 3 });
    const order = await bookOrder(db(), { serviceDate: addDays(todayInJakarta(), 5) });
    const [slot] = await db().select().from(slots).orderBy(slots.startTime);
    const earliest = addDays(todayInJakarta(), 3);
    sessionToken = ownerToken;
    const before = await snapshotTables(db(), { except: ["admin_sessions"] });
    expect(await reschedule(order.id, IDLE, form({ serviceDate: addDays(todayInJakarta(), 1), slotId: String(slot!.id), override: "on" }))).toEqual({
      status: "invalid",
      errors: { _form: `Stok spare part pesanan ini habis (inden 3 hari): jadwal baru paling cepat ${formatDateDmy(earliest)}.` },
    });
    expect(await snapshotTables(db(), { except: ["admin_sessions"] })).toEqual(before);
    sessionToken = staffToken;
    expect(await reschedule(order.id, IDLE, form({ serviceDate: earliest, slotId: String(slot!.id) }))).toMatchObject({ status: "ok" });
    expect(await readOrder(db(), order.id)).toMatchObject({ serviceDate: earliest });
  });
});
