import { targets, withTarget, type Scenario } from "../context";

/**
 * GET /api/health (one `select 1` on the pool) against the bare GET handler:
 * the cost of one database round trip through the framework. No target in the
 * issue; held to the webhook's targets, as the floor any database route stands on.
 */
export const health: Scenario = {
  id: "health",
  async run(ctx) {
    const rows = [];
    for (const connections of [4, 40]) {
      const row = await ctx.measure("GET /api/health (one DB round trip)", { path: "/api/health", method: "GET", connections });
      rows.push(withTarget(row, connections === 4 ? targets.p99Under(30) : targets.vsBare({ throughput: 0.5, p99: 2.5 })));
    }
    return rows;
  },
};
