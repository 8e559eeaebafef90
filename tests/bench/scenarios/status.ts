import type { AutocannonRequest } from "autocannon";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { targets, withTarget, type Scenario } from "../context";

/**
 * The customer's status page /orders/{token} and GET /api/orders/{token}, each
 * request for a random one of 5 000 generated orders (of the 100 000), at 4
 * connections.
 */
export const status: Scenario = {
  id: "status",
  async run(ctx) {
    const tokens = (await queryRows<{ status_token: string }>(ctx.db.db, sql`select status_token from orders order by random() limit 5000`)).map(
      (r) => r.status_token,
    );
    if (!tokens.length) throw new Error("no orders (run with --orders > 0)");
    const byToken = (prefix: string): AutocannonRequest => ({
      method: "GET",
      path: prefix,
      setupRequest: (req) => ({ ...req, path: prefix + tokens[Math.floor(Math.random() * tokens.length)]! }),
    });
    const json = await ctx.measure("GET /api/orders/{token} (JSON)", {
      path: "/api/orders/x",
      method: "GET",
      connections: 4,
      requests: [byToken("/api/orders/")],
      inProcess: true,
    });
    const page = await ctx.measure("Status page /orders/{token}", {
      path: "/orders/x",
      method: "GET",
      connections: 4,
      requests: [byToken("/orders/")],
      inProcess: true,
    });
    return [withTarget(json, targets.p99Under(30)), withTarget(page, targets.p99Under(60))];
  },
};
