// GET /api/cron/maintenance – daily backstop: expire holds, recover lost payment notifications, prune (Vercel Cron)
import { withCron } from "@/lib/http/with-cron";
import { runMaintenance } from "@/lib/jobs/maintenance";

export const dynamic = "force-dynamic";

export const GET = withCron(async () => Response.json(await runMaintenance()));
