import { after } from "next/server";
import { deliverDueMessages } from "@/lib/notify/deliver";

/**
 * Flushes the outbox once the response has gone out: call it in a route right
 * after a transaction that queued customer messages (notifyOrderEvent). On
 * Vercel `after` keeps the function alive for it; outside a request (scripts,
 * tests calling a handler directly) the flush simply starts now.
 */
export function deliverSoon({ limit = 20 }: { limit?: number } = {}): void {
  const flush = () =>
    deliverDueMessages({ limit }).then(
      () => undefined,
      (error: unknown) => console.error(`[outbox] delivery after response failed: ${(error as Error).message}`),
    );
  try {
    after(flush);
  } catch {
    void flush();
  }
}
