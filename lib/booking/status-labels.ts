import type { PaymentMethod, PaymentStatus, RepairStatus } from "@/db/schema";

/**
 * The words for an order's state, one set per language, read by the bot, the
 * Telegram notifications, the status page and the admin alike: a customer who
 * reads "Terjadwal" on the page must read "Terjadwal" in the chat too.
 */
export type Language = "id" | "en";

export interface StatusLabels {
  repairHeading: string;
  paymentHeading: string;
  methodHeading: string;
  repair: Record<RepairStatus, string>;
  payment: Record<PaymentStatus, string>;
  method: Record<PaymentMethod, string>;
}

/** Payment methods named by their brand, the same in every language. */
const BRAND_METHODS = {
  bca_va: "BCA Virtual Account",
  bni_va: "BNI Virtual Account",
  bri_va: "BRI Virtual Account",
  echannel: "Mandiri Bill Payment",
  gopay: "GoPay",
  shopeepay: "ShopeePay",
  other_qris: "QRIS",
} as const;

export const STATUS_LABELS: Record<Language, StatusLabels> = {
  id: {
    repairHeading: "Status perbaikan",
    paymentHeading: "Status pembayaran",
    methodHeading: "Metode pembayaran",
    repair: {
      booked: "Terjadwal",
      received: "Perangkat diterima",
      in_progress: "Sedang dikerjakan",
      ready: "Siap diambil",
      completed: "Selesai",
      cancelled: "Dibatalkan",
    },
    payment: {
      unpaid: "Menunggu pembayaran",
      pending: "Menunggu pembayaran",
      paid: "Lunas",
      review: "Sedang ditinjau",
      failed: "Pembayaran gagal",
      expired: "Kedaluwarsa",
      refunded: "Dana dikembalikan",
      partially_refunded: "Dana dikembalikan sebagian",
    },
    method: {
      ...BRAND_METHODS,
      credit_card: "Kartu kredit",
      all: "Semua metode",
      cash: "Tunai di toko",
      pay_at_shop: "Bayar di toko",
    },
  },
  en: {
    repairHeading: "Repair status",
    paymentHeading: "Payment status",
    methodHeading: "Payment method",
    repair: {
      booked: "Scheduled",
      received: "Device received",
      in_progress: "In progress",
      ready: "Ready for pickup",
      completed: "Completed",
      cancelled: "Cancelled",
    },
    payment: {
      unpaid: "Awaiting payment",
      pending: "Awaiting payment",
      paid: "Paid",
      review: "Under review",
      failed: "Payment failed",
      expired: "Expired",
      refunded: "Refunded",
      partially_refunded: "Partially refunded",
    },
    method: {
      ...BRAND_METHODS,
      credit_card: "Credit card",
      all: "All methods",
      cash: "Cash at the shop",
      pay_at_shop: "Pay at the shop",
    },
  },
};

export function labelsFor(language: Language): StatusLabels {
  return STATUS_LABELS[language];
}

/** Midtrans' payment_type values that name one of our methods outright. */
const PAYMENT_TYPE_METHOD: Record<string, PaymentMethod> = {
  echannel: "echannel",
  gopay: "gopay",
  shopeepay: "shopeepay",
  qris: "other_qris",
  other_qris: "other_qris",
  credit_card: "credit_card",
};

/**
 * The method a payment attempt was actually made with, from what Midtrans told
 * us (payment_type, and va_numbers[].bank for a bank transfer): a customer who
 * chose "all methods" and paid by BCA VA inside Snap reads "BCA Virtual
 * Account". Undefined when Midtrans has not said.
 */
export function methodUsedLabel(
  attempt: { paymentType: string | null; vaBank: string | null },
  language: Language = "id",
): string | undefined {
  const { paymentType, vaBank } = attempt;
  if (!paymentType) return undefined;
  if (paymentType === "bank_transfer") return vaBank ? `${vaBank.toUpperCase()} Virtual Account` : undefined;
  if (paymentType === "cash") return STATUS_LABELS[language].method.cash;
  const method = PAYMENT_TYPE_METHOD[paymentType];
  return method ? STATUS_LABELS[language].method[method] : undefined;
}
