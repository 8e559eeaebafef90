import { parseEnv, selectedDriver } from "@/lib/env";
import { envRefusal } from "@/tests/support/env-refusal";

describe("the configuration contract", () => {
  it("an empty environment gives the documented defaults: PGlite, sandbox, no playground", () => {
    const env = parseEnv({});
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.TELEGRAM_API_ROOT).toBe("https://api.telegram.org");
    expect(env.MIDTRANS_IS_PRODUCTION).toBe(false);
    expect(env.MIDTRANS_VERIFY_STATUS).toBe(true);
    expect(env.PLAYGROUND).toBe(false);
    expect(env.BENCH).toBe(false);
    expect(env.DB_POOL_MAX).toBe(5);
    expect(selectedDriver(env)).toBe("pglite");
  });

  it("empty strings count as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", TELEGRAM_BOT_TOKEN: "  ", MIDTRANS_IS_PRODUCTION: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(env.MIDTRANS_IS_PRODUCTION).toBe(false);
  });

  it("chooses pg with DATABASE_URL, and @vercel/postgres on Vercel with POSTGRES_URL", () => {
    expect(selectedDriver(parseEnv({ DATABASE_URL: "postgres://u@h:5432/d" }))).toBe("pg");
    expect(
      selectedDriver(
        parseEnv({
          VERCEL_ENV: "preview",
          POSTGRES_URL: "postgres://u:p@db-pooler.example/d",
          TELEGRAM_BOT_TOKEN: "123456:ABCDEFGHIJKLMNOP",
          TELEGRAM_WEBHOOK_SECRET: "s3cret",
          SESSION_SECRET: "x".repeat(32),
          CRON_SECRET: "y".repeat(16),
        }),
      ),
    ).toBe("vercel");
    expect(selectedDriver(parseEnv({ DB_DRIVER: "pglite", DATABASE_URL: "postgres://u@h/d" }))).toBe("pglite");
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL must be a postgres:// or postgresql:// URL"],
    [{ APP_URL: "localhost:3000" }, "APP_URL must be an http(s) URL"],
    [{ TELEGRAM_BOT_TOKEN: "not-a-token" }, "TELEGRAM_BOT_TOKEN must look like 123456789:ABCdef..."],
    [{ TELEGRAM_WEBHOOK_SECRET: "has spaces" }, "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters"],
    [{ MIDTRANS_IS_PRODUCTION: "yes" }, 'MIDTRANS_IS_PRODUCTION must be "true" or "false"'],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET must be at least 32 characters"],
    [{ DB_DRIVER: "mysql" }, 'DB_DRIVER must be "pglite", "pg" or "vercel"'],
    [{ DB_DRIVER: "pg" }, "DATABASE_URL is required when DB_DRIVER=pg"],
    [{ PLAYGROUND: "1", MIDTRANS_IS_PRODUCTION: "true" }, "PLAYGROUND must not be set in production"],
    [
      { MIDTRANS_IS_PRODUCTION: "true", MIDTRANS_VERIFY_STATUS: "false" },
      "MIDTRANS_VERIFY_STATUS must not be false when MIDTRANS_IS_PRODUCTION=true",
    ],
  ])("refuses %j with one line naming the variable", (source, expected) => {
    const message = envRefusal(source as Record<string, string>);
    expect(message).toContain(expected);
    expect(message.split("\n")).toHaveLength(1);
  });

  it("live Midtrans keeps the Status API check; the sandbox may turn it off", () => {
    expect(parseEnv({ MIDTRANS_IS_PRODUCTION: "true" }).MIDTRANS_VERIFY_STATUS).toBe(true);
    expect(parseEnv({ MIDTRANS_IS_PRODUCTION: "false", MIDTRANS_VERIFY_STATUS: "false" }).MIDTRANS_VERIFY_STATUS).toBe(false);
    expect(envRefusal({ MIDTRANS_IS_PRODUCTION: "1", MIDTRANS_VERIFY_STATUS: "0" })).toMatch(/MIDTRANS_VERIFY_STATUS.*MIDTRANS_IS_PRODUCTION=true/);
  });

  it("never repeats a secret's value in its message", () => {
    const message = envRefusal({ SESSION_SECRET: "hunter2-short" });
    expect(message).not.toContain("hunter2");
  });

  it("on Vercel the bot token, webhook secret, session and cron secrets are required", () => {
    expect(envRefusal({ VERCEL_ENV: "production" })).toContain("TELEGRAM_BOT_TOKEN is required on Vercel");
  });

  it("previews refuse production Midtrans keys", () => {
    const message = envRefusal({
      VERCEL_ENV: "preview",
      MIDTRANS_IS_PRODUCTION: "true",
      TELEGRAM_BOT_TOKEN: "123456:ABCDEFGHIJKLMNOP",
      TELEGRAM_WEBHOOK_SECRET: "s3cret",
      SESSION_SECRET: "x".repeat(32),
      CRON_SECRET: "y".repeat(16),
    });
    expect(message).toContain("previews use sandbox keys only");
  });
});
