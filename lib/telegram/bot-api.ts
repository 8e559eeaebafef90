import "server-only";
import http from "node:http";
import { Telegram, TelegramError } from "telegraf";
import { getEnv } from "@/lib/env";
import type { BotApiCall, BotApiMethod, BotApiResult } from "./telegram-call";

/**
 * telegraf resolves `./bot<token>/<method>` against apiRoot, so a root with a
 * path (the playground's /playground/telegram, a proxy) needs its trailing
 * slash or its last segment is dropped.
 */
export function telegrafApiRoot(root: string): string {
  return root.endsWith("/") ? root : `${root}/`;
}

const holder = globalThis as unknown as { __jiotBotApi?: { key: string; api: Telegram } };

/**
 * telegraf keeps its connections to https://api.telegram.org alive, but drops
 * its agent for an http:// root (a local Bot API server, the playground), and
 * node-fetch then opens and closes a connection for every call. Idle sockets
 * are let go before a Node server's 5 s keep-alive would close them under us.
 */
const plainHttpAgent = new http.Agent({ keepAlive: true, timeout: 4_000 });

/** The Bot API client of the configured bot (TELEGRAM_BOT_TOKEN at TELEGRAM_API_ROOT), one per process. */
export function getBotApi(): Telegram {
  const env = getEnv();
  if (!env.TELEGRAM_BOT_TOKEN) throw new Error("TELEGRAM_BOT_TOKEN is not configured");
  const key = `${env.TELEGRAM_BOT_TOKEN}@${env.TELEGRAM_API_ROOT}`;
  if (holder.__jiotBotApi?.key !== key) {
    const api = new Telegram(env.TELEGRAM_BOT_TOKEN, { apiRoot: telegrafApiRoot(env.TELEGRAM_API_ROOT) });
    if (api.options.apiRoot.startsWith("http://")) api.options.agent = plainHttpAgent;
    holder.__jiotBotApi = { key, api };
  }
  return holder.__jiotBotApi.api;
}

/** telegraf waits 500 s for an answer; a webhook function has 15 s in all. */
const CALL_TIMEOUT_MS = 8_000;

type TelegrafSignal = Parameters<Telegram["callApi"]>[2] extends { signal?: infer S } | undefined ? S : never;

/** Makes one call, typed per method: its params are `Opts<M>`, its answer `M`'s result. */
export async function callBotApi<M extends BotApiMethod>(
  api: Telegram,
  call: BotApiCall<M>,
  { timeoutMs = CALL_TIMEOUT_MS, signal: stop }: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<BotApiResult<M>> {
  const timeout = AbortSignal.timeout(timeoutMs);
  // telegraf types its signal with the abort-controller shim; node-fetch accepts the built-in one.
  const signal = (stop ? AbortSignal.any([stop, timeout]) : timeout) as unknown as TelegrafSignal;
  return api.callApi(call.method, call.params, { signal });
}

export type BotApiFailure =
  /** 429: wait `retryAfterS` seconds. */
  | { kind: "rate_limited"; retryAfterS: number; message: string }
  /** 5xx, network trouble, timeout: the same call may succeed later. */
  | { kind: "transient"; message: string }
  /** Editing a message to what it already says: nothing to do. */
  | { kind: "not_modified"; message: string }
  /** Any other 4xx (chat not found, bot blocked, bad request): retrying cannot help. */
  | { kind: "permanent"; message: string };

export function classifyBotApiError(error: unknown): BotApiFailure {
  if (error instanceof TelegramError) {
    const message = `${error.code}: ${error.description}`;
    if (error.code === 429) return { kind: "rate_limited", retryAfterS: error.parameters?.retry_after ?? 5, message };
    if (error.code >= 500) return { kind: "transient", message };
    if (/message is not modified/i.test(error.description)) return { kind: "not_modified", message };
    return { kind: "permanent", message };
  }
  // Network errors from node-fetch carry no secret: telegraf redacts the token from their URL.
  return { kind: "transient", message: error instanceof Error ? error.message : String(error) };
}
