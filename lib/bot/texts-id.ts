import { WARRANTY_TEXTS } from "./texts-warranty";
import { formatDateDmy, formatDateLong, formatWibDateTime, weekdayOf } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { labelsFor } from "@/lib/booking/status-labels";
import { repairStatusLine } from "@/lib/notify/messages";
import { branchLabel, shorten } from "./text-format";
import type { ShopContact } from "@/lib/site/shop-contact";
import type { BotTexts, Notice, ShopLocation, SummaryFacts } from "./texts";

const LABELS = labelsFor("id");
const METHODS = LABELS.method;

function lines(f: SummaryFacts): string {
  return [
    `Kode booking: ${f.bookingCode ?? "(dibuat saat Book Now)"}`,
    `Total: ${formatRupiah(f.amountIdr)}`,
    `Tanggal: ${formatDateDmy(f.serviceDate)}`,
    `Jam: ${f.slotLabel}`,
    `Device: ${f.deviceName}`,
    `Product: ${f.partName}`,
    `Pembayaran: ${METHODS[f.paymentMethod]}`,
    f.phone && `No. HP: ${f.phone}`,
    f.faultDescription && `Keluhan: ${shorten(f.faultDescription, 80)}`,
    f.photoCount > 0 && `Foto kerusakan: ${f.photoCount}`,
  ]
    .filter(Boolean)
    .join("\n");
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
      return "Silakan pilih dengan tombol pada pesan di atas.";
    case "text_only":
      return "Maaf, saya hanya bisa membaca pesan teks.";
    case "option_unavailable":
      return "Pilihan itu sudah tidak tersedia, silakan pilih lagi.";
    case "slot_full":
      return `Maaf, jam ${n.slotLabel} baru saja penuh. Silakan pilih jam lain.`;
    case "date_full":
      return `Maaf, tidak ada jam yang tersisa pada ${formatDateDmy(n.date)}. Silakan pilih tanggal lain.`;
    case "item_unavailable":
      return "Maaf, spare part itu sudah tidak tersedia untuk device Anda. Silakan pilih lagi.";
    case "part_out_of_stock":
      return "Maaf, stok spare part itu baru saja habis. Silakan pilih spare part lain.";
    case "part_backorder":
      return `Maaf, stok spare part booking ini masih habis (inden, ${n.days} hari), jadi jadwalnya paling cepat ${formatDateDmy(n.from)}. Silakan pilih tanggal lain.`;
    case "menu_expired":
      return "Menu ini sudah kedaluwarsa.";
    case "draft_stale":
      return "Link pilihan dari website sudah kedaluwarsa, silakan pilih lagi di sini.";
    case "draft_partial":
      return "Sebagian pilihan dari website sudah tidak tersedia, silakan pilih lagi.";
    case "phone":
      return n.problem === "not_own_contact"
        ? "Maaf, hanya nomor Anda sendiri yang bisa dibagikan. Tekan tombol \"Bagikan nomor HP\" atau ketik nomor Anda."
        : "Nomor HP tidak valid. Ketik nomor HP Indonesia, contoh: 0812 3456 7890.";
    case "fault_too_long":
      return `Keterangan terlalu panjang (${n.length} karakter, maksimal 500). Silakan ketik lebih singkat.`;
    case "photo_limit":
      return "Maaf, maksimal 3 foto. Tekan Selesai untuk lanjut.";
  }
}

/** The shop's address and map link under the booking, so the customer knows where to come. */
function whereToCome(location?: ShopLocation): string {
  const lines = [location?.address, location?.mapsUrl && `Peta: ${location.mapsUrl}`].filter(Boolean);
  return lines.length ? `📍 Datang ke toko sesuai jadwal:\n${lines.join("\n")}` : "";
}

const SHORT_DAYS = ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"];

/** How to reach the shop: WhatsApp and phone when the owner gave a number, else its address. */
function contactLine(contact: ShopContact): string {
  if (contact.whatsappUrl) return `Hubungi toko lewat WhatsApp: ${contact.whatsappUrl} (telepon ${contact.phoneDisplay}).`;
  return contact.address ? `Silakan datang ke toko: ${contact.address}.` : "Silakan hubungi toko.";
}

export const TEXTS_ID: BotTexts = {
  greeting: (name, shop) =>
    `Halo ${name}! Selamat datang di ${shop}.\n\nSilakan pilih menu berikut:\n/help - bantuan dan daftar menu\n/order - booking servis\n/catalog - daftar device, spare part dan harga\n/status - cek status layanan, ubah jadwal\n/bahasa - ganti bahasa (English)`,
  buttonOrder: "Order",
  buttonStatus: "Status Layanan",
  buttonBooking: "Booking",
  buttonCancel: "Cancel",
  buttonBack: "‹ Kembali",
  buttonClosePrompt: "Batal",
  buttonBookNow: "Book Now",
  buttonJoinWaitlist: "🔔 Kabari saya",
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
    `Silakan masukan tanggal book, contoh: 01/10/2022\n\n(Tanggal yang bisa dipilih: ${formatDateDmy(first)} s.d. ${formatDateDmy(last)})`,
  askBranch: () => "Pilih cabang tempat Anda ingin servis:",
  branchButton: (name, address) => branchLabel(name, address),
  askDevice: (date) => `Tanggal: ${formatDateLong(date, "id")}\n\nSilakan pilih device Anda:`,
  askSlot: (date, device) => `Tanggal: ${formatDateLong(date, "id")}\nDevice: ${device}\n\nSilakan pilih jam servis:`,
  slotButton: (label, remaining) => `Pukul : ${label} (sisa ${remaining})`,
  askPart: (device) => `Silakan pilih spare part untuk ${device}:`,
  partButton: (part, price, days) => `${part} - ${formatRupiah(price)}${days ? ` (inden, ${days} hari)` : ""}`,
  diagnosisButton: (fee) => `Belum tahu / cek dulu${fee > 0 ? ` - ${formatRupiah(fee)}` : ""}`,
  askPhone: () =>
    "Nomor HP Anda, agar toko bisa menghubungi Anda: tekan tombol \"Bagikan nomor HP\" di bawah, atau ketik nomornya (contoh: 0812 3456 7890).\n\nKetik /cancel untuk berhenti.",
  askPhoneRemembered: (phone) => `Toko akan menghubungi Anda di nomor ${phone}. Pakai nomor ini?`,
  buttonSharePhone: "Bagikan nomor HP",
  buttonUsePhone: (phone) => `Pakai ${phone}`,
  buttonChangePhone: "Ganti nomor",
  phoneSaved: (phone, linked) =>
    [`No. HP: ${phone} ✓`, linked.length ? `Booking dari toko dengan nomor ini kini terhubung ke chat ini: ${linked.join(", ")}.` : ""]
      .filter(Boolean)
      .join("\n\n"),
  askFault: ({ description, photoCount, maxPhotos }) =>
    [
      "Ceritakan kerusakannya (opsional): ketik keterangan singkat (maks. 500 karakter) dan/atau kirim foto (maks. 3).",
      description || photoCount
        ? `Keluhan: ${description ? shorten(description, 200) : "-"}\nFoto: ${photoCount}/${maxPhotos}\n\nKirim lagi untuk menambah atau mengganti keterangan, lalu tekan Selesai.`
        : "Tekan Lewati jika tidak ada.",
    ].join("\n\n"),
  buttonSkip: "Lewati",
  buttonDone: "Selesai",
  askPayment: () => "Silakan pilih metode pembayaran:",
  paymentMethod: (method) => METHODS[method],
  summary: (f) => `Ringkasan Booking\n\n${lines(f)}\n\nTekan Book Now untuk membuat booking.`,
  booked: (f) => `Ringkasan Booking\n\n${lines(f)}\n\n✅ Booking dibuat.`,
  confirmation: (f, url, payment) =>
    [
      `✅ Booking berhasil!\n\nKode booking: ${f.bookingCode}\nJadwal: ${formatDateLong(f.serviceDate, "id")}, ${f.slotLabel} di ${f.shopName}`,
      f.paymentMethod === "pay_at_shop"
        ? f.amountIdr > 0
          ? `Bayar ${formatRupiah(f.amountIdr)} di kasir toko saat Anda datang. Jadwal Anda tetap tersimpan.`
          : "Tidak ada yang perlu dibayar sekarang: biaya perbaikan ditentukan setelah pengecekan di toko dan dibayar di kasir."
        : payment
        ? `Silakan transfer ke Virtual Account ${payment.bank.toUpperCase()}\nNomor VA: ${payment.vaNumber}\nJumlah: ${formatRupiah(payment.amountIdr)}\nBayar sebelum: ${formatWibDateTime(payment.expiresAt)}`
        : f.holdExpiresAt && !f.virtualAccountFollows
          ? `Silakan bayar sebelum ${formatWibDateTime(f.holdExpiresAt)}, jika tidak booking dibatalkan otomatis.`
          : "",
      whereToCome(f.location),
      f.paymentMethod === "pay_at_shop" ? `Cek status: ${url}` : `Bayar dan cek status: ${url}`,
    ]
      .filter(Boolean)
      .join("\n\n"),
  unpaidReminder: (bookings) =>
    `Anda masih punya booking yang belum dibayar:\n${bookings.map((b) => `• ${b.bookingCode}, bayar di ${b.statusUrl}`).join("\n")}\n\nBooking baru tetap bisa dibuat di bawah ini.`,
  alreadyBooked: (code) => `Booking Anda sudah dibuat. Kode booking: ${code}`,
  tooManyUnpaid: (codes) =>
    `Maaf, booking baru belum bisa dibuat: Anda masih punya ${codes.length} booking yang belum dibayar (${codes.join(", ")}).\n\nSilakan bayar atau batalkan dulu lewat /status, contoh: /status ${codes[0] ?? ""}. Setelah itu ketik /order untuk booking lagi.`,
  notice,
  retypeDate: "Ketik tanggal lain, contoh: 01/10/2022.",
  wizardCancelled:
    "Pengisian dibatalkan. Booking yang sudah dibuat tidak berubah; untuk membatalkan booking, ketik /status lalu kode bookingnya. Ketik /order untuk mulai lagi.",
  statusPromptClosed: "Oke, cek status ditutup. Ketik /help untuk melihat menu.",
  nothingToCancel: "Tidak ada proses yang sedang berjalan. Ketik /order untuk booking servis.",
  idleHint: "Ketik /order untuk booking servis, /status untuk cek status, atau /help untuk bantuan.",
  unknownCommand: "Perintah tidak dikenal. Menu yang tersedia: /help /order /catalog /status",
  privateOnly: (bot) => `Silakan chat saya secara pribadi untuk booking: https://t.me/${bot}`,
  catalogTitle: (shop) => `Katalog servis ${shop}`,
  catalogEmpty: "Katalog sedang kosong. Silakan coba lagi nanti.",
  askStatusCode: "Silakan masukan kode booking Anda (8 angka), contoh: 62473383",
  statusBadFormat: "Kode booking terdiri dari 8 angka, contoh: 62473383. Silakan coba lagi.",
  openBookings: (bookings) =>
    `Booking aktif Anda di chat ini:\n\n${bookings
      .map((b) => `• ${b.bookingCode}: ${formatDateDmy(b.serviceDate)}, ${b.slotLabel}\n  ${LABELS.payment[b.paymentStatus]}, ${LABELS.repair[b.repairStatus]}`)
      .join("\n")}\n\nTekan kodenya untuk melihat statusnya.`,
  noOpenBookings: "Belum ada booking aktif di chat ini. Ketik /order untuk booking servis.",
  statusNotFound: (code) => `Kode booking ${code} tidak ditemukan di chat ini. Periksa kembali kode Anda.`,
  statusRateLimited: (minutes) => `Terlalu banyak percobaan kode yang salah. Silakan coba lagi dalam ${minutes} menit.`,
  statusSummary: (f, url) =>
    `Data Order\n\n${lines(f)}\n${LABELS.paymentHeading}: ${LABELS.payment[f.paymentStatus]}\n${repairStatusLine(f.repairStatus, "id")}\n\nHalaman status: ${url}`,
  cancelBookingConfirm: (code) => `Batalkan booking ${code}? Jadwal Anda akan dilepas untuk pelanggan lain.`,
  bookingCancelled: (code) => `Booking ${code} telah dibatalkan dan jadwalnya dilepas. Ketik /order untuk booking lagi.`,
  cancelNotAllowed: (code) => `Booking ${code} tidak bisa dibatalkan lagi (sudah dibayar, selesai atau dibatalkan). Hubungi toko untuk bantuan.`,
  cancelPaidContact: (code, contact) =>
    `Booking ${code} sudah dibayar, jadi pembatalan dan pengembalian dana diurus oleh toko. ${contactLine(contact)}`,
  buttonReschedule: "Ubah jadwal",
  rescheduleAskDate: (b, first, last) =>
    `Ubah jadwal booking ${b.bookingCode}\nJadwal sekarang: ${formatDateLong(b.serviceDate, "id")}, ${b.slotLabel}\n\nPilih tanggal baru, atau ketik tanggalnya (contoh: 01/10/2022; bisa ${formatDateDmy(first)} s.d. ${formatDateDmy(last)}):`,
  dateButton: (date) => `${SHORT_DAYS[weekdayOf(date)]} ${formatDateDmy(date).slice(0, 5)}`,
  rescheduleAskSlot: (code, date) => `Ubah jadwal booking ${code}\nTanggal baru: ${formatDateLong(date, "id")}\n\nSilakan pilih jam servis:`,
  rescheduleConfirm: (b, to) =>
    `Pindahkan booking ${b.bookingCode}?\n\nDari: ${formatDateLong(b.serviceDate, "id")}, ${b.slotLabel}\nKe: ${formatDateLong(to.serviceDate, "id")}, ${to.slotLabel}`,
  buttonConfirmReschedule: "Ya, ubah jadwal",
  rescheduleDone: (b) => `✅ Jadwal booking ${b.bookingCode} sudah diubah ke ${formatDateLong(b.serviceDate, "id")}, ${b.slotLabel}.`,
  rescheduleAlready: (code) => `Jadwal booking ${code} sudah diubah.`,
  rescheduleCancelled: (code) => `Ubah jadwal dibatalkan; jadwal booking ${code} tidak berubah.`,
  rescheduleRefused: (code, reason, hours) =>
    reason === "too_late"
      ? `Maaf, jadwal booking ${code} hanya bisa diubah sampai ${hours} jam sebelum jadwalnya. Silakan hubungi toko.`
      : reason === "hold_lapsed"
        ? `Batas waktu pembayaran booking ${code} sudah lewat, jadi jadwalnya tidak bisa diubah. Silakan booking lagi dengan /order.`
        : `Jadwal booking ${code} tidak bisa diubah lagi (sudah dikerjakan, selesai atau dibatalkan).`,
  languagePrompt: "Pilih bahasa / Choose your language:",
  languageChanged: "Bahasa diganti ke Bahasa Indonesia. Ketik /help untuk melihat menu.",
  languageButton: "🇮🇩 Bahasa Indonesia",
  apology: "Maaf, terjadi kesalahan di sistem kami. Silakan coba lagi sebentar lagi.",
  paymentLinkMessage: (f, url) =>
    `Halo ${f.customerName}, booking servis Anda di ${f.shopName} sudah dibuat.\n\nKode booking: ${f.bookingCode}\nJadwal: ${formatDateLong(f.serviceDate, "id")}, ${f.slotLabel}\nTotal: ${formatRupiah(f.amountIdr)}\n\nBayar dan cek status di: ${url}`,
  commands: [
    { command: "start", description: "Mulai dan lihat menu" },
    { command: "help", description: "Bantuan dan daftar menu" },
    { command: "order", description: "Booking servis" },
    { command: "catalog", description: "Daftar device, spare part dan harga" },
    { command: "status", description: "Cek status layanan dengan kode booking" },
    { command: "garansi", description: "Klaim garansi servis dengan kode booking" },
    { command: "cancel", description: "Hentikan pengisian booking (booking yang sudah dibuat: /status)" },
    { command: "bahasa", description: "Ganti bahasa (English)" },
  ],
  warranty: WARRANTY_TEXTS.id,
};
