// Issue 16, warranty in the admin: warranty days per part in the catalog, the claim's link on both orders, the warranty-jobs filter.
import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import OrderDetailPage from "@/app/admin/(dashboard)/orders/[id]/page";
import { listAdminOrders } from "@/db/queries/admin-orders";
import { auditLog, parts } from "@/db/schema";
import { signIn } from "@/lib/admin/auth";
import { saveCatalogItem } from "@/lib/admin/catalog";
import { catalogItemInput } from "@/lib/admin/catalog-input";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { parseOrderQuery } from "@/lib/admin/order-filters";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { claimWarrantyIn } from "@/lib/booking/claim-warranty";
import { overrideEnv } from "@/lib/env";
import { actionContext } from "@/tests/support/action-session";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";
import { completedRepair } from "@/tests/support/warranty-fixtures";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);

const suite = registerSuiteDatabase();
const db = () => suite.db;
const CHAT = 5561701;

beforeEach(async () => {
  overrideEnv({ APP_URL: "https://jiot.example.com" });
  await createOrResetAdmin(db(), TEST_ADMIN);
  const result = await signIn(db(), { ...TEST_ADMIN, ip: null, userAgent: "jest" });
  if (result.status !== "ok") throw new Error(result.status);
  actionContext.token = result.token;
});

async function claimed() {
  const original = await completedRepair(db(), { chatId: CHAT });
  const slotId = original.slotId;
  const result = await db().transaction((tx) =>
    claimWarrantyIn(tx, { orderId: original.id, chatId: CHAT, serviceDate: addDays(todayInJakarta(), 3), slotId, description: "baterai cepat habis lagi", now: new Date() }),
  );
  if (!result.ok) throw new Error(result.reason);
  return { original, claim: result.order };
}

/** The page's HTML without React's text separators. */
const renderOrder = async (id: string) =>
  renderToString(await OrderDetailPage({ params: Promise.resolve({ id }) })).replaceAll("<!-- -->", "");

describe("the order page", () => {
  it("a claim shows 'Klaim garansi dari #<code>' linking the original; the original lists its claims", async () => {
    const { original, claim } = await claimed();
    const claimPage = await renderOrder(claim.id);
    expect(claimPage).toContain(`Klaim garansi dari <a href="/admin/orders/${original.id}">#${original.bookingCode}</a> (gratis)`);
    expect(claimPage).toContain("baterai cepat habis lagi");
    const originalPage = await renderOrder(original.id);
    expect(originalPage).toContain(`<a href="/admin/orders/${claim.id}">#${claim.bookingCode}</a>`);
    expect(originalPage).toContain("Bergaransi s.d. ");
  });

  it("a free claim is settled with 'Tandai lunas (tanpa biaya)', never 'Catat bayar tunai Rp0'", async () => {
    const { claim } = await claimed();
    const claimPage = await renderOrder(claim.id);
    expect(claimPage).toContain("Tandai lunas (tanpa biaya)");
    expect(claimPage).not.toContain("bayar tunai");
  });

  it("is not rendered without a session: the browser is sent to the login", async () => {
    const { claim } = await claimed();
    actionContext.token = undefined;
    await expect(renderOrder(claim.id)).rejects.toThrow("NEXT_REDIRECT");
  });
});

describe("the order list", () => {
  it("?warranty=1 lists warranty jobs only", async () => {
    const { original, claim } = await claimed();
    const all = await listAdminOrders(db(), parseOrderQuery({}));
    expect(all.rows.map((o) => o.id)).toEqual(expect.arrayContaining([original.id, claim.id]));
    const jobs = await listAdminOrders(db(), parseOrderQuery({ warranty: "1" }));
    expect(jobs.rows.map((o) => o.id)).toEqual([claim.id]);
  });
});

describe("warranty days in the catalog", () => {
  it("are saved with a part and audited; a form without the field keeps them", async () => {
    const actor = { username: "sari", ip: "203.0.113.9" };
    const input = catalogItemInput.parse({ id: "1", name: "Battery", sort: "1", active: "on", warrantyDays: "90" });
    expect(await saveCatalogItem(db(), actor, "part", input)).toMatchObject({ status: "ok" });
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.entity, "part"));
    expect(audit).toMatchObject({ actor: "sari", action: "update", after: expect.objectContaining({ warrantyDays: 90 }) });
    await saveCatalogItem(db(), actor, "part", catalogItemInput.parse({ id: "1", name: "Battery", sort: "1", active: "on" }));
    expect((await db().select().from(parts).where(eq(parts.id, 1)))[0]!.warrantyDays).toBe(90);
    expect(catalogItemInput.safeParse({ name: "Battery", warrantyDays: "-1" }).success).toBe(false);
    expect(catalogItemInput.safeParse({ name: "Battery", warrantyDays: "4000" }).success).toBe(false);
  });
});
