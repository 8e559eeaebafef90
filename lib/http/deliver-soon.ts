import { after } from "next/server";
import { deliverDueMessages } from "@/lib/notify/deliver";

/**
 * Flushes the outbox once the response has gone out: call it in a route right
 * after a transaction that queued customer messages (notifyOrderEvent). On
 * Vercel `after` keeps the function alive for it; outside a request (scripts,
 * tests calling a handler directly) the flush simply starts now.
 */
export function deliverSoon({ limit = 20, outsideRequest = "now" }: { limit?: number; outsideRequest?: "now" | "leave" } = {}): void {
  const flush = () =>
    deliverDueMessages({ limit }).then(
      () => undefined,
      (error: unknown) => console.error(`[outbox] delivery after response failed: ${(error as Error).message}`),
    );
  try {
    after(flush);
  } catch {
    // "leave": outside a Next.js request (a handler served by a test harness) the outbox sweep sends it.
    if (outsideRequest === "now") void flush();
  }
}
