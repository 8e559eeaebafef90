import type { Scenario } from "../context";
import { adminOrders } from "./admin-orders";
import { bookingRace } from "./booking-race";
import { coldStartScenario } from "./cold-start";
import { health } from "./health";
import { midtrans } from "./midtrans";
import { status } from "./status";
import { twoInstances } from "./two-instances";
import { webhook } from "./webhook";

export const BENCH_WEBHOOK_SECRET = "bench-webhook-secret_123";

/** In the order they run (and appear in the table). Adding a scenario: a file here and a line below. */
export const SCENARIOS: Scenario[] = [
  health,
  webhook,
  midtrans,
  status,
  adminOrders,
  bookingRace,
  twoInstances,
  coldStartScenario([
    {
      label: "POST /api/bench/bare",
      routeDir: "app/api/bench/bare",
      path: "/api/bench/bare",
      init: { method: "POST", body: "{}" },
      expectStatus: 200,
    },
    {
      label: "POST /api/telegram/webhook (/start)",
      routeDir: "app/api/telegram/webhook",
      path: "/api/telegram/webhook",
      init: {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": BENCH_WEBHOOK_SECRET },
        body: JSON.stringify({
          update_id: 990_000_001,
          message: {
            message_id: 1,
            date: 1_700_000_000,
            from: { id: 990_000_001, is_bot: false, first_name: "Cold" },
            chat: { id: 990_000_001, type: "private", first_name: "Cold" },
            text: "/start",
            entities: [{ offset: 0, length: 6, type: "bot_command" }],
          },
        }),
      },
      expectStatus: 200,
    },
    { label: "GET /api/health", routeDir: "app/api/health", path: "/api/health", init: {}, expectStatus: 200 },
  ]),
];
