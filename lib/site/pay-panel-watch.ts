/**
 * Payment statuses the status page keeps watching (the pay panel reads the order
 * every few seconds while one of these holds). Outside them, and when the order
 * cannot be paid, the panel has nothing to show or do, so the page leaves it out.
 */
export const WATCHED_PAYMENT_STATUSES: readonly string[] = ["unpaid", "pending", "failed", "review"];

export function needsPayPanel({ canPay, paymentStatus }: { canPay: boolean; paymentStatus: string }): boolean {
  return canPay || WATCHED_PAYMENT_STATUSES.includes(paymentStatus);
}
