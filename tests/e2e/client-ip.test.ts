// Issue 12: off Vercel and with no proxy named, the login keys on the socket's address, never on an X-Forwarded-For the client wrote.
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { signInToAdmin } from "@/tests/support/browser";
import { registerOwnerApp } from "@/tests/support/owner-app";

const FORGED = "198.51.100.9";
const suite = registerOwnerApp();

describe("next start, neither VERCEL nor TRUST_PROXY set", () => {
  it("a sign-in sent with a forged X-Forwarded-For is recorded with the socket's address", async () => {
    const context = await suite.browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": FORGED } });
    const page = await context.newPage();
    await signInToAdmin(page, suite.app.url, TEST_ADMIN);
    await page.goto(`${suite.app.url}/admin/audit`);
    const login = page.locator("tr", { hasText: "admin.login" }).first();
    await expect(login.innerText()).resolves.toMatch(/(^|\s)(::ffff:)?127\.0\.0\.1(\s|$)/);
    expect(await page.content()).not.toContain(FORGED);
    await context.close();
  });
});
