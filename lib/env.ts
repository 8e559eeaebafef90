import "server-only";
import { z } from "zod";
import { TELEGRAM_DEEP_LINK_ORIGIN } from "@/lib/http/security-headers";

/**
 * The configuration contract (DESIGN §9). This is the only module that reads
 * process.env; everything else asks getEnv(). A bad value stops start-up with
 * one line naming the variable and what it should look like, never its value.
 */

const emptyAsUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());
// prefault (not default): the fallback goes through the schema's own parsing and transforms.
const withDefault = <T extends z.ZodTypeAny>(schema: T, fallback: z.input<T>) =>
  z.preprocess(emptyAsUndefined, schema.prefault(fallback as never));

const httpUrl = (what: string) =>
  z.string().refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), `must be an http(s) URL (${what})`);

const boolFlag = (fallback: boolean) =>
  withDefault(
    z.enum(["true", "false", "1", "0"], { message: 'must be "true" or "false"' }).transform((v) => v === "true" || v === "1"),
    fallback ? "true" : "false",
  );

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v) && URL.canParse(v), "must be a postgres:// or postgresql:// URL");

const schema = z.object({
  NODE_ENV: withDefault(z.enum(["development", "production", "test"]), "development"),
  VERCEL_ENV: optional(z.enum(["production", "preview", "development"])),
  /** Set to 1 by Vercel on its deployments: its edge writes x-forwarded-for, so the client's address is known. */
  VERCEL: boolFlag(false),
  /** 1 when a known reverse proxy in front of `next start` appends the client's address to x-forwarded-for. */
  TRUST_PROXY: boolFlag(false),
  /** The port `npm run demo` serves on (next start -p). */
  PORT: withDefault(z.coerce.number().int().min(1).max(65535), "3000"),
  APP_URL: withDefault(httpUrl("the public base URL, e.g. https://jiot.example.com"), "http://localhost:3000").transform(
    (v) => v.replace(/\/+$/, ""),
  ),

  DATABASE_URL: optional(postgresUrl),
  PGLITE_DIR: withDefault(z.string(), ".data/pglite"),
  DB_DRIVER: optional(z.enum(["pglite", "pg", "vercel"], { message: 'must be "pglite", "pg" or "vercel"' })),
  POSTGRES_URL: optional(postgresUrl),
  DB_POOL_MAX: withDefault(z.coerce.number().int().min(1).max(100), "5"),

  TELEGRAM_BOT_TOKEN: optional(
    z.string().regex(/^\d{3,}:[A-Za-z0-9_-]{10,}$/, "must look like 123456789:ABCdef... (the token from BotFather)"),
  ),
  TELEGRAM_BOT_USERNAME: optional(
    z
      .string()
      .transform((v) => v.replace(/^@/, ""))
      .pipe(z.string().regex(/^[A-Za-z0-9_]{5,32}$/, "must be the bot's username, e.g. JiotGadgetBot")),
  ),
  TELEGRAM_WEBHOOK_SECRET: optional(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 characters of A-Z a-z 0-9 _ -"),
  ),
  TELEGRAM_API_ROOT: withDefault(httpUrl("the Bot API base URL"), "https://api.telegram.org").transform((v) =>
    v.replace(/\/+$/, ""),
  ),

  MIDTRANS_SERVER_KEY: optional(z.string().min(8, "must be the Midtrans server key")),
  MIDTRANS_CLIENT_KEY: optional(z.string().min(8, "must be the Midtrans client key")),
  MIDTRANS_IS_PRODUCTION: boolFlag(false),
  MIDTRANS_API_BASE_URL: optional(httpUrl("Core API base, e.g. https://api.sandbox.midtrans.com")),
  MIDTRANS_SNAP_BASE_URL: optional(httpUrl("Snap API base ending in /snap/v1")),
  MIDTRANS_SNAP_JS_URL: optional(httpUrl("snap.js URL")),
  MIDTRANS_VERIFY_STATUS: boolFlag(true),

  SESSION_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  CRON_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
  PLAYGROUND: boolFlag(false),
  /** Turns on /api/bench/bare, the framework-ceiling route `npm run bench` compares against. */
  BENCH: boolFlag(false),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const name = issue.path.join(".") || "environment";
  return `${name} ${issue.message}`;
}

const MIDTRANS_PRODUCTION_HOSTS = ["app.midtrans.com", "api.midtrans.com"];

/** Why the playground may not run with this configuration: it would stand in for real money or a real shop. */
function playgroundRefusal(env: Env): string | undefined {
  if (!env.PLAYGROUND) return undefined;
  const prefix = "PLAYGROUND must not be set in production";
  if (env.MIDTRANS_IS_PRODUCTION) {
    return `${prefix} (MIDTRANS_IS_PRODUCTION=true): the payment simulator would stand in for live money; unset one of them`;
  }
  if (env.VERCEL_ENV === "production") {
    return `${prefix} (VERCEL_ENV=production, NODE_ENV=${env.NODE_ENV}): the simulators would take the shop's real traffic; unset PLAYGROUND for this deployment`;
  }
  for (const name of ["MIDTRANS_API_BASE_URL", "MIDTRANS_SNAP_BASE_URL", "MIDTRANS_SNAP_JS_URL"] as const) {
    const value = env[name];
    if (value && MIDTRANS_PRODUCTION_HOSTS.includes(new URL(value).hostname)) {
      return `${prefix} (${name} points at Midtrans' production host): unset ${name} to use the simulator`;
    }
  }
  return undefined;
}

function checkCombinations(env: Env): string | undefined {
  const refusal = playgroundRefusal(env);
  if (refusal) return refusal;
  if (env.DB_DRIVER === "pg" && !env.DATABASE_URL) return "DATABASE_URL is required when DB_DRIVER=pg";
  if (env.DB_DRIVER === "vercel" && !env.POSTGRES_URL) return "POSTGRES_URL is required when DB_DRIVER=vercel";
  if (env.VERCEL_ENV && !env.PLAYGROUND) {
    for (const name of ["TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET", "SESSION_SECRET", "CRON_SECRET"] as const) {
      if (!env[name]) return `${name} is required on Vercel (see .env.example)`;
    }
  }
  // Without the Status API check, what a notification says is applied on the strength of its signature alone,
  // which does not cover transaction_status: acceptable against the sandbox, never with live money.
  if (env.MIDTRANS_IS_PRODUCTION && !env.MIDTRANS_VERIFY_STATUS) {
    return "MIDTRANS_VERIFY_STATUS must not be false when MIDTRANS_IS_PRODUCTION=true: live payments are confirmed with the Status API; unset MIDTRANS_VERIFY_STATUS";
  }
  if (env.VERCEL_ENV === "preview" && env.MIDTRANS_IS_PRODUCTION) {
    return "MIDTRANS_IS_PRODUCTION must be false on preview deployments: previews use sandbox keys only";
  }
  return undefined;
}

/** The playground's stand-ins for the outside world: fixed, obviously fake, never real credentials. */
export const PLAYGROUND_DEFAULTS = {
  TELEGRAM_BOT_TOKEN: "1000000001:PLAYGROUND-not-a-real-token",
  TELEGRAM_BOT_USERNAME: "JiotPlaygroundBot",
  TELEGRAM_WEBHOOK_SECRET: "playground-webhook-secret",
  MIDTRANS_SERVER_KEY: "SB-Mid-server-PLAYGROUND-not-a-real-key",
  MIDTRANS_CLIENT_KEY: "SB-Mid-client-PLAYGROUND-not-a-real-key",
  SESSION_SECRET: "playground-session-secret-not-for-production",
  CRON_SECRET: "playground-cron-secret",
} as const;

const OFFICIAL_TELEGRAM_API_ROOT = /^https:\/\/api\.telegram\.org\/*$/;

/**
 * With PLAYGROUND on, the app is its own Telegram and Midtrans (DESIGN §10):
 * every variable the user left unset points at the app's /playground routes
 * or takes a fixed fake value. What the user did set is kept — except the
 * official Bot API root that .env.example spells out, which would send the
 * playground's fake token to the real Telegram.
 */
function withPlaygroundDefaults(source: Record<string, string | undefined>): Record<string, string | undefined> {
  const flag = emptyAsUndefined(source.PLAYGROUND);
  if (flag !== "1" && flag !== "true") return source;
  const appUrl = ((emptyAsUndefined(source.APP_URL) as string | undefined) ?? "http://localhost:3000").replace(/\/+$/, "");
  const apiRoot = emptyAsUndefined(source.TELEGRAM_API_ROOT) as string | undefined;
  const defaults: Record<string, string> = {
    ...PLAYGROUND_DEFAULTS,
    TELEGRAM_API_ROOT: `${appUrl}/playground/telegram`,
    MIDTRANS_API_BASE_URL: `${appUrl}/playground/midtrans`,
    MIDTRANS_SNAP_BASE_URL: `${appUrl}/playground/midtrans/snap/v1`,
    MIDTRANS_SNAP_JS_URL: `${appUrl}/playground/midtrans/snap/snap.js`,
  };
  const filled: Record<string, string | undefined> = { ...source };
  for (const [name, value] of Object.entries(defaults)) {
    if (emptyAsUndefined(filled[name]) === undefined) filled[name] = value;
  }
  if (apiRoot && OFFICIAL_TELEGRAM_API_ROOT.test(apiRoot)) filled.TELEGRAM_API_ROOT = defaults.TELEGRAM_API_ROOT;
  return filled;
}

/** Parses a set of variables; throws EnvError with one line naming the culprit. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(withPlaygroundDefaults(source));
  if (!result.success) {
    const first = result.error.issues[0];
    throw new EnvError(`Invalid configuration: ${first ? describeIssue(first) : "unknown problem"}`);
  }
  const problem = checkCombinations(result.data);
  if (problem) throw new EnvError(`Invalid configuration: ${problem}`);
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests and scripts that change process.env call this so the next getEnv() re-reads it. */
export function resetEnv(): void {
  cached = undefined;
}

/** Sets variables for this process (scripts and tests only) and re-reads them. */
export function overrideEnv(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnv();
}

/** Which database driver this configuration selects (DESIGN §2). */
export function selectedDriver(env: Env = getEnv()): "pglite" | "pg" | "vercel" {
  if (env.DB_DRIVER) return env.DB_DRIVER;
  if (env.VERCEL_ENV && env.POSTGRES_URL) return "vercel";
  if (env.DATABASE_URL) return "pg";
  return "pglite";
}

export function isTelegramConfigured(env: Env = getEnv()): boolean {
  return Boolean(env.TELEGRAM_BOT_TOKEN);
}

/**
 * Command-line scripts load .env / .env.local the way `next` does, so one file
 * configures both. Variables already set in the shell win.
 */
export async function loadEnvFiles(): Promise<void> {
  const { loadEnvConfig } = await import("@next/env");
  loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
  resetEnv();
}

/**
 * Where "open the bot" leads: Telegram's deep link `https://t.me/<bot>?start=<payload>`,
 * or with PLAYGROUND on the app's simulated chat, which offers the same /start payload.
 * Undefined when no bot username is configured.
 */
export function botStartLink(payload?: string, env: Env = getEnv()): string | undefined {
  const query = payload ? `?start=${encodeURIComponent(payload)}` : "";
  if (env.PLAYGROUND) return `${env.APP_URL}/playground/chat${query}`;
  return env.TELEGRAM_BOT_USERNAME ? `${TELEGRAM_DEEP_LINK_ORIGIN}/${env.TELEGRAM_BOT_USERNAME}${query}` : undefined;
}
