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
  otherMethodNote: string;
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
  otherMethodNote: "Ingin memakai metode lain? \u201cBayar Sekarang\u201d membatalkan nomor VA ini dan membuka pilihan pembayaran.",
  payBefore: (deadline) => `Selesaikan pembayaran sebelum ${formatWibDateTime(deadline)} agar jadwal tetap tersimpan.`,
  shopHeading: "Datang ke toko",
  shopLabel: "Lokasi toko",
  pay: {
    payNow: "Bayar Sekarang",
    opening: "Membuka pembayaran…",
    notOpened: "Pembayaran belum dapat dibuka. Silakan coba lagi.",
    offline: "Koneksi terputus. Periksa internet Anda lalu coba lagi.",
    checking: "Memeriksa status pembayaran…",
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
  otherMethodNote: "Want another method? \u201cPay now\u201d cancels this VA number and opens the payment choices.",
  payBefore: (deadline) => `Please pay before ${formatWibDateTime(deadline)} to keep your appointment.`,
  shopHeading: "Come to the shop",
  shopLabel: "Shop location",
  pay: {
    payNow: "Pay now",
    opening: "Opening payment…",
    notOpened: "The payment could not be opened. Please try again.",
    offline: "Connection lost. Check your internet and try again.",
    checking: "Checking the payment status…",
  },
};

export function orderPageTexts(language: Language): OrderPageTexts {
  return language === "en" ? EN : ID;
}
