import { chromium, type BrowserServer } from "playwright-core";
import { BROWSER_LAUNCH_OPTIONS } from "./browser";

/**
 * The e2e project's global setup: one Chromium for the whole run, which every browser test file connects to
 * (`launchBrowser`), each with contexts of its own. The workers start after this and inherit the endpoint.
 * Stopped by tests/support/e2e-browser-server-stop.ts.
 */
export default async function startBrowserServer(): Promise<void> {
  const server = await chromium.launchServer(BROWSER_LAUNCH_OPTIONS);
  process.env.E2E_BROWSER_WS_ENDPOINT = server.wsEndpoint();
  (globalThis as { __E2E_BROWSER_SERVER__?: BrowserServer }).__E2E_BROWSER_SERVER__ = server;
}
