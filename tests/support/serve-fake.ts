import http from "node:http";
import type { AddressInfo } from "node:net";

/** What a fake provider answers: a Response, or no answer at all (the connection is dropped after dropAfterMs). */
export type FakeAnswer = Response | { dropAfterMs: number };

export interface ServedFake {
  url: string;
  close(): Promise<void>;
}

/** Waits, or stops waiting when the signal aborts (the client went away, or the server closes). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
  });
}

/**
 * A provider's web handler (Request → Response, the playground's) served on
 * 127.0.0.1 by node:http, so the app under test reaches it over real loopback
 * HTTP. Each request's signal aborts when its client goes away or the server
 * closes, which ends a long poll or a held request.
 */
export async function serveFake(handle: (request: Request) => Promise<FakeAnswer>): Promise<ServedFake> {
  const closing = new AbortController();
  let base = "";
  const server = http.createServer(async (req, res) => {
    const controller = new AbortController();
    const abort = () => controller.abort();
    res.on("close", abort);
    closing.signal.addEventListener("abort", abort);
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const method = req.method ?? "GET";
      const body = ["GET", "HEAD"].includes(method) ? undefined : Buffer.concat(chunks);
      const answer = await handle(new Request(`${base}${req.url ?? "/"}`, { method, headers, body, signal: controller.signal }));
      if (!(answer instanceof Response)) {
        await pause(answer.dropAfterMs, controller.signal);
        res.destroy();
        return;
      }
      res.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String((error as Error).message));
    } finally {
      closing.signal.removeEventListener("abort", abort);
    }
  });
  // Node's default: the app's keep-alive agent lets idle sockets go before this.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
