/**
 * payment_type values Midtrans gives money back for through its refund API
 * (docs "Refund Transactions": credit_card, gopay, shopeepay, QRIS among those
 * this shop takes). Bank transfers (VA), Mandiri bill and cash are refunded by hand.
 */
export const REFUNDABLE_PAYMENT_TYPES: readonly string[] = ["credit_card", "gopay", "shopeepay", "qris"];
