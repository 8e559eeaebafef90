import type { PaymentMethod, PaymentStatus } from "@/db/schema";
import { formatDateDmy, formatDateLong, formatWibDateTime } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { repairStatusText } from "@/lib/notify/messages";
import type { BotTexts, Notice, ShopLocation, SummaryFacts } from "./texts";

const METHODS: Record<PaymentMethod, string> = {
  bca_va: "BCA Virtual Account",
  bni_va: "BNI Virtual Account",
  bri_va: "BRI Virtual Account",
  echannel: "Mandiri Bill Payment",
  gopay: "GoPay",
  shopeepay: "ShopeePay",
  other_qris: "QRIS",
  credit_card: "Kartu Kredit",
  all: "Semua Metode",
  cash: "Tunai",
};

const PAYMENT_STATUS: Record<PaymentStatus, string> = {
  unpaid: "Menunggu pembayaran",
  pending: "Menunggu pembayaran",
  paid: "Lunas",
  review: "Sedang ditinjau",
  failed: "Pembayaran gagal",
  expired: "Kedaluwarsa",
  refunded: "Dikembalikan",
  partially_refunded: "Dikembalikan sebagian",
};

function lines(f: SummaryFacts): string {
  return [
    `id: ${f.id}`,
    `Total: ${formatRupiah(f.amountIdr)}`,
    `Tanggal: ${formatDateDmy(f.serviceDate)}`,
    `Jam: ${f.slotLabel}`,
    `Device: ${f.deviceName}`,
    `Product: ${f.partName}`,
    `Pembayaran: ${METHODS[f.paymentMethod]}`,
  ].join("\n");
}

function notice(n: Notice): string {
  switch (n.kind) {
    case "date":
      switch (n.problem) {
        case "format":
          return `"${n.input}" bukan tanggal yang bisa dibaca. Tulis dengan format dd/mm/yyyy, contoh: 01/10/2022.`;
        case "invalid":
          return `Tanggal ${n.input} tidak ada di kalender.`;
        case "past":
          return `Tanggal ${n.input} sudah lewat.`;
        case "beyond_horizon":
          return `Booking hanya bisa sampai ${n.horizonDays} hari ke depan (paling lambat ${formatDateDmy(n.lastDate)}).`;
        case "closed":
          return `Maaf, toko tutup pada tanggal ${n.input}${n.closedReason ? ` (${n.closedReason})` : ""}.`;
        case "full":
          return `Maaf, semua jam pada tanggal ${n.input} sudah penuh.`;
      }
      break;
    case "use_buttons":
      return "Silahkan pilih dengan tombol di bawah ini.";
    case "text_only":
      return "Maaf, saya hanya bisa membaca pesan teks.";
    case "option_unavailable":
      return "Pilihan itu sudah tidak tersedia, silahkan pilih lagi.";
    case "slot_full":
      return `Maaf, jam ${n.slotLabel} baru saja penuh. Silahkan pilih jam lain.`;
    case "date_full":
      return `Maaf, tidak ada jam yang tersisa pada ${formatDateDmy(n.date)}. Silahkan pilih tanggal lain.`;
    case "item_unavailable":
      return "Maaf, spare part itu sudah tidak tersedia untuk device Anda. Silahkan pilih lagi.";
    case "menu_expired":
      return "Menu ini sudah kedaluwarsa.";
    case "draft_stale":
      return "Link pilihan dari website sudah kedaluwarsa, silahkan pilih lagi di sini.";
    case "draft_partial":
      return "Sebagian pilihan dari website sudah tidak tersedia, silahkan pilih lagi.";
  }
}

/** The shop's address and map link under the booking, so the customer knows where to come. */
function whereToCome(location?: ShopLocation): string {
  const lines = [location?.address, location?.mapsUrl && `Peta: ${location.mapsUrl}`].filter(Boolean);
  return lines.length ? `📍 Datang ke toko sesuai jadwal:\n${lines.join("\n")}` : "";
}

export const TEXTS_ID: BotTexts = {
  greeting: (name, shop) =>
    `Halo ${name}! Selamat datang di ${shop}.\n\nSilahkan pilih menu berikut:\n/help - bantuan dan daftar menu\n/order - booking servis\n/catalog - daftar device, spare part dan harga\n/status - cek status layanan`,
  buttonOrder: "Order",
  buttonStatus: "Status Layanan",
  buttonBooking: "Booking",
  buttonCancel: "Cancel",
  buttonBookNow: "Book Now",
  buttonPayNow: "Bayar Sekarang",
  virtualAccountUnavailable: (code) =>
    `Nomor Virtual Account untuk booking ${code} belum dapat dibuat saat ini. Silakan buka halaman status dan tekan Bayar Sekarang untuk mencoba lagi.`,
  buttonOpenStatus: "Buka halaman status",
  buttonCancelBooking: "Batalkan booking",
  buttonConfirmCancel: "Ya, batalkan",
  buttonKeepBooking: "Tidak",
  intro: (shop) =>
    `Terimakasih, telah memilih layanan kami ${shop}.\n\nKami akan menanyakan tanggal, device, jam, spare part dan metode pembayaran, lalu Anda menerima kode booking. Tekan Booking untuk mulai.`,
  askDate: (first, last) =>
    `Silahkan masukan tanggal book, contoh: 01/10/2022\n\n(Tanggal yang bisa dipilih: ${formatDateDmy(first)} s.d. ${formatDateDmy(last)})`,
  askDevice: (date) => `Tanggal: ${formatDateLong(date, "id")}\n\nSilahkan pilih device Anda:`,
  askSlot: (date, device) => `Tanggal: ${formatDateLong(date, "id")}\nDevice: ${device}\n\nSilahkan pilih jam servis:`,
  slotButton: (label, remaining) => `Pukul : ${label} (sisa ${remaining})`,
  askPart: (device) => `Silahkan pilih spare part untuk ${device}:`,
  partButton: (part, price) => `${part} - ${formatRupiah(price)}`,
  askPayment: () => "Silahkan pilih metode pembayaran:",
  paymentMethod: (method) => METHODS[method],
  summary: (f) => `Ringkasan Booking\n\n${lines(f)}\n\nTekan Book Now untuk membuat booking.`,
  booked: (f, code) => `✅ Booking dibuat. Kode booking: ${code}\n\n${lines(f)}`,
  confirmation: (f, url, payment) =>
    [
      `✅ Booking berhasil!\n\nKode booking: ${f.bookingCode}\nTotal: ${formatRupiah(f.amountIdr)}\nTanggal: ${formatDateDmy(f.serviceDate)}\nJam: ${f.slotLabel}\nDevice: ${f.deviceName}\nProduct: ${f.partName}\nPembayaran: ${METHODS[f.paymentMethod]}`,
      payment
        ? `Silahkan transfer ke Virtual Account ${payment.bank.toUpperCase()}\nNomor VA: ${payment.vaNumber}\nJumlah: ${formatRupiah(payment.amountIdr)}\nBayar sebelum: ${formatWibDateTime(payment.expiresAt)}`
        : f.holdExpiresAt
          ? `Silahkan bayar sebelum ${formatWibDateTime(f.holdExpiresAt)}, jika tidak booking dibatalkan otomatis.`
          : "",
      whereToCome(f.location),
      `Cek status dan bayar: ${url}\nSimpan kode booking Anda untuk /status.`,
    ]
      .filter(Boolean)
      .join("\n\n"),
  alreadyBooked: (code) => `Booking Anda sudah dibuat. Kode booking: ${code}`,
  tooManyUnpaid: (codes) =>
    `Maaf, booking baru belum bisa dibuat: Anda masih punya ${codes.length} booking yang belum dibayar (${codes.join(", ")}).\n\nSilahkan bayar atau batalkan dulu lewat /status, contoh: /status ${codes[0] ?? ""}. Setelah itu ketik /order untuk booking lagi.`,
  notice,
  wizardCancelled: "Booking dibatalkan. Ketik /order untuk memulai lagi.",
  nothingToCancel: "Tidak ada proses yang sedang berjalan. Ketik /order untuk booking servis.",
  idleHint: "Ketik /order untuk booking servis, /status untuk cek status, atau /help untuk bantuan.",
  unknownCommand: "Perintah tidak dikenal. Menu yang tersedia: /help /order /catalog /status",
  privateOnly: (bot) => `Silahkan chat saya secara pribadi untuk booking: https://t.me/${bot}`,
  catalogTitle: (shop) => `Katalog servis ${shop}`,
  catalogEmpty: "Katalog sedang kosong. Silahkan coba lagi nanti.",
  askStatusCode: "Silahkan masukan kode booking Anda (8 angka), contoh: 62473383",
  statusBadFormat: "Kode booking terdiri dari 8 angka, contoh: 62473383. Silahkan coba lagi.",
  statusNotFound: (code) => `Kode booking ${code} tidak ditemukan di chat ini. Periksa kembali kode Anda.`,
  statusRateLimited: (minutes) => `Terlalu banyak percobaan kode yang salah. Silahkan coba lagi dalam ${minutes} menit.`,
  statusSummary: (f, url) =>
    `Data Order\n\n${lines(f)}\nStatus pembayaran: ${PAYMENT_STATUS[f.paymentStatus]}\nStatus servis: ${repairStatusText(f.repairStatus, "id")}\n\nHalaman status: ${url}`,
  cancelBookingConfirm: (code) => `Batalkan booking ${code}? Jadwal Anda akan dilepas untuk pelanggan lain.`,
  bookingCancelled: (code) => `Booking ${code} telah dibatalkan dan jadwalnya dilepas. Ketik /order untuk booking lagi.`,
  cancelNotAllowed: (code) => `Booking ${code} tidak bisa dibatalkan lagi (sudah dibayar, selesai atau dibatalkan). Hubungi toko untuk bantuan.`,
  apology: "Maaf, terjadi kesalahan di sistem kami. Silahkan coba lagi sebentar lagi.",
  commands: [
    { command: "start", description: "Mulai dan lihat menu" },
    { command: "help", description: "Bantuan dan daftar menu" },
    { command: "order", description: "Booking servis" },
    { command: "catalog", description: "Daftar device, spare part dan harga" },
    { command: "status", description: "Cek status layanan dengan kode booking" },
    { command: "cancel", description: "Batalkan proses booking yang sedang berjalan" },
  ],
};
