import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { MIGRATIONS_FOLDER } from "@/db/client";
import { insertAuditEntry } from "@/db/queries/audit";
import { auditLog, payments } from "@/db/schema";
import { applyPaymentNotification } from "@/lib/payments/apply-notification";
import { startSnapPayment } from "@/lib/payments/start-payment";
import { bookOrder, readAudit, readPayments } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const SIGNATURE = "ab".repeat(64);
const suite = registerSuiteDatabase({ midtrans: true });

/** Runs 0003 again, as it ran on a database that had rows from before it. */
async function runScrubMigration() {
  const text = fs.readFileSync(path.join(MIGRATIONS_FOLDER, "0003_scrub_signature_keys.sql"), "utf8");
  for (const statement of text.split("--> statement-breakpoint")) {
    await suite.db.execute(sql.raw(statement));
  }
}

async function paidSnapOrder() {
  const order = await bookOrder(suite.db, { paymentMethod: "bca_va" });
  const started = await startSnapPayment(suite.db, { token: order.statusToken });
  if (!started.ok) throw new Error(started.reason);
  const orderId = `${order.bookingCode}-1`;
  suite.midtrans.setTransaction(orderId, { transaction_status: "settlement", fraud_status: "accept", payment_type: "bank_transfer" });
  return { order, orderId };
}

describe("signature_key is never kept", () => {
  it("0003 removes it from rows stored before it, wherever it was, and keeps everything else", async () => {
    const { order } = await paidSnapOrder();
    const [payment] = await readPayments(suite.db, order.id);
    await suite.db
      .update(payments)
      .set({ rawStatus: { order_id: "x-1", transaction_status: "settlement", signature_key: SIGNATURE } })
      .where(eq(payments.id, payment!.id));
    const notification = { order_id: "x-1", status_code: "200", signature_key: SIGNATURE };
    const rows = [
      { verdict: "applied", notification, midtrans: { ...notification, transaction_status: "settlement" } },
      { verdict: "bad_signature", notification: [SIGNATURE, "signature_key"] },
      { ...notification, verdict: "old-shape" },
      { verdict: "bad_json", notification: { text: "not json" } },
    ];
    for (const after of rows) {
      await insertAuditEntry(suite.db, { actor: "midtrans", entity: "scrub_test", entityId: order.id, action: "payment.status_changed", after });
    }

    await runScrubMigration();

    expect((await readPayments(suite.db, order.id))[0]!.rawStatus).toEqual({ order_id: "x-1", transaction_status: "settlement" });
    const stored = (await suite.db.select().from(auditLog).where(eq(auditLog.entity, "scrub_test")).orderBy(auditLog.id)).map((row) => row.after);
    expect(stored).toEqual([
      { verdict: "applied", notification: { order_id: "x-1", status_code: "200" }, midtrans: { order_id: "x-1", status_code: "200", transaction_status: "settlement" } },
      // Not an object: nothing of it is a signature_key field, and it is left alone.
      { verdict: "bad_signature", notification: [SIGNATURE, "signature_key"] },
      { order_id: "x-1", status_code: "200", verdict: "old-shape" },
      { verdict: "bad_json", notification: { text: "not json" } },
    ]);
  });

  it("a notification applied now stores none: not in the audit log, not in the payment's raw status", async () => {
    const { order, orderId } = await paidSnapOrder();
    const body = suite.midtrans.notificationBody(orderId);
    expect(await applyPaymentNotification({ body: JSON.stringify(body) })).toMatchObject({ kind: "applied" });
    const forged = { ...body, signature_key: "cd".repeat(64) };
    expect(await applyPaymentNotification({ body: JSON.stringify(forged) })).toMatchObject({ kind: "bad_signature" });

    const statusAnswer = suite.midtrans.statusBody(orderId).signature_key as string;
    const everything = JSON.stringify([await readAudit(suite.db), await readPayments(suite.db, order.id)]);
    expect(everything).not.toContain("signature_key");
    for (const signature of [body.signature_key, forged.signature_key, statusAnswer]) expect(everything).not.toContain(signature);
    expect((await readPayments(suite.db, order.id))[0]!.rawStatus).toMatchObject({ order_id: orderId, transaction_status: "settlement" });
  });
});
