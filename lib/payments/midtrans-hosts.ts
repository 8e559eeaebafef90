import type { Env } from "@/lib/env";

/** Midtrans' documented hosts (reference/midtrans.md): Snap on app.*, the Core API on api.*. */
export const MIDTRANS_HOSTS = {
  sandbox: {
    snap: "https://app.sandbox.midtrans.com/snap/v1",
    core: "https://api.sandbox.midtrans.com",
    snapJs: "https://app.sandbox.midtrans.com/snap/snap.js",
  },
  production: {
    snap: "https://app.midtrans.com/snap/v1",
    core: "https://api.midtrans.com",
    snapJs: "https://app.midtrans.com/snap/snap.js",
  },
} as const;

/**
 * The origins a customer's browser talks to for Snap: snap.js, the popup's
 * iframe and its API calls. The content security policy allows exactly these
 * (the playground's own snap.js is on this app's origin).
 */
export function snapBrowserOrigins(env: Env): string[] {
  const hosts = env.MIDTRANS_IS_PRODUCTION ? MIDTRANS_HOSTS.production : MIDTRANS_HOSTS.sandbox;
  const urls = [env.MIDTRANS_SNAP_JS_URL ?? hosts.snapJs, env.MIDTRANS_SNAP_BASE_URL ?? hosts.snap, hosts.core];
  return [...new Set(urls.map((url) => new URL(url).origin))];
}
