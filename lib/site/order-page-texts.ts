import { formatWibDateTime } from "@/lib/booking/calendar";
import type { Language } from "@/lib/booking/status-labels";

/** The status/pay page's words ("Data Order"), one set per language; status names come from lib/booking/status-labels.ts. */
export interface OrderPageTexts {
  title: string;
  summaryLabel: string;
  bookingCode: string;
  total: string;
  appointment: string;
  device: string;
  service: string;
  createdAt: string;
  transferLabel: string;
  cardInReview: string;
  payBefore(deadline: Date): string;
  shopHeading: string;
  shopLabel: string;
  pay: PayPanelTexts;
}

/** What the pay button and its live status check say (a client component: plain strings only). */
export interface PayPanelTexts {
  payNow: string;
  opening: string;
  notOpened: string;
  offline: string;
  checking: string;
  /** Beside a live VA: switch to another method (the VA is cancelled first). */
  otherMethod: string;
  switchLabel: string;
  switchWarning: string;
  switchConfirm: string;
  keepVa: string;
}

const ID: OrderPageTexts = {
  title: "Data Order",
  summaryLabel: "Ringkasan pesanan",
  bookingCode: "Kode booking",
  total: "Total",
  appointment: "Jadwal servis",
  device: "Perangkat",
  service: "Layanan",
  createdAt: "Tanggal transaksi",
  transferLabel: "Instruksi transfer",
  cardInReview: "Pembayaran kartu Anda sedang diperiksa oleh penyedia pembayaran. Jadwal tetap disimpan; halaman ini berubah sendiri begitu ada keputusan.",
  payBefore: (deadline) => `Selesaikan pembayaran sebelum ${formatWibDateTime(deadline)} agar jadwal tetap tersimpan.`,
  shopHeading: "Datang ke toko",
  shopLabel: "Lokasi toko",
  pay: {
    payNow: "Bayar Sekarang",
    opening: "Membuka pembayaran…",
    notOpened: "Pembayaran belum dapat dibuka. Silakan coba lagi.",
    offline: "Koneksi terputus. Periksa internet Anda lalu coba lagi.",
    checking: "Memeriksa status pembayaran…",
    otherMethod: "Pilih metode lain",
    switchLabel: "Ganti metode pembayaran",
    switchWarning: "Nomor VA di atas akan dibatalkan, lalu Anda bisa memilih QRIS, e-wallet, kartu, atau VA bank lain. Jangan transfer ke nomor VA lama setelah ini.",
    switchConfirm: "Ya, pilih metode lain",
    keepVa: "Tetap pakai VA ini",
  },
};

const EN: OrderPageTexts = {
  title: "Order details",
  summaryLabel: "Order summary",
  bookingCode: "Booking code",
  total: "Total",
  appointment: "Appointment",
  device: "Device",
  service: "Service",
  createdAt: "Ordered on",
  transferLabel: "Transfer instructions",
  cardInReview: "Your card payment is being checked by the payment provider. Your appointment is kept; this page changes by itself once there is a decision.",
  payBefore: (deadline) => `Please pay before ${formatWibDateTime(deadline)} to keep your appointment.`,
  shopHeading: "Come to the shop",
  shopLabel: "Shop location",
  pay: {
    payNow: "Pay now",
    opening: "Opening payment…",
    notOpened: "The payment could not be opened. Please try again.",
    offline: "Connection lost. Check your internet and try again.",
    checking: "Checking the payment status…",
    otherMethod: "Choose another method",
    switchLabel: "Change payment method",
    switchWarning: "The VA number above will be cancelled, then you can choose QRIS, an e-wallet, a card or another bank's VA. Do not transfer to the old VA number after this.",
    switchConfirm: "Yes, choose another method",
    keepVa: "Keep this VA",
  },
};

export function orderPageTexts(language: Language): OrderPageTexts {
  return language === "en" ? EN : ID;
}
