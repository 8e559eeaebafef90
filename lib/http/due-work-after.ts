import { after } from "next/server";
import { isDueWorkPending, runDueWork } from "@/lib/jobs/due-work";

/**
 * Schedules due work (expiring holds, lost notifications, reminders, outbox
 * sends) to run after the current response is sent. Outside a Next.js request
 * (unit tests calling a handler directly, scripts) there is no "after": nothing
 * is scheduled, and the cron remains the backstop.
 */
export function pickUpDueWorkAfter(): void {
  if (!isDueWorkPending()) return;
  try {
    after(() => runDueWork());
  } catch {
    // called outside a request scope
  }
}
