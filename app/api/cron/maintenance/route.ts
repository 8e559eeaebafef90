// GET /api/cron/maintenance – daily backstop: every background task in a large batch (Vercel Cron)
import { withCron } from "@/lib/http/with-cron";
import { withDbErrors } from "@/lib/http/with-db-errors";
import { runMaintenance } from "@/lib/jobs/maintenance";

export const dynamic = "force-dynamic";

export const GET = withCron(withDbErrors(async () => Response.json(await runMaintenance())));
