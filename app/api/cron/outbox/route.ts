// GET /api/cron/outbox – Vercel Cron: sends the customer messages that are due (retries after 429/5xx)
import { isTransientDbError } from "@/db";
import { withCron } from "@/lib/http/with-cron";
import { deliverDueMessages } from "@/lib/notify/deliver";

export const dynamic = "force-dynamic";

export const GET = withCron(async () => {
  try {
    return Response.json(await deliverDueMessages({ limit: 100 }));
  } catch (error) {
    if (!isTransientDbError(error)) throw error;
    console.error(`[outbox] cron: database unavailable: ${(error as Error).message}`);
    return Response.json({ error: "database unavailable" }, { status: 503 });
  }
});
