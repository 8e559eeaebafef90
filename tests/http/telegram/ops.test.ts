import http from "node:http";
import type { AddressInfo } from "node:net";
import { GET as rmWebhookGet, POST as rmWebhook } from "@/app/api/rmWebhook/route";
import { GET as setWebhookGet, POST as setWebhook } from "@/app/api/setWebhook/route";
import { auditLog } from "@/db/schema";
import { signOut } from "@/lib/admin/auth";
import { overrideEnv } from "@/lib/env";
import { adminCookie, adminRequest, TEST_ADMIN } from "@/tests/support/admin-session";
import { changingNothing } from "@/tests/support/db-snapshot";
import { pollBotUpdates } from "@/lib/telegram/poll-updates";
import { setBotWebhook } from "@/lib/telegram/webhook-admin";
import { TelegramCustomer, TEST_APP_URL, TEST_WEBHOOK_SECRET, useStandInBot } from "@/tests/support/telegram-customer";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const CRON_SECRET = "ops-cron-secret-0123456789abcdef";
let cookie: string;
const suite = registerSuiteDatabase({ bot: true, env: { CRON_SECRET } });
afterAll(() => overrideEnv({ CRON_SECRET: undefined }));
beforeEach(async () => {
  cookie = await adminCookie(suite.db);
});

const OPS_ROUTES: [string, string, (request: Request) => Promise<Response>][] = [
  ["/api/setWebhook", "POST", setWebhook],
  ["/api/setWebhook", "GET", setWebhookGet],
  ["/api/rmWebhook", "POST", rmWebhook],
  ["/api/rmWebhook", "GET", rmWebhookGet],
];
const webhookAudit = async () => (await suite.db.select().from(auditLog)).filter((row) => row.action.startsWith("webhook."));
const opsRequest = (path: string, session?: string, origin?: string | null) =>
  adminRequest(`http://localhost${path}`, { cookie: session, origin });

describe("webhook operations", () => {
  it("/api/setWebhook and /api/rmWebhook (POST and the paper's GET) refuse no session, a forged, altered or signed-out one, or the cron secret: 401, nothing done", async () => {
    const [name, token] = cookie.split("=") as [string, string];
    const signedOut = await adminCookie(suite.db, { username: "budi", password: "kata-sandi-budi-22" });
    await signOut(suite.db, signedOut.split("=")[1]);
    const altered = `${name}=${token.slice(0, -2)}${token.slice(-2) === "AA" ? "BB" : "AA"}`;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${CRON_SECRET}` },
      { cookie: "jiot_admin=forged" },
      { cookie: `${cookie}x` },
      { cookie: `${name}=` },
      { cookie: `${name}=${"A".repeat(token.length)}` },
      { cookie: signedOut },
      { cookie: altered },
      { cookie: `${name}=${token}%00` },
      { cookie: `${name}=' OR 1=1 --` },
      { cookie: `other=${token}` },
    ];
    for (const [path, method, handler] of OPS_ROUTES) {
      for (const headers of attempts) {
        const request = new Request(`http://localhost${path}`, { method, headers: { origin: "http://localhost", ...headers } });
        const answer = await changingNothing(suite.db, () => handler(request));
        expect([method, path, headers, answer.status]).toEqual([method, path, headers, 401]);
      }
    }
    expect(suite.tg.calls).toEqual([]);
    expect(await webhookAudit()).toEqual([]);
  });

  it("refuses an admin's session from a foreign or lookalike origin, or a cross-site navigation (403, nothing done); from the app itself it is done and audited", async () => {
    const foreign: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "http://localhost.evil.example" },
      { origin: "https://jiot.example.com.evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const [path, method, handler] of OPS_ROUTES) {
      for (const headers of foreign) {
        const request = new Request(`http://localhost${path}`, { method, headers: { cookie, ...headers } });
        // Looking up the session may touch its last-seen time; nothing else may change.
        const answer = await changingNothing(suite.db, () => handler(request), { except: ["admin_sessions"] });
        expect([method, path, headers, answer.status]).toEqual([method, path, headers, 403]);
      }
    }
    expect(suite.tg.calls).toEqual([]);

    const done = await rmWebhook(opsRequest("/api/rmWebhook", cookie));
    expect([done.status, await done.text()]).toEqual([200, "true"]);
    expect(suite.tg.callsOf("deleteWebhook")).toHaveLength(1);
    expect((await webhookAudit()).map((row) => [row.action, row.actor])).toEqual([["webhook.remove", TEST_ADMIN.username]]);
  });

  it("/api/setWebhook sets APP_URL/api/telegram/webhook with the secret and registers the commands; /api/rmWebhook removes it", async () => {
    const set = await setWebhook(opsRequest("/api/setWebhook", cookie));
    expect(set.status).toBe(200);
    expect(await set.json()).toBe(true);
    expect(suite.tg.webhook).toEqual({
      url: `${TEST_APP_URL}/api/telegram/webhook`,
      secret_token: TEST_WEBHOOK_SECRET,
      allowed_updates: ["message", "callback_query"],
      max_connections: 40,
    });
    expect(suite.tg.commands.get("")!.map((c) => c.command)).toEqual(["start", "help", "order", "catalog", "status", "garansi", "cancel", "bahasa"]);
    expect(suite.tg.commands.get("en")!.map((c) => c.command)).toContain("language");
    expect(suite.tg.commands.get("id")![2]).toEqual({ command: "order", description: "Booking servis" });
    expect(suite.tg.commands.get("en")![2]).toEqual({ command: "order", description: "Book a repair" });

    const removed = await rmWebhook(opsRequest("/api/rmWebhook", cookie));
    expect(await removed.json()).toBe(true);
    expect(suite.tg.webhook).toBeNull();
  });

  it("answers false when Telegram refuses", async () => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    overrideEnv({ APP_URL: "http://localhost:3000" });
    try {
      // On plain http the cookie has no __Host- prefix: sign in again under this APP_URL.
      const response = await setWebhook(opsRequest("/api/setWebhook", await adminCookie(suite.db)));
      expect(response.status).toBe(502);
      expect(await response.json()).toBe(false);
      expect(errors.mock.calls.join(" ")).toContain("An HTTPS URL must be provided");
    } finally {
      errors.mockRestore();
    }
  });

  it("drops pending updates only when asked", async () => {
    suite.tg.pushUpdate({ update_id: 1 });
    await setBotWebhook();
    expect(suite.tg.callsOf("setWebhook")[0]!.params.drop_pending_updates).toBe(false);
    await setBotWebhook({ dropPendingUpdates: true });
    expect(suite.tg.callsOf("setWebhook")[1]!.params.drop_pending_updates).toBe(true);
  });
});

describe("long polling (npm run bot:poll)", () => {
  it("removes the webhook, then handles polled updates with the same bot", async () => {
    await setBotWebhook();
    const customer = new TelegramCustomer(suite.tg, { id: 5550050, firstName: "Vina" });
    suite.tg.pushUpdate(customer.textUpdate("/help"));
    const controller = new AbortController();
    const polling = pollBotUpdates({ signal: controller.signal, timeoutS: 1 });
    // Stop once the update is confirmed: the next getUpdates asks for later ones.
    await suite.tg.waitFor(() => suite.tg.callsOf("sendMessage").length === 1 && suite.tg.callsOf("getUpdates").some((c) => Number(c.params.offset) > 0));
    controller.abort();
    expect(await polling).toBe(1);
    expect(suite.tg.callsOf("deleteWebhook")).toHaveLength(1);
    expect(suite.tg.callsOf("getUpdates").every((c) => c.status === 200)).toBe(true);
    expect(customer.lastMessage().text).toMatch(/^Halo Vina!/);
    const offsets = suite.tg.callsOf("getUpdates").map((c) => Number(c.params.offset));
    expect(Math.max(...offsets)).toBeGreaterThan(0);
  });
});

/** A Bot API that ignores getUpdates' timeout: every call is answered at once, empty (or failed, with `status`). */
async function startImpatientBotApi(status = 200): Promise<{ url: string; calls: () => number; close(): Promise<void> }> {
  let calls = 0;
  const server = http.createServer((request, response) => {
    const method = request.url?.split("/").at(-1) ?? "";
    if (method === "getUpdates") calls++;
    request.resume();
    const failing = method === "getUpdates" && status !== 200;
    response.writeHead(failing ? status : 200, { "content-type": "application/json" });
    response.end(JSON.stringify(failing ? { ok: false, error_code: status, description: "Bad Gateway" } : { ok: true, result: method === "getUpdates" ? [] : true }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("long polling against a Bot API that answers at once", () => {
  it.each([
    ["empty", 200],
    ["failed (502)", 502],
  ])("getUpdates answered %s at once is asked again at most a handful of times in 2 s, and polling stops at once when told", async (_what, status) => {
    const api = await startImpatientBotApi(status);
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      useStandInBot(suite.tg, { TELEGRAM_API_ROOT: api.url });
      const controller = new AbortController();
      const polling = pollBotUpdates({ signal: controller.signal, timeoutS: 30 });
      await new Promise((r) => setTimeout(r, 2_000));
      const stoppedAt = Date.now();
      controller.abort();
      expect(await polling).toBe(0);
      expect(Date.now() - stoppedAt).toBeLessThan(500);
      // A bare loop made 545 calls a second here; waiting 1 s, then 2 s, leaves room for 2 or 3.
      expect(api.calls()).toBeGreaterThanOrEqual(1);
      expect(api.calls()).toBeLessThanOrEqual(3);
    } finally {
      errors.mockRestore();
      await api.close();
    }
  });
});
