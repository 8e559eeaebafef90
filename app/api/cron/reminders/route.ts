// GET /api/cron/reminders – tomorrow's appointment reminders, at 08.00 WIB (Vercel Cron)
import { withCron } from "@/lib/http/with-cron";
import { deliverDueMessages } from "@/lib/notify/deliver";
import { queueReminders } from "@/lib/payments/reminders";

export const dynamic = "force-dynamic";

export const GET = withCron(async () => {
  const reminders = await queueReminders();
  return Response.json({ reminders, delivered: await deliverDueMessages({ limit: 200 }) });
});
