import type { BrowserServer } from "playwright-core";

/** The e2e project's global teardown: stops the run's Chromium (tests/support/e2e-browser-server.ts). */
export default async function stopBrowserServer(): Promise<void> {
  await (globalThis as { __E2E_BROWSER_SERVER__?: BrowserServer }).__E2E_BROWSER_SERVER__?.close();
  delete process.env.E2E_BROWSER_WS_ENDPOINT;
}
