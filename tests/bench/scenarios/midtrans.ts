import type { AutocannonRequest } from "autocannon";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { dbActivity, describeActivity } from "../db-activity";
import { describeStatuses } from "../load";
import { targets, withTarget, type Scenario } from "../context";

/**
 * POST /api/midtrans/notification: genuine notifications (signed with the
 * stand-in's server key, reference/midtrans.md) for generated orders' payment
 * attempts, each saying a status drawn from a realistic mix, which the Midtrans
 * stand-in's Status API then confirms (MIDTRANS_VERIFY_STATUS on: one GET
 * /v2/{id}/status per notification); one in ten is a repeat of an earlier one,
 * as Midtrans retries. Bodies are made in this thread.
 */
const MIX: [string, number][] = [
  ["settlement", 0.45],
  ["pending", 0.2],
  ["expire", 0.15],
  ["cancel", 0.1],
  ["deny", 0.05],
  ["capture", 0.05],
];

function drawStatus(): string {
  let r = Math.random();
  for (const [status, share] of MIX) {
    if ((r -= share) < 0) return status;
  }
  return "settlement";
}

export const midtrans: Scenario = {
  id: "midtrans",
  async run(ctx) {
    const attempts = await queryRows<{ midtrans_order_id: string; gross_amount: number; payment_type: string | null }>(
      ctx.db.db,
      sql`select midtrans_order_id, gross_amount, payment_type from payments order by random() limit 60000`,
    );
    if (!attempts.length) throw new Error("no payment attempts to notify about (run with --orders > 0)");
    const bodies: string[] = [];
    const drawn: Record<string, number> = {};
    for (const a of attempts) {
      const status = drawStatus();
      drawn[status] = (drawn[status] ?? 0) + 1;
      ctx.midtrans.setTransaction(a.midtrans_order_id, {
        gross_amount: a.gross_amount,
        transaction_status: status,
        payment_type: a.payment_type ?? "bank_transfer",
        ...(status === "capture" ? { payment_type: "credit_card", fraud_status: "accept" } : {}),
      });
      bodies.push(JSON.stringify(ctx.midtrans.notificationBody(a.midtrans_order_id)));
    }
    let next = 0;
    let duplicates = 0;
    let sent = 0;
    const request: AutocannonRequest = {
      method: "POST",
      path: "/api/midtrans/notification",
      headers: { "content-type": "application/json" },
      setupRequest: (req) => {
        sent++;
        if (next > 10 && Math.random() < 0.1) {
          duplicates++;
          return { ...req, body: bodies[Math.floor(Math.random() * next)]! };
        }
        return { ...req, body: bodies[next++ % bodies.length]! };
      },
    };
    const rows = [];
    for (const connections of [4, 40]) {
      const before = await dbActivity(ctx.db.db);
      const sentBefore = sent;
      const row = await ctx.measure("Midtrans notifications (signed, mixed, 10 % repeats, Status API check)", {
        path: request.path!,
        method: "POST",
        connections,
        requests: [request],
        inProcess: true,
        bareBody: bodies[0],
      });
      const after = await dbActivity(ctx.db.db);
      rows.push(
        withTarget(row, connections === 4 ? targets.p99Under(30) : targets.vsBare({ throughput: 0.5, p99: 2.5 }), {
          notes: [
            describeActivity(before, after, sent - sentBefore).replace("request (whole row incl. warm-up and bare)", "notification (warm-ups included)"),
            `statuses told: ${MIX.map(([s, share]) => `${s} ${share * 100} %`).join(", ")}; ${duplicates} of ${sent} sent so far were repeats; ${Math.min(next, bodies.length)} distinct attempts notified`,
            `Status API calls answered by the stand-in so far: ${ctx.midtrans.callsTo("GET", /\/status$/).length}`,
            `answers: ${describeStatuses(row.measured?.statuses ?? {})}`,
          ],
        }),
      );
    }
    return rows;
  },
};
