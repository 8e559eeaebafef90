import { eq } from "drizzle-orm";
import { logIn, type LoginState } from "@/app/admin/login/actions";
import { adminSessions, auditLog } from "@/db/schema";
import { LOGIN_MAX_FAILURES } from "@/lib/admin/auth";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { overrideEnv } from "@/lib/env";
import { TEST_ADMIN } from "@/tests/support/admin-session";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

/**
 * The login form's server action, as Next calls it: the request's headers come
 * from next/headers (here, what each test request carries), the cookie goes to
 * the response's jar, and success ends in a redirect.
 */
let requestHeaders = new Headers();
const jar = new Map<string, string>();
jest.mock("next/headers", () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({ set: (name: string, value: string) => jar.set(name, value), get: () => undefined, delete: () => {} }),
}));
jest.mock("next/navigation", () => ({
  redirect: (path: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { path });
  },
}));

const suite = registerSuiteDatabase({ seed: false, env: { VERCEL: undefined, TRUST_PROXY: undefined } });
afterAll(() => overrideEnv({ VERCEL: undefined, TRUST_PROXY: undefined }));
beforeEach(async () => {
  jar.clear();
  await createOrResetAdmin(suite.db, TEST_ADMIN);
});

/** Posts the login form with these headers; "signed in" when the action redirected. */
async function submit(username: string, password: string, headers: Record<string, string>): Promise<string> {
  const form = new FormData();
  form.set("username", username);
  form.set("password", password);
  requestHeaders = new Headers({ "user-agent": "jest", ...headers });
  try {
    const state: LoginState = await logIn({ status: "idle" }, form);
    return state.status === "invalid" ? state.message : state.status;
  } catch (error) {
    if ((error as { path?: string }).path) return "signed in";
    throw error;
  }
}

const WRONG = /^Nama pengguna atau kata sandi salah\. Sisa \d percobaan/;
const THROTTLED = /^Terlalu banyak percobaan yang salah\. Coba lagi dalam 15 menit\.$/;
const spoofed = (i: number) => ({ "x-forwarded-for": `198.51.100.${i + 1}` });

describe("the login form's per-address limit and X-Forwarded-For", () => {
  it("without a trusted proxy, 10 attempts with rotating X-Forwarded-For count as one address", async () => {
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) answers.push(await submit(`user${i}`, "wrong-password", spoofed(i)));
    expect(answers.slice(0, LOGIN_MAX_FAILURES)).toEqual([4, 3, 2, 1, 0].map((n) => expect.stringMatching(n ? `Sisa ${n} percobaan` : "Percobaan berikutnya diperlambat")));
    expect(answers.slice(LOGIN_MAX_FAILURES).every((a) => THROTTLED.test(a))).toBe(true);
    // The forged addresses are not written to the audit log as if they were known.
    const failures = await suite.db.select().from(auditLog).where(eq(auditLog.action, "admin.login_failed"));
    expect(failures.map((f) => f.ip)).toEqual(Array(LOGIN_MAX_FAILURES).fill(null));
  });

  it("on Vercel (VERCEL=1), whose edge writes X-Forwarded-For, the same 10 attempts count per address", async () => {
    overrideEnv({ VERCEL: "1" });
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) answers.push(await submit(`user${i}`, "wrong-password", spoofed(i)));
    expect(answers).toEqual(Array(10).fill("Nama pengguna atau kata sandi salah. Sisa 4 percobaan sebelum diperlambat."));
    const failures = await suite.db.select().from(auditLog).where(eq(auditLog.action, "admin.login_failed"));
    expect(failures.map((f) => f.ip).sort()).toEqual(Array.from({ length: 10 }, (_, i) => spoofed(i)["x-forwarded-for"]).sort());
  });

  it("behind a trusted reverse proxy (TRUST_PROXY=1) only the address the proxy appended counts, not what the client put before it", async () => {
    overrideEnv({ TRUST_PROXY: "1" });
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) {
      answers.push(await submit(`user${i}`, "wrong-password", { "x-forwarded-for": `198.51.100.${i + 1}, 203.0.113.7` }));
    }
    expect(answers.slice(LOGIN_MAX_FAILURES).every((a) => THROTTLED.test(a))).toBe(true);
    expect(await submit(TEST_ADMIN.username, TEST_ADMIN.password, { "x-forwarded-for": "203.0.113.8" })).toBe("signed in");
  });

  it("40 attempts at once with rotating X-Forwarded-For, the right password last: at most 5 are checked and none signs in", async () => {
    const passwords = [...Array.from({ length: 39 }, (_, i) => `guess-${i}`), TEST_ADMIN.password];
    const answers = await Promise.all(passwords.map((password, i) => submit(TEST_ADMIN.username, password, spoofed(i))));
    expect(answers.filter((a) => WRONG.test(a)).length).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    expect(answers.filter((a) => THROTTLED.test(a)).length).toBeGreaterThanOrEqual(40 - LOGIN_MAX_FAILURES);
    expect(answers.at(-1)).toMatch(THROTTLED);
    expect(await suite.db.select().from(adminSessions)).toEqual([]);
    expect(jar.size).toBe(0);
  });
});
