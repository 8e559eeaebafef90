import type { Order, Payment, PaymentStatus, RepairStatus } from "@/db/schema";
import { formatWibDateTime } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";

/** Texts about payments that customers read, on the status page and in the chat (Indonesian first). */
export type Language = "id" | "en";

export const PAYMENT_STATUS_LABEL: Record<PaymentStatus, string> = {
  unpaid: "Menunggu pembayaran",
  pending: "Menunggu pembayaran",
  paid: "Lunas",
  review: "Sedang ditinjau",
  failed: "Pembayaran gagal",
  expired: "Kedaluwarsa",
  refunded: "Dana dikembalikan",
  partially_refunded: "Dana dikembalikan sebagian",
};

export const REPAIR_STATUS_LABEL: Record<RepairStatus, string> = {
  booked: "Terjadwal",
  received: "Perangkat diterima",
  in_progress: "Sedang dikerjakan",
  ready: "Siap diambil",
  completed: "Selesai",
  cancelled: "Dibatalkan",
};

export const PAYMENT_METHOD_LABEL: Record<string, string> = {
  bca_va: "BCA Virtual Account",
  bni_va: "BNI Virtual Account",
  bri_va: "BRI Virtual Account",
  echannel: "Mandiri Bill",
  gopay: "GoPay",
  shopeepay: "ShopeePay",
  other_qris: "QRIS",
  credit_card: "Kartu kredit",
  all: "Semua metode",
  cash: "Tunai di toko",
};

/** Why "Bayar Sekarang" did not open Midtrans, as the page says it. */
export const PAY_ERROR_TEXT: Record<string, string> = {
  paid: "Pesanan ini sudah dibayar.",
  in_review: "Pembayaran Anda sedang ditinjau. Mohon tunggu kabar dari kami.",
  closed: "Pesanan ini sudah dibatalkan atau selesai.",
  expired: "Batas waktu pembayaran sudah lewat. Silakan booking lagi lewat bot Telegram.",
  midtrans_refused: "Pembayaran belum dapat dibuat. Silakan coba lagi beberapa saat lagi.",
  midtrans_unavailable: "Layanan pembayaran sedang tidak dapat dihubungi. Silakan coba lagi beberapa saat lagi.",
};

/** The bank-transfer details the bot sends after a VA booking: bank, number, amount, deadline. */
export function virtualAccountText(
  order: Pick<Order, "amountIdr" | "bookingCode">,
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
  const advice = en
    ? `Transfer the exact amount via mobile banking, ATM or internet banking. We will confirm here as soon as booking ${order.bookingCode} is paid.`
    : `Transfer tepat sesuai jumlah melalui m-banking, ATM, atau internet banking. Kami kabari di sini begitu booking ${order.bookingCode} lunas.`;
  return [...lines, amount, deadline, "", advice].filter((line, i, all) => line !== "" || all[i - 1] !== "").join("\n");
}
