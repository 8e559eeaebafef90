import http from "node:http";
import type { AddressInfo } from "node:net";
import { settleAfterResponse } from "./after-response";

// Each route declares its own params type ({ token: string } …); the server fills them from the path.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

export interface ServedRoutes {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves route handlers on 127.0.0.1 without Next.js, so a stand-in (or fetch)
 * can reach them over real loopback HTTP. Keys are "METHOD /path/[param]".
 * Work a handler leaves for after its response (afterResponse) is finished
 * before the response is written.
 *
 *   const app = await serveRoutes({ "POST /api/midtrans/notification": POST });
 */
export async function serveRoutes(routes: Record<string, Handler>): Promise<ServedRoutes> {
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(" ") as [string, string];
    const names: string[] = [];
    const regex = new RegExp(
      `^${pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      })}$`,
    );
    return { method, regex, names, handler };
  });
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const route = table.find((r) => r.method === req.method && r.regex.test(url.pathname));
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      const values = route.regex.exec(url.pathname)!.slice(1);
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(values[i]!)]));
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers,
        body: ["GET", "HEAD"].includes(req.method ?? "GET") ? undefined : Buffer.concat(chunks),
      });
      const response = await route.handler(request, { params: Promise.resolve(params) });
      // The answer leaves once the handler's post-response work is done, so a test sees its effects.
      await settleAfterResponse();
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String((error as Error).message));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
