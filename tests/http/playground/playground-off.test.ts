import fs from "node:fs";
import path from "node:path";
import { overrideEnv } from "@/lib/env";
import PlaygroundLayout from "@/app/playground/layout";

/**
 * Without PLAYGROUND, nothing under /playground exists: every route handler
 * answers 404 and every page's layout calls notFound(). The list is read from
 * the app folder, so a new route cannot slip past.
 */

const ROOT = path.resolve(__dirname, "..", "..", "..");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const routes = routeFiles(path.join(ROOT, "app", "playground")).map((file) => path.relative(ROOT, file));

beforeAll(() => overrideEnv({ PLAYGROUND: undefined }));

describe("without PLAYGROUND", () => {
  it("finds the playground's routes to check", () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  it.each(routes)("%s answers 404 to every method", async (file) => {
    const handlers = (await import(`@/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
    const methods = ["GET", "POST"].filter((m) => typeof handlers[m] === "function");
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      const handler = handlers[method] as (request: Request, context: unknown) => Promise<Response>;
      const request = new Request("http://localhost:3000/playground/x", { method, body: method === "POST" ? "{}" : undefined });
      const response = await handler(request, { params: Promise.resolve({ bot: "bot1:x", method: "getMe", token: "t", orderId: "o" }) });
      expect(response.status).toBe(404);
    }
  });

  it("every playground page is a 404 (the layout calls notFound)", () => {
    expect(() => PlaygroundLayout({ children: null })).toThrow(expect.objectContaining({ digest: expect.stringContaining("404") }));
  });
});

describe("the playground only ever imports production code, never the reverse", () => {
  function sourceFiles(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "playground" ? [] : sourceFiles(full);
      return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
    });
  }

  // `npm run demo` is the playground's own launcher (it never runs inside the deployed app).
  const PLAYGROUND_LAUNCHERS = new Set([path.join(ROOT, "lib", "cli", "demo.ts")]);

  it("no module of app/, lib/ or db/ outside the playground imports it (but the demo launcher)", () => {
    const offenders = ["app", "lib", "db"]
      .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
      .filter((file) => !PLAYGROUND_LAUNCHERS.has(file))
      .filter((file) => /from\s+["'](@\/lib\/playground|@\/app\/playground|[./]+.*\/playground\/)/.test(fs.readFileSync(file, "utf8")))
      .map((file) => path.relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
