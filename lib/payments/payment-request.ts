import type { Order, PaymentMethod } from "@/db/schema";
import { statusPageUrl } from "@/lib/notify/outbox";
import { formatMidtransTime } from "./midtrans-time";

/** Snap's names of the methods a customer can choose in the bot ("all", "cash" and "pay_at_shop" leave Snap's whole list). */
export const ENABLED_PAYMENTS: Record<PaymentMethod, readonly string[]> = {
  bca_va: ["bca_va"],
  bni_va: ["bni_va"],
  bri_va: ["bri_va"],
  echannel: ["echannel"],
  gopay: ["gopay"],
  shopeepay: ["shopeepay"],
  other_qris: ["other_qris"],
  credit_card: ["credit_card"],
  all: ["bca_va", "bni_va", "bri_va", "echannel", "gopay", "shopeepay", "other_qris", "credit_card"],
  cash: ["bca_va", "bni_va", "bri_va", "echannel", "gopay", "shopeepay", "other_qris", "credit_card"],
  pay_at_shop: ["bca_va", "bni_va", "bri_va", "echannel", "gopay", "shopeepay", "other_qris", "credit_card"],
};

/** Methods paid by a bank transfer issued in the chat (Core API), with the bank Midtrans expects. */
export const VA_BANKS: Partial<Record<PaymentMethod, "bca" | "bni" | "bri" | "mandiri">> = {
  bca_va: "bca",
  bni_va: "bni",
  bri_va: "bri",
  echannel: "mandiri",
};

export function isVirtualAccountMethod(method: PaymentMethod): boolean {
  return method in VA_BANKS;
}

/** A fresh Midtrans order_id per attempt: Midtrans refuses an order_id once it is pending or paid. */
export function midtransOrderIdOf(order: Pick<Order, "bookingCode">, attempt: number): string {
  return `${order.bookingCode}-${attempt}`;
}

/** Whole minutes left of the order's hold; the payment may not outlive it. */
export function remainingHoldMinutes(order: Pick<Order, "holdExpiresAt">, now: Date): number {
  if (!order.holdExpiresAt) return 0;
  return Math.floor((order.holdExpiresAt.getTime() - now.getTime()) / 60_000);
}

/**
 * The attempt's expiry, on the order's hold itself: the deadline is computed
 * once, at booking, and every message and page shows that one value. Midtrans
 * counts whole minutes from a start time (Snap's expiry.start_time, Core's
 * custom_expiry.order_time, both "when the order was made"); counting from
 * `now` would end up to a minute before the hold (06:37 in the VA message,
 * 06:38 in the confirmation), so the count starts that fraction of a minute
 * earlier instead.
 */
export function holdAlignedExpiry(order: Pick<Order, "holdExpiresAt">, now: Date): { start: Date; minutes: number; expiresAt: Date } {
  const hold = order.holdExpiresAt ?? now;
  const minutes = Math.max(1, Math.ceil((hold.getTime() - now.getTime()) / 60_000));
  return { start: new Date(hold.getTime() - minutes * 60_000), minutes, expiresAt: hold };
}

function transactionParts(order: Order, attempt: number) {
  return {
    transaction_details: { order_id: midtransOrderIdOf(order, attempt), gross_amount: order.amountIdr },
    // One line for the one service; Midtrans refuses items that do not add up to gross_amount.
    item_details: [
      {
        id: `${order.deviceId}-${order.partId}`,
        price: order.amountIdr,
        quantity: 1,
        name: `${order.partName} ${order.deviceName}`.slice(0, 50),
        category: "Servis",
      },
    ],
    // The phone the customer gave the bot (shared or typed); Telegram itself gives no e-mail.
    customer_details: {
      first_name: (order.customerName || order.telegramUsername || "Pelanggan").slice(0, 255),
      ...(order.telegramUsername ? { last_name: `(@${order.telegramUsername})` } : {}),
      ...(order.customerPhone ? { phone: order.customerPhone } : {}),
    },
    custom_field1: order.bookingCode,
  };
}

/** Body of POST {snap}/transactions for the status page's "Bayar Sekarang". */
export function snapTransactionBody(order: Order, { attempt, now }: { attempt: number; now: Date }) {
  const { start, minutes } = holdAlignedExpiry(order, now);
  return {
    ...transactionParts(order, attempt),
    enabled_payments: ENABLED_PAYMENTS[order.paymentMethod],
    expiry: { start_time: formatMidtransTime(start), unit: "minute", duration: minutes },
    callbacks: { finish: statusPageUrl(order) },
  };
}

/** Body of POST {core}/v2/charge for a bank virtual account (or Mandiri bill) sent in the chat. */
export function virtualAccountChargeBody(order: Order, { attempt, now }: { attempt: number; now: Date }) {
  const bank = VA_BANKS[order.paymentMethod];
  if (!bank) throw new Error(`${order.paymentMethod} is not a virtual account method`);
  const { start, minutes } = holdAlignedExpiry(order, now);
  const expiry = { custom_expiry: { order_time: formatMidtransTime(start), expiry_duration: minutes, unit: "minute" } };
  if (bank === "mandiri") {
    return {
      payment_type: "echannel",
      ...transactionParts(order, attempt),
      echannel: { bill_info1: "Pembayaran:", bill_info2: `Servis ${order.bookingCode}` },
      ...expiry,
    };
  }
  return { payment_type: "bank_transfer", ...transactionParts(order, attempt), bank_transfer: { bank }, ...expiry };
}
