import { getEnv } from "@/lib/env";

/** True when PLAYGROUND=1: the simulators exist only then (DESIGN §10). */
export function isPlaygroundOn(): boolean {
  return getEnv().PLAYGROUND;
}

type RouteHandler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Every /playground route handler goes through this: without PLAYGROUND the
 * path answers a plain 404, as if it did not exist. (Pages call
 * requirePlaygroundPage() themselves, and proxy.ts answers 404 before either.)
 */
export function withPlayground<C>(handler: RouteHandler<C>): RouteHandler<C> {
  return async (request, context) => {
    if (!isPlaygroundOn()) return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain" } });
    return handler(request, context);
  };
}
