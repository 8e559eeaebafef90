import "server-only";
import midtransClient from "midtrans-client";
import { getEnv, type Env } from "@/lib/env";
import { MIDTRANS_HOSTS as HOSTS } from "./midtrans-hosts";

/**
 * The one place that knows Midtrans' keys and which hosts to call. Sandbox unless
 * MIDTRANS_IS_PRODUCTION=true; each base URL can be pointed elsewhere (a
 * stand-in, the playground). midtrans-client reads its hosts from static fields
 * of its ApiConfig class; the instance's getters are overridden instead so two
 * configurations in one process (tests) never share a host.
 */
export interface MidtransConfig {
  serverKey: string;
  clientKey: string;
  isProduction: boolean;
  snapBaseUrl: string;
  coreBaseUrl: string;
  snapJsUrl: string;
}

/** Midtrans asks for an answer to a notification within 5 s; the cross-check must fit well inside it. */
export const STATUS_TIMEOUT_MS = 3_500;
export const REQUEST_TIMEOUT_MS = 10_000;

const trimSlash = (url: string) => url.replace(/\/+$/, "");

export function midtransConfig(env: Env = getEnv()): MidtransConfig {
  const hosts = env.MIDTRANS_IS_PRODUCTION ? HOSTS.production : HOSTS.sandbox;
  return {
    serverKey: env.MIDTRANS_SERVER_KEY ?? "",
    clientKey: env.MIDTRANS_CLIENT_KEY ?? "",
    isProduction: env.MIDTRANS_IS_PRODUCTION,
    snapBaseUrl: trimSlash(env.MIDTRANS_SNAP_BASE_URL ?? hosts.snap),
    coreBaseUrl: trimSlash(env.MIDTRANS_API_BASE_URL ?? hosts.core),
    snapJsUrl: env.MIDTRANS_SNAP_JS_URL ?? hosts.snapJs,
  };
}

/** What the status page may show: snap.js and the public client key, never the server key. */
export function snapScriptConfig(): { src: string; clientKey: string } {
  const config = midtransConfig();
  return { src: config.snapJsUrl, clientKey: config.clientKey };
}

export interface MidtransClients {
  config: MidtransConfig;
  snap: InstanceType<typeof midtransClient.Snap>;
  core: InstanceType<typeof midtransClient.CoreApi>;
  /** A Core client with the short timeout of the notification cross-check. */
  statusCore: InstanceType<typeof midtransClient.CoreApi>;
}

let cached: { key: string; clients: MidtransClients } | undefined;

function pointAt<T extends { apiConfig: { getCoreApiBaseUrl(): string; getSnapApiBaseUrl(): string } }>(
  client: T,
  config: MidtransConfig,
): T {
  client.apiConfig.getCoreApiBaseUrl = () => config.coreBaseUrl;
  client.apiConfig.getSnapApiBaseUrl = () => config.snapBaseUrl;
  return client;
}

export class MidtransNotConfiguredError extends Error {
  constructor() {
    super("MIDTRANS_SERVER_KEY is not set");
    this.name = "MidtransNotConfiguredError";
  }
}

/** Clients for the current configuration, reused while it stays the same (keep-alive connections). */
export function getMidtransClients(): MidtransClients {
  const config = midtransConfig();
  if (!config.serverKey) throw new MidtransNotConfiguredError();
  const key = JSON.stringify(config);
  if (cached?.key === key) return cached.clients;
  const options = { isProduction: config.isProduction, serverKey: config.serverKey, clientKey: config.clientKey };
  const snap = pointAt(new midtransClient.Snap(options), config);
  const core = pointAt(new midtransClient.CoreApi(options), config);
  const statusCore = pointAt(new midtransClient.CoreApi(options), config);
  snap.httpClient.http_client.defaults.timeout = REQUEST_TIMEOUT_MS;
  core.httpClient.http_client.defaults.timeout = REQUEST_TIMEOUT_MS;
  statusCore.httpClient.http_client.defaults.timeout = STATUS_TIMEOUT_MS;
  const clients = { config, snap, core, statusCore };
  cached = { key, clients };
  return clients;
}
