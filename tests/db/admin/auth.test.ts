import { eq } from "drizzle-orm";
import { adminSessions, admins, auditLog } from "@/db/schema";
import { adminOfSessionToken, LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS, signIn, signOut } from "@/lib/admin/auth";
import { AdminInputError, createOrResetAdmin } from "@/lib/admin/create-admin";
import { hashPassword, verifyPassword } from "@/lib/admin/password";
import { safeAdminPath } from "@/lib/admin/paths";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

// The real scrypt check, counted: how many passwords were actually tried.
jest.mock("@/lib/admin/password", () => {
  const actual = jest.requireActual<typeof import("@/lib/admin/password")>("@/lib/admin/password");
  return { ...actual, verifyPassword: jest.fn(actual.verifyPassword) };
});
const passwordChecks = () => (verifyPassword as jest.MockedFunction<typeof verifyPassword>).mock.calls.length;

const suite = registerSuiteDatabase();

beforeEach(() => jest.mocked(verifyPassword).mockClear());

const SARI = { username: "sari", password: "kata-sandi-rahasia-1" };
const attempt = (password: string, extra: { ip?: string; now?: Date; username?: string } = {}) =>
  signIn(suite.db, { username: extra.username ?? "sari", password, ip: extra.ip ?? "10.0.0.1", userAgent: "jest", now: extra.now });

describe("admin passwords", () => {
  it("are stored as salted scrypt hashes that verify only the right password", async () => {
    const hash = await hashPassword("kata-sandi-rahasia-1");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain("kata-sandi");
    expect(await hashPassword("kata-sandi-rahasia-1")).not.toBe(hash);
    expect(await verifyPassword("kata-sandi-rahasia-1", hash)).toBe(true);
    expect(await verifyPassword("kata-sandi-rahasia-2", hash)).toBe(false);
    expect(await verifyPassword("kata-sandi-rahasia-1", "plain-text")).toBe(false);
  });

  it("createOrResetAdmin makes the first admin the owner, resets a password and signs the old sessions out", async () => {
    expect(await createOrResetAdmin(suite.db, SARI)).toMatchObject({ created: true });
    expect(await createOrResetAdmin(suite.db, { username: "Budi", password: "budi-password-1" })).toMatchObject({ created: true });
    const roles = await suite.db.select({ username: admins.username, role: admins.role }).from(admins).orderBy(admins.id);
    expect(roles).toEqual([{ username: "sari", role: "owner" }, { username: "budi", role: "staff" }]);

    const first = await attempt(SARI.password);
    if (first.status !== "ok") throw new Error("sign-in failed");
    expect(await createOrResetAdmin(suite.db, { username: "sari", password: "sandi-baru-yang-panjang" })).toMatchObject({ created: false });
    expect(await adminOfSessionToken(suite.db, first.token)).toBeUndefined();
    expect((await attempt(SARI.password)).status).toBe("invalid");
    expect((await attempt("sandi-baru-yang-panjang")).status).toBe("ok");
  });

  it("refuses a short password or an odd username", async () => {
    await expect(createOrResetAdmin(suite.db, { username: "sari", password: "short" })).rejects.toThrow(AdminInputError);
    await expect(createOrResetAdmin(suite.db, { username: "x y", password: "long-enough-password" })).rejects.toThrow(AdminInputError);
    expect(await suite.db.select().from(admins)).toEqual([]);
  });
});

describe("admin sign-in", () => {
  beforeEach(() => createOrResetAdmin(suite.db, SARI));

  it("gives a session whose token is stored only as a hash, and sign-out revokes it", async () => {
    const result = await attempt(SARI.password);
    if (result.status !== "ok") throw new Error("sign-in failed");
    expect(result.admin).toMatchObject({ username: "sari", role: "owner" });
    const [session] = await suite.db.select().from(adminSessions);
    expect(session!.tokenHash).not.toBe(result.token);
    expect(await adminOfSessionToken(suite.db, result.token)).toMatchObject({ username: "sari" });
    expect(await adminOfSessionToken(suite.db, `${result.token}x`)).toBeUndefined();
    expect(await adminOfSessionToken(suite.db, result.token, new Date(result.expiresAt.getTime() + 1))).toBeUndefined();
    await signOut(suite.db, result.token);
    expect(await adminOfSessionToken(suite.db, result.token)).toBeUndefined();
  });

  it("a disabled admin's session stops working at once", async () => {
    const result = await attempt(SARI.password);
    if (result.status !== "ok") throw new Error("sign-in failed");
    await suite.db.update(admins).set({ disabled: true }).where(eq(admins.username, "sari"));
    expect(await adminOfSessionToken(suite.db, result.token)).toBeUndefined();
    expect((await attempt(SARI.password)).status).toBe("invalid");
  });

  it("an unknown username and a wrong password get the same answer, and both are audited", async () => {
    expect(await attempt("wrong", { username: "nobody" })).toEqual({ status: "invalid", attemptsLeft: 4 });
    expect(await attempt("wrong", { ip: "10.0.0.2" })).toEqual({ status: "invalid", attemptsLeft: 4 });
    const failures = await suite.db.select().from(auditLog).where(eq(auditLog.action, "admin.login_failed"));
    expect(failures).toHaveLength(2);
    expect(JSON.stringify(failures)).not.toContain("wrong");
  });

  it(`after ${LOGIN_MAX_FAILURES} wrong passwords the account is slowed down, even for the right password, until the window ends`, async () => {
    const now = new Date();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) expect((await attempt("wrong", { now })).status).toBe("invalid");
    const blocked = await attempt(SARI.password, { now, ip: "10.0.0.99" });
    expect(blocked).toMatchObject({ status: "throttled" });
    expect(blocked.status === "throttled" && blocked.retryAfterSeconds).toBeGreaterThan(60);
    expect(await suite.db.select().from(adminSessions)).toEqual([]);
    expect((await attempt(SARI.password, { now: new Date(now.getTime() + LOGIN_WINDOW_MS + 1000) })).status).toBe("ok");
  });

  it("many usernames tried from one address slow that address down", async () => {
    const now = new Date();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await attempt("wrong", { now, username: `user${i}`, ip: "10.9.9.9" });
    expect((await attempt(SARI.password, { now, ip: "10.9.9.9" })).status).toBe("throttled");
    expect((await attempt(SARI.password, { now, ip: "10.0.0.2" })).status).toBe("ok");
  });
});

describe("admin sign-in under concurrency", () => {
  beforeEach(() => createOrResetAdmin(suite.db, SARI));

  it(`40 guesses at once for one username from one address check at most ${LOGIN_MAX_FAILURES} passwords, and the right one placed last does not get in`, async () => {
    const now = new Date();
    const guesses = [...Array.from({ length: 39 }, (_, i) => `guess-${i}`), SARI.password];
    const results = await Promise.all(guesses.map((password) => attempt(password, { now })));
    const checked = results.filter((r) => r.status !== "throttled");
    expect(passwordChecks()).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    expect(checked.length).toBe(passwordChecks());
    expect(results.filter((r) => r.status === "throttled").length).toBeGreaterThanOrEqual(40 - LOGIN_MAX_FAILURES);
    expect(results.at(-1)).toMatchObject({ status: "throttled" });
    expect(await suite.db.select().from(adminSessions)).toEqual([]);
    // Nor afterwards, from another address, until the window ends.
    expect((await attempt(SARI.password, { now, ip: "10.0.0.77" })).status).toBe("throttled");
  });

  it("40 guesses at once spread over 40 usernames from one address check at most 5 passwords", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt("wrong", { username: `user${i}` })));
    expect(passwordChecks()).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    expect(results.filter((r) => r.status === "invalid")).toHaveLength(passwordChecks());
  });

  it("the 6th attempt in a window is refused even with the right password, and the tries-left count runs down", async () => {
    const now = new Date();
    const left: number[] = [];
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      const result = await attempt(`wrong-${i}`, { now });
      left.push(result.status === "invalid" ? result.attemptsLeft : -1);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(await attempt(SARI.password, { now })).toMatchObject({ status: "throttled" });
    expect(passwordChecks()).toBe(LOGIN_MAX_FAILURES);
  });

  it("a successful sign-in does not count as a failure: an admin may sign in many times in a window", async () => {
    const now = new Date();
    for (let i = 0; i < LOGIN_MAX_FAILURES + 3; i++) expect((await attempt(SARI.password, { now })).status).toBe("ok");
    expect(await attempt("wrong", { now })).toEqual({ status: "invalid", attemptsLeft: LOGIN_MAX_FAILURES - 1 });
  });
});

describe("the page after login", () => {
  it.each([
    [undefined, "/admin"],
    ["/admin/orders?q=1", "/admin/orders?q=1"],
    ["https://evil.example/admin", "/admin"],
    ["//evil.example/admin", "/admin"],
    ["/adminx", "/admin"],
    ["/admin/login", "/admin"],
  ])("next=%s goes to %s", (next, path) => {
    expect(safeAdminPath(next)).toBe(path);
  });
});
