import { eq } from "drizzle-orm";
import { orders, slots } from "@/db/schema";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { claimWarrantyIn, type ClaimRequest } from "@/lib/booking/claim-warranty";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";
import { completedRepair } from "@/tests/support/warranty-fixtures";

/** Issue 16: a warranty claim takes a place like a booking, and an order has one open claim at a time. */
const suite = registerSuiteDatabase({ poolMax: 10 });
const db = () => suite.db;
const CHAT = 5561901;
const claim = (request: Omit<ClaimRequest, "now" | "description" | "chatId"> & { chatId?: number }) =>
  db().transaction((tx) => claimWarrantyIn(tx, { chatId: CHAT, description: "tidak mengisi", now: new Date(), ...request }));

describe("claimWarrantyIn", () => {
  it("claims made at the same instant make one claim; the others find it open", async () => {
    const original = await completedRepair(db(), { chatId: CHAT });
    const serviceDate = addDays(todayInJakarta(), 3);
    const results = await Promise.all(Array.from({ length: 5 }, () => claim({ orderId: original.id, serviceDate, slotId: original.slotId })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(4).fill("open_claim"));
    expect(await db().select().from(orders).where(eq(orders.warrantyOfOrderId, original.id))).toHaveLength(1);
  });

  it("respects the slot's capacity like any booking, and refuses another chat", async () => {
    const original = await completedRepair(db(), { chatId: CHAT });
    const serviceDate = addDays(todayInJakarta(), 4);
    const [last] = await db().select().from(slots).where(eq(slots.label, "18.00 - 20.00 WIB"));
    for (const chatId of [1, 2]) await bookOrder(db(), { chatId, serviceDate, slotIndex: 3 });
    expect(await claim({ orderId: original.id, serviceDate, slotId: last!.id })).toMatchObject({ ok: false, reason: "slot_full" });
    expect(await claim({ orderId: original.id, serviceDate, slotId: last!.id, chatId: 999 })).toMatchObject({ ok: false, reason: "not_found" });
    expect(await db().select().from(orders).where(eq(orders.warrantyOfOrderId, original.id))).toHaveLength(0);
  });
});
