import { renderToString } from "react-dom/server";
import WaitlistPage from "@/app/admin/(dashboard)/waitlist/page";
import { ADMIN_NAV_LINKS } from "@/app/admin/nav-links";
import { signIn } from "@/lib/admin/auth";
import { sessionCookieName } from "@/lib/admin/cookie";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { addDays, formatDateLong, todayInJakarta } from "@/lib/booking/calendar";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";
import { onePlaceDay, waitFor } from "@/tests/support/waitlist-fixtures";

/** The page reads the session from next/headers: here, the token of whoever the test says is signed in. */
let sessionToken: string | undefined;
jest.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "jest" }),
  cookies: async () => ({ get: (name: string) => (sessionToken && name === sessionCookieName() ? { name, value: sessionToken } : undefined) }),
}));
jest.mock("next/navigation", () => ({
  redirect: (path: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { path });
  },
}));

const suite = registerSuiteDatabase();
const DAY = addDays(todayInJakarta(), 2);
const STAFF = { username: "budi", password: "kata-sandi-staf-2026" };

async function tokenOf(credentials: { username: string; password: string }): Promise<string> {
  await createOrResetAdmin(suite.db, credentials);
  const result = await signIn(suite.db, { ...credentials, ip: null, userAgent: "jest" });
  if (result.status !== "ok") throw new Error(`sign-in failed: ${result.status}`);
  return result.token;
}

beforeEach(() => {
  sessionToken = undefined;
});

describe("/admin/waitlist", () => {
  it("without a session (or with a revoked-looking token) sends to the login and shows nothing", async () => {
    await onePlaceDay(suite.db);
    await waitFor(suite.db, 7401, DAY);
    await expect(WaitlistPage()).rejects.toMatchObject({ path: "/admin/login?next=%2Fadmin%2Fwaitlist" });
    sessionToken = "x".repeat(43);
    await expect(WaitlistPage()).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
  });

  it("lists the waits per day for the owner and for staff: who, since when, state", async () => {
    await tokenOf(TEST_ADMIN); // the first admin is the owner
    await onePlaceDay(suite.db);
    const taken = await bookOrder(suite.db, { serviceDate: DAY, chatId: 7400 });
    await waitFor(suite.db, 7401, DAY, new Date(Date.now() - 1000));
    await waitFor(suite.db, 7402, DAY);
    await cancelBooking(suite.db, { orderId: taken.id, actor: "test", reason: "test" });

    for (const who of [TEST_ADMIN, STAFF]) {
      sessionToken = await tokenOf(who);
      const html = renderToString(await WaitlistPage());
      expect(html).toContain(formatDateLong(DAY));
      expect(html).toMatch(/Pelanggan 7401.*Ditawari tempat.*Pelanggan 7402.*Menunggu/s);
      expect(html).toContain("WIB");
    }
    expect(ADMIN_NAV_LINKS.some((link) => link.href === "/admin/waitlist")).toBe(true);
  });
});
