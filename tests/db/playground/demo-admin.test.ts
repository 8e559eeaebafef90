import { admins } from "@/db/schema";
import { signIn } from "@/lib/admin/auth";
import { ensureDemoAdmin } from "@/lib/playground/demo-admin";
import { ensureDemoTechnicians } from "@/lib/playground/demo-technicians";
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

describe("the demo technicians", () => {
  it("are made once, after the admin, as staff technicians on different days, each with a password that signs in", async () => {
    await ensureDemoAdmin(suite.db);
    const made = await ensureDemoTechnicians(suite.db);
    expect(made.map((t) => t.username)).toEqual(["teknisi.andi", "teknisi.bayu"]);
    for (const { username, password } of made) {
      expect((await signIn(suite.db, { username, password, ip: "127.0.0.1", userAgent: "jest" })).status).toBe("ok");
    }
    const rows = await suite.db.select({ username: admins.username, role: admins.role, technician: admins.technician, days: admins.workingWeekdays }).from(admins).orderBy(admins.id);
    expect(rows.map(({ username, role, technician }) => ({ username, role, technician }))).toEqual([
      { username: "admin", role: "owner", technician: false },
      { username: "teknisi.andi", role: "staff", technician: true },
      { username: "teknisi.bayu", role: "staff", technician: true },
    ]);
    expect(rows[1]!.days).not.toBe(rows[2]!.days);
    expect(await ensureDemoTechnicians(suite.db)).toEqual([]);
  });
});
