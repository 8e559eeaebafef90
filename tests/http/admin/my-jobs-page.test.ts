// "Pekerjaan saya" (issue 16): a technician's own jobs of today, nobody else's; nothing without a session.
import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import MyJobsPage from "@/app/admin/(dashboard)/my-jobs/page";
import { ADMIN_NAV_LINKS } from "@/app/admin/nav-links";
import { admins, orders } from "@/db/schema";
import { signIn } from "@/lib/admin/auth";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { actionContext } from "@/tests/support/action-session";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

jest.mock("next/headers", () => jest.requireActual("@/tests/support/action-session").actionRequest);
jest.mock("next/navigation", () => ({
  redirect: (path: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { path });
  },
}));

const suite = registerSuiteDatabase();
const ANDI = { username: "teknisi.andi", password: "kata-sandi-andi-2026" };
const BAYU = { username: "teknisi.bayu", password: "kata-sandi-bayu-2026" };

async function technician(credentials: { username: string; password: string }): Promise<{ id: number; token: string }> {
  await createOrResetAdmin(suite.db, credentials);
  const [row] = await suite.db.update(admins).set({ technician: true }).where(eq(admins.username, credentials.username)).returning({ id: admins.id });
  const result = await signIn(suite.db, { ...credentials, ip: null, userAgent: "jest" });
  if (result.status !== "ok") throw new Error(`sign-in failed: ${result.status}`);
  return { id: row!.id, token: result.token };
}

/** A job of today: booked for tomorrow (today's slots may have started), then moved to today. */
async function jobToday(chatId: number, technicianId: number, customerName: string) {
  const order = await bookOrder(suite.db, { chatId, serviceDate: addDays(todayInJakarta(), 1) });
  await suite.db.update(orders).set({ serviceDate: todayInJakarta(), technicianId, customerName }).where(eq(orders.id, order.id));
  return order;
}

beforeEach(async () => {
  actionContext.token = undefined;
  await createOrResetAdmin(suite.db, TEST_ADMIN); // the first admin is the owner
});

describe("/admin/my-jobs", () => {
  it("shows the signed-in technician's jobs of today only: not a colleague's, not tomorrow's, not a cancelled one", async () => {
    const andi = await technician(ANDI);
    const bayu = await technician(BAYU);
    const mine = await jobToday(7501, andi.id, "Pelanggan Andi");
    await jobToday(7502, bayu.id, "Pelanggan Bayu");
    const cancelled = await jobToday(7503, andi.id, "Pelanggan Batal");
    await suite.db.update(orders).set({ repairStatus: "cancelled" }).where(eq(orders.id, cancelled.id));
    const tomorrow = await bookOrder(suite.db, { chatId: 7504, serviceDate: addDays(todayInJakarta(), 1) });
    await suite.db.update(orders).set({ technicianId: andi.id, customerName: "Pelanggan Besok" }).where(eq(orders.id, tomorrow.id));

    actionContext.token = andi.token;
    const html = renderToString(await MyJobsPage());
    expect(html).toContain("Pekerjaan saya");
    expect(html).toContain("Pelanggan Andi");
    expect(html).toContain(`/admin/orders/${mine.id}`);
    expect(html).toContain("1 pekerjaan");
    for (const other of ["Pelanggan Bayu", "Pelanggan Batal", "Pelanggan Besok"]) expect(html).not.toContain(other);

    actionContext.token = bayu.token;
    const theirs = renderToString(await MyJobsPage());
    expect(theirs).toContain("Pelanggan Bayu");
    expect(theirs).not.toContain("Pelanggan Andi");
  });

  it("without a session (or with a made-up token) sends to the login and shows nothing", async () => {
    const andi = await technician(ANDI);
    await jobToday(7501, andi.id, "Pelanggan Andi");
    await expect(MyJobsPage()).rejects.toMatchObject({ path: "/admin/login?next=%2Fadmin%2Fmy-jobs" });
    actionContext.token = "x".repeat(43);
    await expect(MyJobsPage()).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
  });

  it("the owner, not a technician, sees no one's jobs and is told why; the menu offers the page to technicians only", async () => {
    const andi = await technician(ANDI);
    await jobToday(7501, andi.id, "Pelanggan Andi");
    const result = await signIn(suite.db, { ...TEST_ADMIN, ip: null, userAgent: "jest" });
    if (result.status !== "ok") throw new Error("sign-in failed");
    actionContext.token = result.token;
    const html = renderToString(await MyJobsPage());
    expect(html).not.toContain("Pelanggan Andi");
    expect(html).toContain("belum ditandai sebagai teknisi");
    expect(ADMIN_NAV_LINKS.find((link) => link.href === "/admin/my-jobs")).toMatchObject({ technicianOnly: true, ownerOnly: false });
  });
});
