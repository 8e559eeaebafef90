// The owner's refund form on the order page: a server action that checks the session and the role itself.
import { eq } from "drizzle-orm";
import { refund } from "@/app/admin/(dashboard)/orders/[id]/actions";
import { orders, payments, refunds } from "@/db/schema";
import type { AdminActionState } from "@/lib/admin/edit-result";
import { overrideEnv } from "@/lib/env";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { actionContext, formOf, signInOwnerAndStaff } from "@/tests/support/action-session";
import { snapshotTables } from "@/tests/support/db-snapshot";
import { bookOrder, readOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/cache", () => ({ revalidatePath: () => {} }));

const suite = registerSuiteDatabase();
const db = () => suite.db;
const IDLE: AdminActionState = { status: "idle" };

beforeEach(async () => {
  overrideEnv({ APP_URL: "https://jiot.example.com" });
  actionContext.token = (await signInOwnerAndStaff(db())).owner;
});

/** A paid order (cash at the counter): money that can only go back by hand. */
async function paidOrder() {
  const order = await bookOrder(db(), { paymentMethod: "cash" });
  await db().insert(payments).values({ orderId: order.id, attempt: 1, midtransOrderId: `${order.bookingCode}-1`, kind: "cash", paymentType: "cash", transactionStatus: "settlement", grossAmount: 70_000 });
  await db().update(orders).set({ paymentStatus: "paid", holdExpiresAt: null }).where(eq(orders.id, order.id));
  return order;
}

const refundForm = (fields: Record<string, string> = {}) => formOf({ via: "manual", amountIdr: "70.000", reason: "uang tunai dikembalikan", refundKey: "rf-route-key-1", ...fields });

describe("the refund action", () => {
  it("the owner marks it refunded by hand; the same form sent twice refunds once", async () => {
    const order = await paidOrder();
    expect(await refund(order.id, IDLE, refundForm())).toEqual({ status: "ok", message: "Refund tercatat; pelanggan diberi tahu lewat Telegram." });
    expect(await refund(order.id, IDLE, refundForm())).toMatchObject({ status: "ok", message: expect.stringContaining("tidak ada yang dikembalikan dua kali") });
    expect(await db().select().from(refunds)).toEqual([expect.objectContaining({ amountIdr: 70_000, actor: TEST_ADMIN.username, via: "manual" })]);
    expect(await readOrder(db(), order.id)).toMatchObject({ paymentStatus: "refunded" });
  });

  it.each([
    [{ amountIdr: "abc" }, "amountIdr"],
    [{ amountIdr: "0" }, "amountIdr"],
    [{ via: "bitcoin" }, "via"],
    [{ refundKey: "x" }, "refundKey"],
  ])("bad input %p is answered field by field and changes nothing", async (fields, field) => {
    const order = await paidOrder();
    const before = await snapshotTables(db());
    const result = await refund(order.id, IDLE, refundForm(fields));
    expect(result.status === "invalid" && Object.keys(result.errors)).toEqual([field]);
    expect(await snapshotTables(db())).toEqual(before);
  });

  it("an order id that is not one is refused", async () => {
    expect(await refund("../../admin", IDLE, refundForm())).toEqual({ status: "invalid", errors: { _form: "Pesanan tidak dikenal." } });
  });
});
