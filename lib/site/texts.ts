import type { DraftField, DraftProblem } from "@/lib/booking/create-draft";
import type { Language } from "@/lib/booking/status-labels";

/** The home page's words, one set per language (Indonesian first, as the shop's customers read them). */
export interface HomeTexts {
  reservasi: string;
  /** Under the hero's button; the pitch above it is the owner's tagline, so this says only what the button does. */
  reservasiHint: string;
  botUnavailable: string;
  pricesHeading: string;
  chooseHeading: string;
  hoursHeading: string;
  contactHeading: string;
  branchesHeading: string;
  /** The link under another branch's address: the page again with its prices, hours and free slots. */
  showBranch(name: string): string;
  contactLabel: string;
  catalogUpdating: string;
  catalogScrollHint: string;
  device: string;
  notOffered: string;
  /** Beside a price: the part is out of stock, or must be ordered in (days). */
  outOfStock: string;
  backorder: (days: number) => string;
  fields: Record<DraftField, string>;
  problems: Record<DraftProblem, string>;
  chooseLater: string;
  chooseDevice: string;
  choosePart: string;
  dateHint: string;
  slotHint: string;
  slotLeft(remaining: number): string;
  slotFull: string;
  formErrors(count: number): string;
  checkSlots: string;
  /** Under the branch choice: the lists below are that branch's once the page is reloaded. */
  branchHint: string;
  formHint: string;
  scheduleUpdating: string;
  closedEvery(days: string): string;
  openEveryDay: string;
  horizon(days: number): string;
  holidays: string;
}

const ID: HomeTexts = {
  reservasi: "Reservasi",
  reservasiHint: "Tombol Reservasi membuka chat bot kami di Telegram.",
  botUnavailable: "Reservasi lewat Telegram sedang tidak tersedia. Silakan hubungi toko.",
  pricesHeading: "Daftar harga",
  chooseHeading: "Pilih dulu di sini",
  hoursHeading: "Jam buka",
  contactHeading: "Lokasi & kontak",
  branchesHeading: "Cabang kami",
  showBranch: (name) => `Lihat harga, jam buka dan jam kosong di ${name}`,
  contactLabel: "Lokasi dan kontak",
  catalogUpdating: "Daftar harga sedang diperbarui.",
  catalogScrollHint: "Geser tabel ke samping untuk melihat semua layanan; \u201c–\u201d berarti tidak tersedia.",
  device: "Perangkat",
  notOffered: "tidak tersedia",
  outOfStock: "stok habis",
  backorder: (days) => `inden, ${days} hari`,
  fields: { branch: "Cabang", device: "Perangkat", part: "Layanan", date: "Tanggal servis", slot: "Jam servis", payment: "Metode pembayaran" },
  problems: {
    required: "Silakan pilih dulu.",
    branch_closed: "Cabang itu sedang tidak menerima booking. Silakan pilih cabang lain.",
    not_offered: "Pilihan ini tidak tersedia untuk perangkat tersebut. Lihat daftar harga di atas.",
    format: "Tanggal tidak terbaca. Gunakan pemilih tanggal.",
    invalid: "Tanggal ini tidak ada di kalender.",
    past: "Tanggal ini sudah lewat.",
    beyond_horizon: "Tanggal ini terlalu jauh; booking hanya dibuka untuk beberapa minggu ke depan.",
    closed: "Toko tutup pada tanggal ini.",
    date_full: "Semua jam pada tanggal ini sudah penuh. Silakan pilih tanggal lain.",
    slot_needs_date: "Pilih tanggal dulu untuk memilih jam.",
    slot_unknown: "Jam ini tidak tersedia.",
    slot_full: "Jam ini sudah penuh. Silakan pilih jam lain.",
    slot_too_late: "Jam ini sudah terlalu dekat untuk dipesan. Silakan pilih jam lain.",
    out_of_stock: "Maaf, stok spare part ini sedang habis untuk perangkat tersebut. Silakan pilih layanan lain.",
    backorder_date: "Spare part ini inden (dipesan dulu), jadi belum bisa untuk tanggal ini. Pilih tanggal yang lebih lambat atau kosongkan.",
  },
  chooseLater: "Pilih nanti di Telegram",
  chooseDevice: "Pilih perangkat",
  choosePart: "Pilih layanan",
  dateHint: "Boleh dikosongkan.",
  slotHint: "Pilih tanggal lalu tekan \u201cCek jam kosong\u201d untuk melihat jam yang masih ada tempat.",
  slotLeft: (remaining) => `(sisa ${remaining})`,
  slotFull: "(penuh)",
  formErrors: (count) => `Ada ${count} pilihan yang perlu diperbaiki.`,
  checkSlots: "Cek jam kosong",
  branchHint: "Harga, stok dan jam kosong di bawah mengikuti cabang ini setelah \"Cek jam kosong\".",
  formHint: "Tombol Reservasi membuka bot Telegram kami dengan pilihan ini; sisanya ditanyakan di sana.",
  scheduleUpdating: "Jadwal servis sedang diperbarui.",
  closedEvery: (days) => `Tutup setiap ${days}. `,
  openEveryDay: "Buka setiap hari. ",
  horizon: (days) => `Booking dibuka sampai ${days} hari ke depan.`,
  holidays: "Libur",
};

const EN: HomeTexts = {
  reservasi: "Book now",
  reservasiHint: "The Book now button opens our bot in Telegram.",
  botUnavailable: "Booking in Telegram is not available right now. Please contact the shop.",
  pricesHeading: "Prices",
  chooseHeading: "Choose here first",
  hoursHeading: "Opening hours",
  contactHeading: "Location & contact",
  branchesHeading: "Our branches",
  showBranch: (name) => `See prices, opening hours and free times at ${name}`,
  contactLabel: "Location and contact",
  catalogUpdating: "The price list is being updated.",
  catalogScrollHint: "Scroll the table sideways to see every service; \u201c–\u201d means not offered.",
  device: "Device",
  notOffered: "not offered",
  outOfStock: "out of stock",
  backorder: (days) => `back-order, ${days} days`,
  fields: { branch: "Branch", device: "Device", part: "Service", date: "Service date", slot: "Service time", payment: "Payment method" },
  problems: {
    required: "Please choose one.",
    branch_closed: "That branch is not taking bookings right now. Please choose another one.",
    not_offered: "This is not offered for that device. See the price list above.",
    format: "The date could not be read. Please use the date picker.",
    invalid: "This date is not in the calendar.",
    past: "This date has passed.",
    beyond_horizon: "This date is too far ahead; bookings open only a few weeks in advance.",
    closed: "The shop is closed on this date.",
    date_full: "Every time on this date is full. Please choose another date.",
    slot_needs_date: "Choose a date first to choose a time.",
    slot_unknown: "This time is not available.",
    slot_full: "This time is full. Please choose another one.",
    slot_too_late: "This time is too soon to book. Please choose another one.",
    out_of_stock: "Sorry, this spare part is out of stock for that device. Please choose another service.",
    backorder_date: "This spare part is on back-order, so it is not there by this date yet. Choose a later date or leave it empty.",
  },
  chooseLater: "Choose later in Telegram",
  chooseDevice: "Choose a device",
  choosePart: "Choose a service",
  dateHint: "May be left empty.",
  slotHint: "Choose a date, then press \u201cCheck free times\u201d to see the times that still have room.",
  slotLeft: (remaining) => `(${remaining} left)`,
  slotFull: "(full)",
  formErrors: (count) => `${count} ${count === 1 ? "choice needs" : "choices need"} fixing.`,
  checkSlots: "Check free times",
  branchHint: "Prices, stock and free times below follow this branch after \"Check free times\".",
  formHint: "Book now opens our Telegram bot with these choices; it asks for the rest there.",
  scheduleUpdating: "The service schedule is being updated.",
  closedEvery: (days) => `Closed every ${days}. `,
  openEveryDay: "Open every day. ",
  horizon: (days) => `Bookings open up to ${days} days ahead.`,
  holidays: "Holidays",
};

export function homeTexts(language: Language): HomeTexts {
  return language === "en" ? EN : ID;
}
