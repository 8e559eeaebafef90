import { JOB_TASKS } from "./tasks";

/**
 * The daily backstop (Vercel Hobby runs a cron once a day): every task of
 * JOB_TASKS in a large batch. The same work is picked up in small batches
 * after ordinary requests (runDueWork), so nothing waits a day for this.
 */
export async function runMaintenance({ now = new Date() }: { now?: Date } = {}): Promise<Record<string, unknown>> {
  const report: Record<string, unknown> = {};
  for (const task of JOB_TASKS) report[task.name] = await task.run({ now, limit: task.dailyLimit });
  return report;
}
