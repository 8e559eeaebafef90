import { admins } from "@/db/schema";
import { signIn } from "@/lib/admin/auth";
import { ensureDemoAdmin } from "@/lib/playground/demo-admin";
import { setupTestDatabase, type TestDatabase } from "@/tests/support/test-db";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await setupTestDatabase({ seed: false });
});
afterAll(() => testDb.close());
beforeEach(() => testDb.reset());

describe("the demo admin", () => {
  it("is created on the first start with a random password that signs in, and only then is the password returned", async () => {
    const first = await ensureDemoAdmin(testDb.db);
    if (!first.created) throw new Error("expected the first start to create the admin");
    expect(first.username).toBe("admin");
    expect(first.password.length).toBeGreaterThanOrEqual(16);
    const signedIn = await signIn(testDb.db, { username: "admin", password: first.password, ip: "127.0.0.1", userAgent: "jest" });
    expect(signedIn.status).toBe("ok");

    expect(await ensureDemoAdmin(testDb.db)).toEqual({ username: "admin", created: false });
    const rows = await testDb.db.select({ username: admins.username, role: admins.role }).from(admins);
    expect(rows).toEqual([{ username: "admin", role: "owner" }]);
  });

  it("a second demo database gets a different password", async () => {
    const one = await ensureDemoAdmin(testDb.db);
    await testDb.reset();
    const two = await ensureDemoAdmin(testDb.db);
    expect(one.created && two.created && one.password !== two.password).toBe(true);
  });
});
