// The attack of issue 12, against a production build: admin and playground
// pages asked for the way Next.js' client router asks (RSC with a router state
// tree saying the layout is already mounted, prefetches), without a session.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { admins, auditLog, orders, partStock, waitlist, type Order } from "@/db/schema";
import { signIn, signOut } from "@/lib/admin/auth";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { addOrderNote } from "@/lib/admin/order-notes";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { createFreshDatabase, openFreshDatabase, startNextApp, type FreshDatabase, type RunningApp } from "@/tests/support/next-app";
import { bookOrder } from "@/tests/support/payment-fixtures";

const SESSION_SECRET = "rahasia-sesi-admin-untuk-uji-akses-0123456789";
const ADMIN = { username: "sari", password: "kata-sandi-toko-2026" };
const STAFF = { username: "budi", password: "kata-sandi-staf-2026" };
const CUSTOMER = { name: "Wulandari Kusumaningrum", username: "wulan_rahasia", chatId: 987_654_321, phone: "+6281298765432" };
const LOGIN_IP = "203.0.113.77";
const SIGNATURE_KEY = "f".repeat(128);
const NOTE = "Catatan rahasia: pelanggan minta ditelepon sore";

let database: FreshDatabase;
let app: RunningApp;
let order: Order;
let liveCookie: string;
let staffCookie: string;
let revokedCookie: string;
/** Strings that must never reach someone without a session. */
let secrets: string[];

async function sessionToken(db: Parameters<typeof signIn>[0], who = ADMIN): Promise<string> {
  const result = await signIn(db, { ...who, ip: LOGIN_IP, userAgent: "jest" });
  if (result.status !== "ok") throw new Error(`sign-in failed: ${result.status}`);
  return result.token;
}

beforeAll(async () => {
  process.env.SESSION_SECRET = SESSION_SECRET;
  (await import("@/lib/env")).resetEnv();
  database = await createFreshDatabase();
  const handle = await openFreshDatabase(database);
  await createOrResetAdmin(handle.db, ADMIN);
  const booked = await bookOrder(handle.db, { chatId: CUSTOMER.chatId });
  const [updated] = await handle.db
    .update(orders)
    .set({ customerName: CUSTOMER.name, telegramUsername: CUSTOMER.username })
    .where(eq(orders.id, booked.id))
    .returning();
  order = updated!;
  // Another booking of the same customer that gave a phone: the phone customer page lists it.
  const byPhone = await bookOrder(handle.db, { chatId: CUSTOMER.chatId + 1, slotIndex: 1 });
  await handle.db.update(orders).set({ customerName: CUSTOMER.name, customerPhone: CUSTOMER.phone }).where(eq(orders.id, byPhone.id));
  await handle.db.insert(auditLog).values({
    actor: "midtrans",
    entity: "order",
    entityId: booked.id,
    action: "payment.notification",
    after: { order_id: order.bookingCode, transaction_status: "pending", signature_key: SIGNATURE_KEY },
  });
  await addOrderNote(handle.db, { orderId: order.id, body: NOTE, by: { username: ADMIN.username, ip: null } });
  // The customer also waits for a full day: the waitlist page names them.
  await handle.db.insert(waitlist).values({ chatId: CUSTOMER.chatId, customerName: CUSTOMER.name, telegramUsername: CUSTOMER.username, serviceDate: order.serviceDate });
  // A counted part, with a unit for each booking below: the stock page's "Berhenti lacak" would remove it.
  await handle.db.insert(partStock).values({ deviceId: 10, partId: 1, onHand: 5 });
  liveCookie = `jiot_admin=${await sessionToken(handle.db)}`;
  const staff = await createOrResetAdmin(handle.db, STAFF);
  // The staff member is a technician with a job today for the same customer: "Pekerjaan saya" names them.
  await handle.db.update(admins).set({ technician: true }).where(eq(admins.id, staff.id));
  const job = await bookOrder(handle.db, { chatId: CUSTOMER.chatId + 2, serviceDate: addDays(todayInJakarta(), 1), slotIndex: 2 });
  await handle.db.update(orders).set({ customerName: CUSTOMER.name, serviceDate: todayInJakarta(), technicianId: staff.id }).where(eq(orders.id, job.id));
  staffCookie = `jiot_admin=${await sessionToken(handle.db, STAFF)}`;
  const revoked = await sessionToken(handle.db);
  await signOut(handle.db, revoked);
  revokedCookie = `jiot_admin=${revoked}`;
  await handle.close();
  secrets = [CUSTOMER.name, CUSTOMER.username, String(CUSTOMER.chatId), order.statusToken, LOGIN_IP, SIGNATURE_KEY, NOTE];
  app = await startNextApp({ env: { ...database.env, SESSION_SECRET } });
}, 600_000);

afterAll(async () => {
  await app?.stop();
  delete process.env.SESSION_SECRET;
});

/** The router state tree the client sends when the app shell and these layouts are already on screen. */
function routerStateTree(segments: string[]): string {
  let tree: unknown = ["__PAGE__", {}];
  for (const segment of [...segments].reverse()) tree = [segment, { children: tree }];
  return encodeURIComponent(JSON.stringify(["", { children: tree }]));
}

// Each page asked for while another page of the dashboard is on screen: the
// client says the root and the (dashboard) layout are mounted, so Next.js
// renders only the new page (that is how the hole was found).
const ON_SCREEN_TODAY = ["admin", "(dashboard)"];
const ON_SCREEN_AUDIT = ["admin", "(dashboard)", "audit"];
const ADMIN_PAGES: [string, () => string, string[]][] = [
  ["Today", () => "/admin", ON_SCREEN_AUDIT],
  ["order list", () => "/admin/orders", ON_SCREEN_TODAY],
  ["order detail", () => `/admin/orders/${order.id}`, ON_SCREEN_TODAY],
  ["payments", () => "/admin/payments", ON_SCREEN_TODAY],
  ["audit log", () => "/admin/audit", ON_SCREEN_TODAY],
  ["webhooks", () => "/admin/webhooks", ON_SCREEN_TODAY],
  ["catalog", () => "/admin/catalog", ON_SCREEN_TODAY],
  ["schedule", () => "/admin/schedule", ON_SCREEN_TODAY],
  ["staff", () => "/admin/staff", ON_SCREEN_TODAY],
  ["branches", () => "/admin/branches", ON_SCREEN_TODAY],
  ["waitlist", () => "/admin/waitlist", ON_SCREEN_TODAY],
  ["stock", () => "/admin/stock", ON_SCREEN_TODAY],
  ["my jobs", () => "/admin/my-jobs", ON_SCREEN_TODAY],
  ["customer history", () => `/admin/customers/${CUSTOMER.chatId}`, ON_SCREEN_TODAY],
  ["orders CSV", () => "/admin/orders/export", ON_SCREEN_TODAY],
  ["new counter order", () => "/admin/orders/new", ON_SCREEN_TODAY],
  ["customer by phone", () => `/admin/customers/phone/${CUSTOMER.phone.slice(1)}`, ON_SCREEN_TODAY],
  // The print pages sit outside the dashboard group: the client says only the admin segment is mounted.
  ["job sheet", () => `/admin/orders/${order.id}/job-sheet`, ["admin"]],
  ["receipt", () => `/admin/orders/${order.id}/receipt`, ["admin"]],
];

type Variant = "plain GET" | "RSC navigation" | "RSC prefetch" | "segment prefetch";
const VARIANTS: Variant[] = ["plain GET", "RSC navigation", "RSC prefetch", "segment prefetch"];

function requestHeaders(variant: Variant, tree: string, cookie?: string): Record<string, string> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (variant === "plain GET") return { ...headers, accept: "text/html,application/xhtml+xml" };
  Object.assign(headers, { RSC: "1", "Next-Router-State-Tree": tree, "Next-Url": "/admin" });
  if (variant === "RSC prefetch") headers["Next-Router-Prefetch"] = "1";
  if (variant === "segment prefetch") Object.assign(headers, { "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/_tree" });
  return headers;
}

async function fetchPage(path: string, headers: Record<string, string>) {
  let url = `${app.url}${path}${headers.RSC ? "?_rsc=x1y2z" : ""}`;
  for (let hop = 0; ; hop++) {
    const response = await fetch(url, { headers, redirect: "manual" });
    const location = response.headers.get("location");
    // Next.js answers an RSC request whose _rsc cache key does not match its headers with a redirect to the right key: follow that one.
    const sameRequest = location && new URL(location, url).pathname === path && new URL(location, url).searchParams.has("_rsc");
    if (sameRequest && hop < 2) {
      url = new URL(location, url).toString();
      continue;
    }
    return { status: response.status, location, body: await response.text() };
  }
}

function expectRefused(answer: { status: number; location: string | null; body: string }, isPrefetch: boolean, path: string) {
  // What the asker put in the path (a chat id) comes back in the route's params and the login's ?next=: that is no leak.
  for (const secret of secrets.filter((s) => !path.includes(s))) expect(answer.body).not.toContain(secret);
  const redirectedToLogin = [303, 307, 308].includes(answer.status) && /\/admin\/login/.test(answer.location ?? "");
  // A page whose session check runs in the page itself answers an RSC request with the redirect in its payload.
  const redirectInPayload = answer.status === 200 && /NEXT_REDIRECT;[^;]*;\/admin\/login/.test(answer.body);
  // A prefetch of a dynamic page is answered with the route's shape only: no rendered element at all.
  const shapeOnly = answer.status === 200 && isPrefetch && !answer.body.includes('["$","');
  expect({ status: answer.status, refused: redirectedToLogin || redirectInPayload || shapeOnly || answer.status === 401 }).toEqual({
    status: answer.status,
    refused: true,
  });
}

describe("admin pages without a live session", () => {
  const cases = ADMIN_PAGES.flatMap(([name, path, segments]) =>
    VARIANTS.flatMap((variant) =>
      (["no cookie", "revoked cookie", "made-up cookie"] as const).map((who) => ({ name, path, segments, variant, who })),
    ),
  );

  it.each(cases)("$name, $variant, $who: refused, no customer data", async ({ path, segments, variant, who }) => {
    const cookie = { "no cookie": undefined, "revoked cookie": revokedCookie, "made-up cookie": `jiot_admin=${"A".repeat(43)}` }[who];
    expectRefused(await fetchPage(path(), requestHeaders(variant, routerStateTree(segments), cookie)), variant.endsWith("prefetch"), path());
  });

  it("a plain GET without a session is sent to the login page, which comes back to the page asked for", async () => {
    const answer = await fetchPage(`/admin/orders/${order.id}`, requestHeaders("plain GET", ""));
    expect(answer.status).toBe(307);
    expect(new URL(answer.location!, app.url).searchParams.get("next")).toBe(`/admin/orders/${order.id}`);
  });

  it("the CSV export asked for by a script (not a page) without a session answers 401", async () => {
    expect((await fetch(`${app.url}/admin/orders/export`, { redirect: "manual" })).status).toBe(401);
  });

  it.each([() => `/admin/orders/${order.id}`, () => "/admin/stock"])("a server action posted to an admin page without a session is refused before it runs (%#)", async (path) => {
    const response = await fetch(`${app.url}${path()}`, {
      method: "POST",
      headers: { "Next-Action": "0".repeat(42), origin: app.url, "content-type": "text/plain;charset=UTF-8" },
      body: "[]",
      redirect: "manual",
    });
    expect(response.status).toBe(401);
  });
});

/** The id this build gave a page's server action: what its form posts in the Next-Action header. */
function actionIdOf(page: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  const found = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName && page in action.workers);
  if (!found) throw new Error(`no server action ${exportedName} on ${page}`);
  return found[0];
}

describe("a real owner-only server action without a live session", () => {
  /** A post of the stock page's "Berhenti lacak" action, as the client sends one (useActionState: the state, then the form). */
  const untrack = async (cookie?: string) => {
    const form = new FormData();
    form.set("_1_deviceId", "10");
    form.set("_1_partId", "1");
    form.set("0", '[{"status":"idle"},"$K1"]');
    const response = await fetch(`${app.url}/admin/stock`, {
      method: "POST",
      headers: { "Next-Action": actionIdOf("app/admin/(dashboard)/stock/page", "untrackStock"), origin: app.url, accept: "text/x-component", ...(cookie && { cookie }) },
      body: form,
      redirect: "manual",
    });
    // The action's own answer is the payload's row 1.
    return { status: response.status, answer: (await response.text()).split("\n").find((line) => line.startsWith("1:")) ?? "" };
  };
  const counted = async () => (await fetchPage("/admin/stock", requestHeaders("plain GET", "", liveCookie))).body.includes("Berhenti lacak Battery iPhone X");

  it("no cookie: 401 at the gate, the part stays counted", async () => {
    expect((await untrack()).status).toBe(401);
    expect(await counted()).toBe(true);
  });

  it("a signed-out cookie passes the gate but the action itself refuses; the part stays counted", async () => {
    expect(await untrack(revokedCookie)).toEqual({ status: 200, answer: expect.stringContaining("Sesi admin berakhir") });
    expect(await counted()).toBe(true);
  });

  it("staff pass the gate but the action refuses them as owner-only; the part stays counted", async () => {
    expect(await untrack(staffCookie)).toEqual({ status: 200, answer: expect.stringContaining("Hanya pemilik toko") });
    expect(await counted()).toBe(true);
  });

  // The refusals above can fail: the very same post from the owner's session goes through.
  it("the owner's same post stops counting the part", async () => {
    expect(await untrack(liveCookie)).toEqual({ status: 200, answer: expect.stringContaining("tidak dilacak lagi") });
    expect(await counted()).toBe(false);
  });
});

describe("the same requests with a live session (the check above can fail)", () => {
  it.each(["RSC navigation", "plain GET"] as const)("the order list, %s, shows the customer", async (variant) => {
    const answer = await fetchPage("/admin/orders", requestHeaders(variant, routerStateTree(ON_SCREEN_TODAY), liveCookie));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(CUSTOMER.name);
  });

  it.each(["RSC navigation", "plain GET"] as const)("my jobs, %s, shows the technician's job of today", async (variant) => {
    const answer = await fetchPage("/admin/my-jobs", requestHeaders(variant, routerStateTree(ON_SCREEN_TODAY), staffCookie));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(CUSTOMER.name);
  });

  it.each(["customer by phone", "job sheet"])("the %s page, RSC navigation, shows the customer", async (name) => {
    const [, path, segments] = ADMIN_PAGES.find(([page]) => page === name)!;
    const answer = await fetchPage(path(), requestHeaders("RSC navigation", routerStateTree(segments), liveCookie));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(CUSTOMER.name);
  });
});

describe("a customer's history, from the order page", () => {
  it("lists the customer's orders with the totals, for staff too", async () => {
    const detail = await fetchPage(`/admin/orders/${order.id}`, requestHeaders("plain GET", "", staffCookie));
    expect(detail.body).toContain(NOTE);
    expect(detail.body).toContain(`href="/admin/customers/${CUSTOMER.chatId}"`);
    const history = await fetchPage(`/admin/customers/${CUSTOMER.chatId}`, requestHeaders("plain GET", "", staffCookie));
    expect(history.status).toBe(200);
    expect(history.body).toContain(order.bookingCode);
    expect(history.body).toContain("Total dibayar");
  });

  it("an unknown or malformed chat is a 404", async () => {
    expect((await fetchPage("/admin/customers/424242", requestHeaders("plain GET", "", liveCookie))).status).toBe(404);
    expect((await fetchPage("/admin/customers/abc", requestHeaders("plain GET", "", liveCookie))).status).toBe(404);
  });
});

// With one branch (here) every admin works at every branch; staff of some branches only are in branch-admin.test.ts and tests/http/admin/branch-scope.test.ts.
describe("staff see the owner's pages without their forms, and no menu entry for them", () => {
  it.each(["/admin/catalog", "/admin/schedule", "/admin/webhooks", "/admin/staff", "/admin/branches"])("%s as staff", async (path) => {
    const answer = await fetchPage(path, requestHeaders("plain GET", "", staffCookie));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("hanya untuk pemilik toko");
    expect(answer.body).not.toMatch(/<form[^>]*>(?:(?!<\/form>).)*name="(op|username|password)"/s);
  });

  it("the menu a member of staff sees has the day's pages only", async () => {
    const answer = await fetchPage("/admin", requestHeaders("plain GET", "", staffCookie));
    expect(answer.body).toContain('href="/admin/orders"');
    for (const path of ["/admin/catalog", "/admin/schedule", "/admin/webhooks", "/admin/staff", "/admin/branches"]) expect(answer.body).not.toContain(`href="${path}"`);
  });

  it("the owner sees the staff page with its forms", async () => {
    const answer = await fetchPage("/admin/staff", requestHeaders("plain GET", "", liveCookie));
    expect(answer.body).toContain("Tambah staf");
    expect(answer.body).toContain(STAFF.username);
  });
});

describe("playground pages with PLAYGROUND unset", () => {
  const PAGES: [string, string[]][] = [
    ["/playground", ["playground", "chat"]],
    ["/playground/chat", ["playground"]],
    ["/playground/midtrans/simulator", ["playground"]],
    ["/playground/midtrans/pay/tok123", ["playground"]],
  ];
  const cases = PAGES.flatMap(([path, segments]) => VARIANTS.map((variant) => ({ path, segments, variant })));

  it.each(cases)("$path, $variant: 404", async ({ path, segments, variant }) => {
    const answer = await fetchPage(path, requestHeaders(variant, routerStateTree(segments)));
    expect(answer.status).toBe(404);
    expect(answer.body).not.toMatch(/Playground|Simulator|chat-app/i);
  });
});

describe("security headers", () => {
  it("a page carries a nonce policy, and every script Next.js rendered carries that nonce", async () => {
    const response = await fetch(`${app.url}/`);
    const policy = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("strict-transport-security")).toBeNull();
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = (await fetch(`${app.url}/`)).headers.get("content-security-policy");
    expect(again).not.toContain(nonce!);
  });

  it("the status page's policy allows Snap's hosts to load snap.js and open its popup", async () => {
    const policy = (await fetch(`${app.url}/orders/${order.statusToken}`)).headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src [^;]*https:\/\/app\.sandbox\.midtrans\.com/);
    expect(policy).toMatch(/frame-src [^;]*https:\/\/app\.sandbox\.midtrans\.com/);
  });

  it("an API answer is nosniff and may not be framed or run", async () => {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});
