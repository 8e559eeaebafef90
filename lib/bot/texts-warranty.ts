import { formatDateDmy, formatDateLong } from "@/lib/booking/calendar";
import type { ClaimBlock } from "@/lib/booking/claim-warranty";
import { formatRupiah } from "@/lib/booking/money";
import type { Language } from "@/lib/notify/messages";

/** What the customer reads while claiming a warranty (/garansi, "Klaim garansi" under /status). */
export interface WarrantyTexts {
  buttonClaim: string;
  usage: string;
  askProblem(code: string): string;
  problemTooLong(max: number): string;
  askDate(code: string, firstDate: string, lastDate: string): string;
  askSlot(code: string, serviceDate: string): string;
  confirm(code: string, to: { serviceDate: string; slotLabel: string }, problem: string, feeIdr: number): string;
  done(claim: { bookingCode: string; serviceDate: string; slotLabel: string; amountIdr: number }, of: string): string;
  already(code: string): string;
  cancelled(code: string): string;
  refused(code: string, reason: ClaimBlock, detail: { until?: string; openCode?: string }): string;
}

const fee = (amount: number, free: string, paid: string) => (amount > 0 ? `${paid} ${formatRupiah(amount)}` : free);

const ID: WarrantyTexts = {
  buttonClaim: "Klaim garansi",
  usage: "Ketik /garansi lalu kode booking yang bergaransi, contoh: /garansi 12345678",
  askProblem: (code) => `Klaim garansi booking ${code}\n\nCeritakan singkat masalahnya (maks. 500 huruf), contoh: "layar berkedip lagi". Ketik /cancel untuk batal.`,
  problemTooLong: (max) => `Ceritanya terlalu panjang; maksimal ${max} huruf. Silakan ketik lebih singkat.`,
  askDate: (code, first, last) => `Klaim garansi booking ${code}\n\nPilih tanggal servis, atau ketik tanggalnya (contoh: 01/10/2022; bisa ${formatDateDmy(first)} s.d. ${formatDateDmy(last)}):`,
  askSlot: (code, date) => `Klaim garansi booking ${code}\nTanggal: ${formatDateLong(date, "id")}\n\nSilakan pilih jam servis:`,
  confirm: (code, to, problem, amount) =>
    `Klaim garansi booking ${code}\n\nJadwal: ${formatDateLong(to.serviceDate, "id")}, ${to.slotLabel}\nMasalah: ${problem}\nBiaya: ${fee(amount, "gratis (garansi)", "dibayar di toko")}`,
  done: (c, of) =>
    `✅ Klaim garansi tercatat.\n\nKode booking baru: ${c.bookingCode} (garansi dari ${of})\nJadwal: ${formatDateLong(c.serviceDate, "id")}, ${c.slotLabel}\nBiaya: ${fee(c.amountIdr, "gratis", "dibayar di toko")}\n\nBawa perangkat Anda ke toko sesuai jadwal.`,
  already: (code) => `Klaim garansi booking ${code} sudah tercatat.`,
  cancelled: (code) => `Klaim garansi booking ${code} dibatalkan.`,
  refused: (code, reason, d) =>
    ({
      not_found: `Kode booking ${code} tidak ditemukan di chat ini. Klaim garansi hanya bisa dari chat yang memesan servisnya.`,
      no_warranty: `Booking ${code} tidak bergaransi (belum selesai, atau layanannya tanpa garansi).`,
      expired: `Garansi booking ${code} sudah habis${d.until ? ` pada ${formatDateDmy(d.until)}` : ""}. Silakan booking servis baru dengan /order.`,
      open_claim: `Klaim garansi booking ${code} masih berjalan${d.openCode ? ` (kode ${d.openCode})` : ""}. Cek statusnya dengan /status.`,
    })[reason],
};

const EN: WarrantyTexts = {
  buttonClaim: "Claim warranty",
  usage: "Send /garansi and the code of the booking under warranty, e.g. /garansi 12345678",
  askProblem: (code) => `Warranty claim for booking ${code}\n\nTell us briefly what is wrong (max. 500 characters), e.g. "the screen flickers again". Send /cancel to stop.`,
  problemTooLong: (max) => `That is too long; at most ${max} characters. Please type it shorter.`,
  askDate: (code, first, last) => `Warranty claim for booking ${code}\n\nChoose a date, or type it (e.g. 01/10/2022; from ${formatDateDmy(first)} to ${formatDateDmy(last)}):`,
  askSlot: (code, date) => `Warranty claim for booking ${code}\nDate: ${formatDateLong(date, "en")}\n\nPlease choose a time:`,
  confirm: (code, to, problem, amount) =>
    `Warranty claim for booking ${code}\n\nAppointment: ${formatDateLong(to.serviceDate, "en")}, ${to.slotLabel}\nProblem: ${problem}\nCost: ${fee(amount, "free (warranty)", "paid at the shop,")}`,
  done: (c, of) =>
    `✅ Warranty claim made.\n\nNew booking code: ${c.bookingCode} (warranty of ${of})\nAppointment: ${formatDateLong(c.serviceDate, "en")}, ${c.slotLabel}\nCost: ${fee(c.amountIdr, "free", "paid at the shop,")}\n\nPlease bring your device to the shop at that time.`,
  already: (code) => `The warranty claim for booking ${code} is already made.`,
  cancelled: (code) => `Warranty claim for booking ${code} cancelled.`,
  refused: (code, reason, d) =>
    ({
      not_found: `Booking code ${code} was not found in this chat. A warranty can only be claimed from the chat that booked the repair.`,
      no_warranty: `Booking ${code} has no warranty (not completed yet, or the service carries none).`,
      expired: `The warranty of booking ${code} ended${d.until ? ` on ${formatDateDmy(d.until)}` : ""}. Please book a new repair with /order.`,
      open_claim: `A warranty claim for booking ${code} is still open${d.openCode ? ` (code ${d.openCode})` : ""}. Check it with /status.`,
    })[reason],
};

export const WARRANTY_TEXTS: Record<Language, WarrantyTexts> = { id: ID, en: EN };
