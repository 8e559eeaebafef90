import { launchBrowser } from "@/tests/support/browser";
import { startNextApp, type RunningApp } from "@/tests/support/next-app";

let app: RunningApp;
beforeAll(async () => {
  app = await startNextApp();
}, 600_000);
afterAll(() => app?.stop());

describe("the built app under next start", () => {
  it("answers /api/health with the database up", async () => {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ ok: true, db: "up", driver: process.env.TEST_DATABASE_URL ? "pg" : "pglite" });
  });

  it("serves the home page to a real browser", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const response = await page.goto(app.url);
      expect(response?.status()).toBe(200);
      await expect(page.locator("h1").first().textContent()).resolves.toContain("Jiot Gadget Solution");
    } finally {
      await browser.close();
    }
  });
});
