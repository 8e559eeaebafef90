// GET /api/cron/reminders – tomorrow's appointment reminders, at 08.00 WIB (Vercel Cron)
import { withCron } from "@/lib/http/with-cron";
import { queueReminders } from "@/lib/payments/reminders";

export const dynamic = "force-dynamic";

export const GET = withCron(async () => Response.json(await queueReminders()));
