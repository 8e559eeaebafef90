import { eq } from "drizzle-orm";
import { listOrderNotes } from "@/db/queries/order-notes";
import { auditLog } from "@/db/schema";
import { addOrderNote, MAX_NOTE_LENGTH } from "@/lib/admin/order-notes";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase();
const SARI = { username: "sari", ip: "203.0.113.5" };

describe("internal notes on an order", () => {
  it("are kept under the writer's name and time, oldest first, and audited with the order", async () => {
    const db = suite.db;
    const order = await bookOrder(db);
    expect(await addOrderNote(db, { orderId: order.id, body: "  Layar juga retak, pelanggan sudah dikabari.  ", by: SARI })).toMatchObject({ ok: true });
    expect(await addOrderNote(db, { orderId: order.id, body: "Sparepart datang besok", by: { username: "budi", ip: null } })).toMatchObject({ ok: true });
    const notes = await listOrderNotes(db, { orderId: order.id });
    expect(notes.map((n) => [n.author, n.body])).toEqual([
      ["sari", "Layar juga retak, pelanggan sudah dikabari."],
      ["budi", "Sparepart datang besok"],
    ]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "order.note_added"));
    expect(audits.map((a) => [a.actor, a.entityId])).toEqual([
      ["sari", order.id],
      ["budi", order.id],
    ]);
  });

  it("refuses an empty note, one over the limit and one for an unknown order, storing nothing", async () => {
    const db = suite.db;
    const order = await bookOrder(db);
    expect(await addOrderNote(db, { orderId: order.id, body: "   ", by: SARI })).toEqual({ ok: false, message: "Catatan kosong." });
    expect(await addOrderNote(db, { orderId: order.id, body: "x".repeat(MAX_NOTE_LENGTH + 1), by: SARI })).toMatchObject({ ok: false });
    expect(await addOrderNote(db, { orderId: "00000000-0000-4000-8000-000000000000", body: "halo", by: SARI })).toMatchObject({ ok: false, message: "Pesanan tidak ditemukan." });
    expect(await listOrderNotes(db, { orderId: order.id })).toEqual([]);
  });

  it("notes written at the same moment by several staff are all kept", async () => {
    const db = suite.db;
    const order = await bookOrder(db);
    await Promise.all(Array.from({ length: 10 }, (_, i) => addOrderNote(db, { orderId: order.id, body: `catatan ${i}`, by: SARI })));
    expect((await listOrderNotes(db, { orderId: order.id })).map((n) => n.body).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `catatan ${i}`).sort());
  });
});
