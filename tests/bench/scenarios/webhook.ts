import { targets, withTarget, type Scenario } from "../context";
import { dbActivity, describeActivity } from "../db-activity";
import { chatDriver, describeMix, makeRoomInEverySlot } from "./chat-driver";

/**
 * POST /api/telegram/webhook with customers walking through the wizard (see
 * chat-driver.ts), at 4 and 40 connections, beside the bare handler given a
 * webhook-sized body.
 */
export const webhook: Scenario = {
  id: "webhook",
  async run(ctx) {
    await makeRoomInEverySlot(ctx.db.db);
    const rows = [];
    let firstChat = 810_000_000;
    for (const connections of [4, 40]) {
      const driver = chatDriver(ctx.telegram, { secret: ctx.webhookSecret, firstChat, chatCount: connections * 4 });
      firstChat += 10_000_000;
      const sample = driver.requests[0]!;
      const before = await dbActivity(ctx.db.db);
      const row = await ctx.measure("Telegram webhook, wizard mix (updates)", {
        path: "/api/telegram/webhook",
        method: "POST",
        connections,
        requests: driver.requests,
        inProcess: true,
        bareBody: JSON.stringify({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, text: "/order" } }),
        headers: sample.headers,
      });
      const after = await dbActivity(ctx.db.db);
      const sent = Object.values(driver.mix.sent).reduce((a, b) => a + b, 0);
      ctx.telegram.reset();
      rows.push(
        withTarget(row, connections === 4 ? targets.p99Under(30) : targets.vsBare({ throughput: 0.5, p99: 2.5 }), {
          notes: [describeMix(driver.mix), `${driver.chats.length} chats, every slot with room for all of them; load generated in the bench's own thread (bodies need the stand-in's chats), the bare handler too`, describeActivity(before, after, sent).replace("request (whole row incl. warm-up and bare)", "update (all sent, warm-ups included)")],
        }),
      );
    }
    return rows;
  },
};
