import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { addDays, formatDateDmy, todayInJakarta } from "@/lib/booking/calendar";
import type { Scenario } from "../context";
import { makeUpdates, waitForButton } from "./chat-driver";

/**
 * 200 customers, each with the wizard at its summary for the same date and slot
 * (capacity 2), tap Book Now at the same instant (200 webhook requests fired
 * together). Exactly two orders may come out; the time is from the first send
 * to the last answer.
 */
const CUSTOMERS = 200;

export const bookingRace: Scenario = {
  id: "race",
  async run(ctx) {
    const app = await ctx.app();
    const { textUpdate, tapUpdate } = makeUpdates(ctx.telegram);
    const date = addDays(todayInJakarta(), 20);
    const [slot] = await queryRows<{ id: number; capacity: number }>(
      ctx.db.db,
      sql`update slots set capacity = 2 where id = (select id from slots where active order by start_time limit 1) returning id, capacity`,
    );
    if (!slot) throw new Error("no active slot");
    const post = async (update: unknown) => {
      const response = await fetch(`${app.url}/api/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": ctx.webhookSecret },
        body: JSON.stringify(update),
      });
      await response.arrayBuffer();
      return response.status;
    };
    const tap = async (chatId: number, pattern: RegExp) => {
      const { message, data } = await waitForButton(ctx.telegram, chatId, pattern);
      return post(tapUpdate(chatId, message, data));
    };
    const chats = Array.from({ length: CUSTOMERS }, (_, i) => 930_000_000 + i);
    ctx.log(`walking ${CUSTOMERS} customers to the summary for ${date}, slot ${slot.id}`);
    // Ten at a time: the walk is set-up, not the measurement.
    for (let i = 0; i < chats.length; i += 10) {
      await Promise.all(
        chats.slice(i, i + 10).map(async (chatId) => {
          await post(textUpdate(chatId, "/order"));
          await tap(chatId, /:bg$/);
          await post(textUpdate(chatId, formatDateDmy(date)));
          await tap(chatId, /:dv:/);
          await tap(chatId, new RegExp(`:sl:${slot.id}$`));
          await tap(chatId, /:pt:\d/);
          await post(textUpdate(chatId, "0812 3456 7890"));
          await tap(chatId, /:fd$/);
          await tap(chatId, /:pm:/);
        }),
      );
    }
    const taps = await Promise.all(
      chats.map(async (chatId) => {
        const { message, data } = await waitForButton(ctx.telegram, chatId, /:bn$/);
        return JSON.stringify(tapUpdate(chatId, message, data));
      }),
    );
    const headers = { "content-type": "application/json", "x-telegram-bot-api-secret-token": ctx.webhookSecret };
    const started = performance.now();
    const answers = await Promise.all(
      taps.map(async (body) => {
        const response = await fetch(`${app.url}/api/telegram/webhook`, { method: "POST", headers, body });
        await response.arrayBuffer();
        return { status: response.status, at: performance.now() - started };
      }),
    );
    const settled = Math.max(...answers.map((a) => a.at));
    const [count] = await queryRows<{ n: number }>(
      ctx.db.db,
      sql`select count(*)::int as n from orders where slot_id = ${slot.id} and service_date = ${date} and chat_id >= 930000000 and chat_id < 930000200`,
    );
    const statuses: Record<number, number> = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    return [
      {
        scenario: `Booking race: ${CUSTOMERS} Book Now taps at once for one slot of capacity ${slot.capacity}`,
        figure: `${count?.n ?? 0} orders, settled in ${settled.toFixed(0)} ms`,
        target: { text: `exactly ${slot.capacity} orders, every tap answered 200`, met: count?.n === slot.capacity && statuses[200] === CUSTOMERS },
        notes: [
          `webhook answers: ${Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(", ")}; orders counted in the database for that date, slot and these 200 chats`,
          `answer times: median ${answers.map((a) => a.at).sort((a, b) => a - b)[CUSTOMERS / 2]!.toFixed(0)} ms, last ${settled.toFixed(0)} ms (one next start process, DB pool ${ctx.appEnv.DB_POOL_MAX})`,
        ],
      },
    ];
  },
};
