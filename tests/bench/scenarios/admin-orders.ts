import type { AutocannonRequest } from "autocannon";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { listAdminOrders, type OrderFilters, type OrderSort } from "@/db/queries/admin-orders";
import { signIn } from "@/lib/admin/auth";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { orderQueryString } from "@/lib/admin/order-filters";
import { overrideEnv } from "@/lib/env";
import { targets, withTarget, type Scenario } from "../context";

/**
 * The admin's order list /admin/orders, filtered and paginated, with an admin
 * session cookie, over the 100 000 generated orders at 4 connections: each
 * connection walks through first and later pages of several filters (keyset
 * cursors taken from the same query beforehand). The query alone is timed too.
 */
const VIEWS: { filters: OrderFilters; sort?: OrderSort }[] = [
  { filters: {} },
  { filters: { payment: "paid", repair: "completed" } },
  { filters: { payment: "expired" }, sort: "service_desc" },
  { filters: { q: "budi" } },
  { filters: { from: "2025-01-01", to: "2025-03-31" }, sort: "service_asc" },
  { filters: { refund: true } },
];
const PAGES = 4;

export const adminOrders: Scenario = {
  id: "admin",
  async run(ctx) {
    const admin = { username: "bench_admin", password: "bench-kata-sandi-rahasia-1" };
    // The session hash is keyed with SESSION_SECRET: sign in with the app's.
    overrideEnv({ SESSION_SECRET: ctx.appEnv.SESSION_SECRET });
    await createOrResetAdmin(ctx.db.db, admin);
    const signed = await signIn(ctx.db.db, { ...admin, ip: "127.0.0.1", userAgent: "bench" });
    if (signed.status !== "ok") throw new Error(`bench admin could not sign in: ${signed.status}`);
    // The app runs on http://127.0.0.1: the cookie without the __Host- prefix.
    const cookie = `jiot_admin=${signed.token}`;

    const paths: string[] = [];
    const queryTimes: number[] = [];
    for (const view of VIEWS) {
      let cursor: string | undefined;
      for (let page = 0; page < PAGES; page++) {
        paths.push(`/admin/orders${orderQueryString({ filters: view.filters, sort: view.sort ?? "created_desc", cursor })}`);
        const started = performance.now();
        const result = await listAdminOrders(ctx.db.db, { filters: view.filters, sort: view.sort, cursor });
        queryTimes.push(performance.now() - started);
        cursor = result.next;
        if (!cursor) break;
      }
    }
    const first = await fetch((await ctx.app()).url + paths[1], { headers: { cookie }, redirect: "manual" });
    if (first.status !== 200) throw new Error(`admin order list answered ${first.status} with the bench admin's cookie`);
    const plans = await queryRows<{ "QUERY PLAN": string }>(
      ctx.db.db,
      sql`explain analyze select * from orders where payment_status = 'paid' and repair_status = 'completed' order by created_at desc, id desc limit 51`,
    );
    const requests: AutocannonRequest[] = paths.map((path) => ({ method: "GET", path, headers: { cookie } }));
    const row = await ctx.measure("Admin order list /admin/orders (filtered, keyset pages)", {
      path: paths[0]!,
      method: "GET",
      connections: 4,
      requests,
    });
    const sorted = [...queryTimes].sort((a, b) => a - b);
    return [
      withTarget(row, targets.p99Under(60), {
        notes: [
          `${paths.length} list pages (${VIEWS.length} filters × up to ${PAGES} pages) cycled per connection, cookie of a signed-in admin`,
          `listAdminOrders alone from the bench process: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms over ${sorted.length} pages`,
          `plan of the paid+completed first page: ${plans.map((p) => p["QUERY PLAN"].trim()).filter((l) => /Scan|Execution/.test(l)).join(" | ")}`,
        ],
      }),
    ];
  },
};
