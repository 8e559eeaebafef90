// GET /api/cron/reminders – tomorrow's appointment reminders, at 08.00 WIB (Vercel Cron)
import { withCron } from "@/lib/http/with-cron";
import { withDbErrors } from "@/lib/http/with-db-errors";
import { deliverDueMessages } from "@/lib/notify/deliver";
import { queueReminders } from "@/lib/notify/reminders";

export const dynamic = "force-dynamic";

export const GET = withCron(
  withDbErrors(async () => {
    const reminders = await queueReminders();
    return Response.json({ reminders, delivered: await deliverDueMessages({ limit: 200 }) });
  }),
);
