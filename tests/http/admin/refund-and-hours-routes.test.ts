// The owner's refund route and weekly hours grid: staff are refused (403, nothing changed); the owner goes through.
import { eq } from "drizzle-orm";
import { POST as refundRoute } from "@/app/admin/(dashboard)/orders/[id]/refund/route";
import { POST as scheduleEdit } from "@/app/admin/(dashboard)/schedule/edit/route";
import { orders, payments, refunds, slots, slotWeekdayCapacity } from "@/db/schema";
import { decodeFlash } from "@/lib/admin/flash";
import { overrideEnv } from "@/lib/env";
import { adminCookie, adminRequest, TEST_ADMIN } from "@/tests/support/admin-session";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { bookOrder, readOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const APP = "https://jiot.example.com";
const suite = registerSuiteDatabase();
let ownerCookie: string;
let staffCookie: string;

beforeEach(async () => {
  overrideEnv({ APP_URL: APP });
  ownerCookie = await adminCookie(suite.db, TEST_ADMIN); // the first admin is the owner
  staffCookie = await adminCookie(suite.db, { username: "budi", password: "kata-sandi-staf-2026" });
});

/** A paid order (cash at the counter): money that can only go back by hand. */
async function paidOrder() {
  const order = await bookOrder(suite.db, { paymentMethod: "cash" });
  await suite.db.insert(payments).values({ orderId: order.id, attempt: 1, midtransOrderId: `${order.bookingCode}-1`, kind: "cash", paymentType: "cash", transactionStatus: "settlement", grossAmount: 70_000 });
  await suite.db.update(orders).set({ paymentStatus: "paid", holdExpiresAt: null }).where(eq(orders.id, order.id));
  return order;
}

const refundForm = (fields: Record<string, string> = {}) =>
  new URLSearchParams({ via: "manual", amountIdr: "70.000", reason: "uang tunai dikembalikan", refundKey: "rf-route-key-1", ...fields });
const postRefund = (orderId: string, cookie: string, body: URLSearchParams, origin?: string | null) =>
  refundRoute(adminRequest(`${APP}/admin/orders/${orderId}/refund`, { cookie, body, origin }), { params: Promise.resolve({ id: orderId }) });
const flashOf = (response: Response) => decodeFlash(new URL(response.headers.get("location")!, APP).searchParams.get("flash"));

describe("POST /admin/orders/<id>/refund", () => {
  it("staff are refused with 403 and nothing changes", async () => {
    const order = await paidOrder();
    const before = await snapshotTables(suite.db);
    const response = await postRefund(order.id, staffCookie, refundForm());
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "owner only" });
    expect(await snapshotTables(suite.db)).toEqual(before);
  });

  it("no session: 401; another site's form: 403; nothing changes", async () => {
    const order = await paidOrder();
    const before = await snapshotTables(suite.db);
    expect((await postRefund(order.id, "", refundForm())).status).toBe(401);
    expect((await postRefund(order.id, ownerCookie, refundForm(), "https://evil.example")).status).toBe(403);
    expect(await snapshotTables(suite.db)).toEqual(before);
  });

  it("the owner marks it refunded by hand: 303 back to the order with the outcome; the same form posted twice refunds once", async () => {
    const order = await paidOrder();
    const response = await postRefund(order.id, ownerCookie, refundForm());
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(new RegExp(`^/admin/orders/${order.id}\\?flash=`));
    expect(flashOf(response)).toEqual({ status: "ok", message: "Refund tercatat; pelanggan diberi tahu lewat Telegram." });
    const again = await postRefund(order.id, ownerCookie, refundForm());
    expect(flashOf(again)).toMatchObject({ status: "ok", message: expect.stringContaining("tidak ada yang dikembalikan dua kali") });
    expect(await suite.db.select().from(refunds)).toEqual([expect.objectContaining({ amountIdr: 70_000, actor: TEST_ADMIN.username, via: "manual" })]);
    expect(await readOrder(suite.db, order.id)).toMatchObject({ paymentStatus: "refunded" });
  });

  it.each([
    [{ amountIdr: "abc" }, "amountIdr"],
    [{ amountIdr: "0" }, "amountIdr"],
    [{ via: "bitcoin" }, "via"],
    [{ refundKey: "x" }, "refundKey"],
  ])("bad input %p is answered field by field and changes nothing", async (fields, field) => {
    const order = await paidOrder();
    const before = await snapshotTables(suite.db);
    const flash = flashOf(await postRefund(order.id, ownerCookie, refundForm(fields)));
    expect(flash?.status).toBe("invalid");
    expect(flash?.status === "invalid" && Object.keys(flash.errors)).toEqual([field]);
    expect(await snapshotTables(suite.db)).toEqual(before);
  });
});

describe("POST /admin/schedule/edit save-week (the weekly grid)", () => {
  it("staff are refused with 403 and nothing changes; the owner's same form is saved", async () => {
    const [slot] = await suite.db.select().from(slots).orderBy(slots.startTime);
    const body = () => new URLSearchParams({ op: "save-week", [`cap-${slot!.id}-6`]: "0" });
    const before = await snapshotTables(suite.db);
    const refused = await scheduleEdit(adminRequest(`${APP}/admin/schedule/edit`, { cookie: staffCookie, body: body() }));
    expect(refused.status).toBe(403);
    expect(await snapshotTables(suite.db)).toEqual(before);
    const saved = await scheduleEdit(adminRequest(`${APP}/admin/schedule/edit`, { cookie: ownerCookie, body: body() }));
    expect(saved.status).toBe(303);
    expect(await suite.db.select().from(slotWeekdayCapacity)).toEqual([{ slotId: slot!.id, weekday: 6, capacity: 0 }]);
  });
});
