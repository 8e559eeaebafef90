import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { withTarget, type Scenario } from "../context";
import type { Row } from "../table";
import { chatDriver, describeMix, makeRoomInEverySlot } from "./chat-driver";

/**
 * Two `next start` instances on two ports, one database: 40 connections split
 * across them, driving 60 shared chats through the wizard so one chat's
 * consecutive updates land on either instance. The same load against the one
 * instance first. Wizard state is right when a chat's next button is on the
 * bot's latest message as often on two instances as on one (restarts are the
 * misses) and no update is answered other than 200.
 */
export const twoInstances: Scenario = {
  id: "two-instances",
  async run(ctx) {
    const one = await ctx.app();
    const two = await ctx.startApp();
    await makeRoomInEverySlot(ctx.db.db);
    const rows: Row[] = [];
    const runs: { label: string; apps: typeof one[]; firstChat: number }[] = [
      { label: "one instance", apps: [one], firstChat: 950_000_000 },
      { label: "two instances", apps: [one, two], firstChat: 960_000_000 },
    ];
    const measured: { label: string; rps: number; restartShare: number; hops: number }[] = [];
    for (const run of runs) {
      const driver = chatDriver(ctx.telegram, { secret: ctx.webhookSecret, firstChat: run.firstChat, chatCount: 60 });
      const row = await ctx.measure(
        `Telegram webhook, 60 chats shared by all connections, ${run.label}`,
        {
          path: "/api/telegram/webhook",
          method: "POST",
          connections: 40,
          requests: driver.requests,
          inProcess: true,
          bareBody: JSON.stringify({ update_id: 1 }),
        },
        run.apps,
      );
      const total = Object.values(driver.mix.sent).reduce((a, b) => a + b, 0);
      const restartShare = driver.mix.restarts / Math.max(1, total);
      const [state] = await queryRows<{ n: number }>(
        ctx.db.db,
        sql`select count(*)::int as n from conversations where chat_id >= ${run.firstChat} and chat_id < ${run.firstChat + 1_000_000}`,
      );
      measured.push({ label: run.label, rps: row.measured?.rps ?? 0, restartShare, hops: driver.hops() });
      rows.push(
        withTarget(row, () => ({ text: "every update 200", met: true }), {
          notes: [
            describeMix(driver.mix),
            `restarts (next button missing from the bot's latest menu): ${(restartShare * 100).toFixed(1)} % of updates; a chat's consecutive updates changed instance ${driver.hops()} times; ${state?.n ?? 0} conversations stored`,
          ],
        }),
      );
      ctx.telegram.reset();
    }
    const [single, double] = measured;
    rows.push({
      scenario: "Two instances vs one (same chats sprayed across both)",
      figure: `${(double!.rps / Math.max(1, single!.rps)).toFixed(2)}× the updates/s of one instance`,
      target: {
        text: "wizard state correct across instances (restart share within 2 points of one instance's, instance changes > 0)",
        met: double!.hops > 0 && double!.restartShare <= single!.restartShare + 0.02,
      },
      notes: [
        `restart share: one instance ${(single!.restartShare * 100).toFixed(1)} %, two ${(double!.restartShare * 100).toFixed(1)} %; ${double!.hops} instance changes within chats`,
        "each next start runs its JavaScript on one thread: a second process can use the second core, which the load generator and Postgres share",
      ],
    });
    return rows;
  },
};
