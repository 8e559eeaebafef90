import { admins } from "@/db/schema";
import { signIn } from "@/lib/admin/auth";
import { ensureDemoAdmin } from "@/lib/playground/demo-admin";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const suite = registerSuiteDatabase();

describe("the demo admin", () => {
  it("is created on the first start with a random password that signs in, and only then is the password returned", async () => {
    const first = await ensureDemoAdmin(suite.db);
    if (!first.created) throw new Error("expected the first start to create the admin");
    expect(first.username).toBe("admin");
    expect(first.password.length).toBeGreaterThanOrEqual(16);
    const signedIn = await signIn(suite.db, { username: "admin", password: first.password, ip: "127.0.0.1", userAgent: "jest" });
    expect(signedIn.status).toBe("ok");

    expect(await ensureDemoAdmin(suite.db)).toEqual({ username: "admin", created: false });
    const rows = await suite.db.select({ username: admins.username, role: admins.role }).from(admins);
    expect(rows).toEqual([{ username: "admin", role: "owner" }]);
  });

  it("a second demo database gets a different password", async () => {
    const one = await ensureDemoAdmin(suite.db);
    await suite.testDb.reset();
    const two = await ensureDemoAdmin(suite.db);
    expect(one.created && two.created && one.password !== two.password).toBe(true);
  });
});
