import type { DraftField, DraftProblem } from "@/lib/booking/create-draft";

/** The home page's words (Indonesian, as the shop's customers read them). */
export const FIELD_LABEL: Record<DraftField, string> = {
  device: "Perangkat",
  part: "Layanan",
  date: "Tanggal servis",
  slot: "Jam servis",
  payment: "Metode pembayaran",
};

export const DRAFT_PROBLEM_TEXT: Record<DraftProblem, string> = {
  required: "Silakan pilih dulu.",
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
};

/** Under the hero's button; the pitch above it is the owner's tagline, so this says only what the button does. */
export const RESERVASI_HINT = "Tombol Reservasi membuka chat bot kami di Telegram.";

export const BOT_UNAVAILABLE_TEXT = "Reservasi lewat Telegram sedang tidak tersedia. Silakan hubungi toko.";
