import { formatDateDmy, formatWibDateTime } from "@/lib/booking/calendar";
import type { Language } from "@/lib/notify/messages";

/** One live wait as the customer's list names it. */
export interface WaitLine {
  serviceDate: string;
  offeredSlotLabel?: string;
  offerExpiresAt?: Date | null;
}

/** What the customer reads about the waitlist ("Daftar tunggu"), per language. */
export interface WaitlistTexts {
  joined(date: string): string;
  alreadyJoined(date: string): string;
  offer(date: string, slotLabel: string, until: Date, minutes: number): string;
  buttonTake: string;
  buttonDecline: string;
  offerGone: string;
  offerExpired(date: string, slotLabel: string): string;
  declined(date: string): string;
  left(date: string): string;
  waits(lines: WaitLine[]): string;
  buttonLeave(date: string): string;
}

const ID: WaitlistTexts = {
  joined: (date) => `🔔 Dicatat. Begitu ada tempat kosong pada ${formatDateDmy(date)}, kami kabari Anda di sini. Lihat atau keluar dari daftar tunggu lewat /status.`,
  alreadyJoined: (date) => `Anda sudah ada di daftar tunggu ${formatDateDmy(date)}. Kami kabari begitu ada tempat.`,
  offer: (date, slot, until, minutes) =>
    `🔔 Ada tempat kosong pada ${formatDateDmy(date)}, jam ${slot}!\nTempat ini kami tahan untuk Anda selama ${minutes} menit (sampai ${formatWibDateTime(until)}). Ketuk "Ambil tempat ini" untuk melanjutkan pemesanan.`,
  buttonTake: "Ambil tempat ini",
  buttonDecline: "Lewati",
  offerGone: "Tawaran ini sudah tidak berlaku.",
  offerExpired: (date, slot) => `Waktu tawaran tempat ${formatDateDmy(date)} jam ${slot} sudah habis; tempatnya kami tawarkan ke pelanggan berikutnya. Pesan tanggal lain dengan /order.`,
  declined: (date) => `Baik, tawaran dilewati. Anda keluar dari daftar tunggu ${formatDateDmy(date)}.`,
  left: (date) => `Anda keluar dari daftar tunggu ${formatDateDmy(date)}.`,
  waits: (lines) =>
    `Daftar tunggu:\n${lines
      .map((l) => `• ${formatDateDmy(l.serviceDate)}: ${l.offerExpiresAt ? `tempat jam ${l.offeredSlotLabel ?? "-"} ditahan sampai ${formatWibDateTime(l.offerExpiresAt)}` : "menunggu tempat kosong"}`)
      .join("\n")}`,
  buttonLeave: (date) => `Keluar dari daftar tunggu ${formatDateDmy(date)}`,
};

const EN: WaitlistTexts = {
  joined: (date) => `🔔 Noted. As soon as a place frees up on ${formatDateDmy(date)}, we will tell you here. See or leave the waitlist with /status.`,
  alreadyJoined: (date) => `You are already on the waitlist for ${formatDateDmy(date)}. We will tell you when a place frees up.`,
  offer: (date, slot, until, minutes) =>
    `🔔 A place is free on ${formatDateDmy(date)}, ${slot}!\nWe hold it for you for ${minutes} minutes (until ${formatWibDateTime(until)}). Tap "Take this place" to go on with the booking.`,
  buttonTake: "Take this place",
  buttonDecline: "Skip",
  offerGone: "This offer is no longer valid.",
  offerExpired: (date, slot) => `The offer of ${formatDateDmy(date)}, ${slot} has run out; the place goes to the next customer. Book another date with /order.`,
  declined: (date) => `All right, offer skipped. You have left the waitlist for ${formatDateDmy(date)}.`,
  left: (date) => `You have left the waitlist for ${formatDateDmy(date)}.`,
  waits: (lines) =>
    `Waitlist:\n${lines
      .map((l) => `• ${formatDateDmy(l.serviceDate)}: ${l.offerExpiresAt ? `place at ${l.offeredSlotLabel ?? "-"} held until ${formatWibDateTime(l.offerExpiresAt)}` : "waiting for a free place"}`)
      .join("\n")}`,
  buttonLeave: (date) => `Leave the waitlist for ${formatDateDmy(date)}`,
};

export function waitlistTexts(language: Language | string): WaitlistTexts {
  return language === "en" ? EN : ID;
}
