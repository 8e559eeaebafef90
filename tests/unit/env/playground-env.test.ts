import { botStartLink, parseEnv, PLAYGROUND_DEFAULTS } from "@/lib/env";
import { envRefusal } from "@/tests/support/env-refusal";

describe("PLAYGROUND=1 makes the app its own Telegram and Midtrans", () => {
  it("points every outside service at the app's /playground routes, derived from APP_URL", () => {
    const env = parseEnv({ PLAYGROUND: "1", APP_URL: "http://127.0.0.1:4123/" });
    expect(env.TELEGRAM_API_ROOT).toBe("http://127.0.0.1:4123/playground/telegram");
    expect(env.MIDTRANS_API_BASE_URL).toBe("http://127.0.0.1:4123/playground/midtrans");
    expect(env.MIDTRANS_SNAP_BASE_URL).toBe("http://127.0.0.1:4123/playground/midtrans/snap/v1");
    expect(env.MIDTRANS_SNAP_JS_URL).toBe("http://127.0.0.1:4123/playground/midtrans/snap/snap.js");
    expect(env.MIDTRANS_IS_PRODUCTION).toBe(false);
  });

  it("fills fake credentials that pass validation and cannot be mistaken for real ones", () => {
    const env = parseEnv({ PLAYGROUND: "true" });
    expect(env.TELEGRAM_BOT_TOKEN).toBe("1000000001:PLAYGROUND-not-a-real-token");
    expect(env.TELEGRAM_BOT_USERNAME).toBe("JiotPlaygroundBot");
    expect(env.TELEGRAM_WEBHOOK_SECRET).toBe(PLAYGROUND_DEFAULTS.TELEGRAM_WEBHOOK_SECRET);
    expect(env.MIDTRANS_SERVER_KEY).toMatch(/^SB-Mid-server-PLAYGROUND/);
    expect(env.MIDTRANS_CLIENT_KEY).toMatch(/^SB-Mid-client-PLAYGROUND/);
    expect(env.SESSION_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(env.CRON_SECRET!.length).toBeGreaterThanOrEqual(16);
    expect(env.TELEGRAM_API_ROOT).toBe("http://localhost:3000/playground/telegram");
  });

  it("keeps what the user set, and treats empty strings as unset", () => {
    const env = parseEnv({
      PLAYGROUND: "1",
      TELEGRAM_BOT_USERNAME: "MyTestBot",
      MIDTRANS_SERVER_KEY: "SB-Mid-server-mine-123",
      MIDTRANS_SNAP_BASE_URL: "http://127.0.0.1:9/snap/v1",
      CRON_SECRET: "",
    });
    expect(env.TELEGRAM_BOT_USERNAME).toBe("MyTestBot");
    expect(env.MIDTRANS_SERVER_KEY).toBe("SB-Mid-server-mine-123");
    expect(env.MIDTRANS_SNAP_BASE_URL).toBe("http://127.0.0.1:9/snap/v1");
    expect(env.CRON_SECRET).toBe(PLAYGROUND_DEFAULTS.CRON_SECRET);
  });

  it("never sends the playground's token to the real Telegram, even when .env.example's API root was copied", () => {
    const env = parseEnv({ PLAYGROUND: "1", TELEGRAM_API_ROOT: "https://api.telegram.org" });
    expect(env.TELEGRAM_API_ROOT).toBe("http://localhost:3000/playground/telegram");
  });

  it("without PLAYGROUND, nothing is filled in", () => {
    const env = parseEnv({ PLAYGROUND: "0" });
    expect(env.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(env.MIDTRANS_SERVER_KEY).toBeUndefined();
    expect(env.MIDTRANS_SNAP_BASE_URL).toBeUndefined();
    expect(env.SESSION_SECRET).toBeUndefined();
    expect(env.TELEGRAM_API_ROOT).toBe("https://api.telegram.org");
  });
});

describe("PLAYGROUND=1 is refused where it could meet real money or the real shop", () => {
  it.each([
    [{ MIDTRANS_IS_PRODUCTION: "true" }, "MIDTRANS_IS_PRODUCTION=true"],
    [{ VERCEL_ENV: "production", NODE_ENV: "production" }, "VERCEL_ENV=production, NODE_ENV=production"],
    [{ VERCEL_ENV: "production" }, "VERCEL_ENV=production"],
    [{ MIDTRANS_API_BASE_URL: "https://api.midtrans.com" }, "MIDTRANS_API_BASE_URL points at Midtrans' production host"],
    [{ MIDTRANS_SNAP_JS_URL: "https://app.midtrans.com/snap/snap.js" }, "MIDTRANS_SNAP_JS_URL points at Midtrans' production host"],
  ])("%j stops start-up with one line saying why", (source, why) => {
    const message = envRefusal({ PLAYGROUND: "1", ...source });
    expect(message).toContain("PLAYGROUND must not be set in production");
    expect(message).toContain(why);
    expect(message.split("\n")).toHaveLength(1);
  });

  it("a preview deployment or a local production build (next start) may run it", () => {
    expect(parseEnv({ PLAYGROUND: "1", VERCEL_ENV: "preview" }).PLAYGROUND).toBe(true);
    expect(parseEnv({ PLAYGROUND: "1", NODE_ENV: "production" }).PLAYGROUND).toBe(true);
  });

  it("the same production settings without PLAYGROUND are accepted", () => {
    expect(parseEnv({ MIDTRANS_IS_PRODUCTION: "true", MIDTRANS_API_BASE_URL: "https://api.midtrans.com" }).PLAYGROUND).toBe(false);
  });
});

describe("the link that opens the bot", () => {
  it("is Telegram's deep link with the start payload", () => {
    expect(botStartLink("order", parseEnv({ TELEGRAM_BOT_USERNAME: "@JiotGadgetBot" }))).toBe("https://t.me/JiotGadgetBot?start=order");
    expect(botStartLink(undefined, parseEnv({ TELEGRAM_BOT_USERNAME: "JiotGadgetBot" }))).toBe("https://t.me/JiotGadgetBot");
    expect(botStartLink("order", parseEnv({}))).toBeUndefined();
  });

  it("in the playground, is the simulated chat carrying the same payload", () => {
    expect(botStartLink("order", parseEnv({ PLAYGROUND: "1", APP_URL: "http://127.0.0.1:5000" }))).toBe(
      "http://127.0.0.1:5000/playground/chat?start=order",
    );
  });
});
