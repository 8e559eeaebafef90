import { getEnv } from "@/lib/env";
import { bearerToken, secretsMatch } from "./secrets";

/**
 * The one check in front of operational endpoints (/api/setWebhook, /api/rmWebhook):
 * for now `Authorization: Bearer $CRON_SECRET`. The admin part extends it to
 * accept a signed-in admin's session, so every such endpoint follows at once.
 */
export async function authorizeOps(request: Request): Promise<boolean> {
  return secretsMatch(bearerToken(request), getEnv().CRON_SECRET);
}
