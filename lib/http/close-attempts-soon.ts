import { after } from "next/server";
import { closeOrderAttempts } from "@/lib/payments/close-attempts";

/**
 * Closes a just-cancelled order's payable attempts at Midtrans once the
 * response has gone out: the cancel itself never waits for, or fails with,
 * Midtrans. What cannot be closed now is retried by the due-work job.
 */
export function closeAttemptsSoon(orderId: string): void {
  try {
    after(() => closeOrderAttempts(orderId));
  } catch {
    // Outside a Next.js request (a test harness, a script): start it now, unawaited.
    void closeOrderAttempts(orderId);
  }
}
