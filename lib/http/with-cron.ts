import { getEnv } from "@/lib/env";
import { bearerToken, secretsMatch } from "./secrets";

type Handler = (request: Request) => Promise<Response>;

/**
 * Vercel Cron calls with `Authorization: Bearer $CRON_SECRET`. Anything else is
 * 401, and so is every call while CRON_SECRET is not configured.
 */
export function withCron(handler: Handler): Handler {
  return async (request) => {
    if (!secretsMatch(bearerToken(request), getEnv().CRON_SECRET)) {
      return Response.json({ error: "unauthorized" }, { status: 401 });
    }
    return handler(request);
  };
}
