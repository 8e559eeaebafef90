import type { Scenario } from "../context";
import { coldStartScenario } from "./cold-start";
import { health } from "./health";

/** In the order they run (and appear in the table). Adding a scenario: a file here and a line below. */
export const SCENARIOS: Scenario[] = [
  health,
  coldStartScenario([
    {
      label: "POST /api/bench/bare",
      routeDir: "app/api/bench/bare",
      path: "/api/bench/bare",
      init: { method: "POST", body: "{}" },
      expectStatus: 200,
    },
    { label: "GET /api/health", routeDir: "app/api/health", path: "/api/health", init: {}, expectStatus: 200 },
  ]),
];
