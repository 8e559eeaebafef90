import type { Order, Payment, PaymentStatus, RepairStatus } from "@/db/schema";
import { formatWibDateTime } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { STATUS_LABELS } from "@/lib/booking/status-labels";

/** Texts about payments that customers read, on the status page and in the chat (Indonesian first). */
export type Language = "id" | "en";

// The Indonesian words of lib/booking/status-labels.ts, kept under their old names for the pages and the admin.
export const PAYMENT_STATUS_LABEL: Record<PaymentStatus, string> = STATUS_LABELS.id.payment;
export const REPAIR_STATUS_LABEL: Record<RepairStatus, string> = STATUS_LABELS.id.repair;
export const PAYMENT_METHOD_LABEL: Record<string, string> = STATUS_LABELS.id.method;

/** Why "Bayar Sekarang" did not open Midtrans, as the page says it. */
export const PAY_ERROR_TEXT: Record<string, string> = {
  paid: "Pesanan ini sudah dibayar.",
  in_review: "Pembayaran Anda sedang ditinjau. Mohon tunggu kabar dari kami.",
  closed: "Pesanan ini sudah dibatalkan atau selesai.",
  at_shop: "Pesanan ini dibayar di kasir toko saat Anda datang.",
  expired: "Batas waktu pembayaran sudah lewat. Silakan booking lagi lewat bot Telegram.",
  midtrans_refused: "Pembayaran belum dapat dibuat. Silakan coba lagi beberapa saat lagi.",
  midtrans_unavailable: "Layanan pembayaran sedang tidak dapat dihubungi. Silakan coba lagi beberapa saat lagi.",
};

/**
 * The bank-transfer details the bot sends after a VA booking, and the status
 * page shows: bank, number, amount, deadline, nothing the confirmation already
 * said. The deadline is the attempt's expiry, which is the order's hold
 * (payment-request.ts aligns them), so every message shows the same minute.
 */
export function virtualAccountText(
  order: Pick<Order, "amountIdr">,
  payment: Pick<Payment, "vaBank" | "vaNumber" | "billKey" | "billerCode" | "expiresAt">,
  language: Language = "id",
): string {
  const en = language === "en";
  const amount = `${en ? "Amount" : "Jumlah"}: ${formatRupiah(order.amountIdr)}`;
  const deadline = payment.expiresAt ? `${en ? "Pay before" : "Bayar sebelum"}: ${formatWibDateTime(payment.expiresAt)}` : "";
  const lines = payment.billKey
    ? [
        en ? "💳 Mandiri Bill payment" : "💳 Pembayaran Mandiri Bill",
        `${en ? "Company code" : "Kode perusahaan"} (biller code): ${payment.billerCode ?? ""}`,
        `${en ? "Payment code" : "Kode bayar"} (bill key): ${payment.billKey}`,
      ]
    : [
        `💳 ${en ? "Virtual account payment" : "Pembayaran Virtual Account"} ${(payment.vaBank ?? "").toUpperCase()}`,
        `${en ? "VA number" : "Nomor VA"}: ${payment.vaNumber ?? ""}`,
      ];
  return [...lines, amount, deadline].filter(Boolean).join("\n");
}
