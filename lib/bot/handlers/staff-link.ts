import { redeemStaffLinkCode, type StaffLinkResult } from "@/lib/notify/staff-link-code";
import type { BotRequest } from "../bot-request";

// Staff read the admin in Indonesian; these replies are theirs, not a customer's.
const REPLY: Record<StaffLinkResult, string> = {
  linked: "✅ Chat ini sekarang menerima pemberitahuan toko: booking baru, pembayaran, pembatalan, jadwal dipindah, batas bayar habis dan refund.",
  already_linked: "Chat ini sudah menerima pemberitahuan toko.",
  wrong_code: "Kode staf salah. Periksa kode di halaman Staf admin (kode batal setelah beberapa kali salah).",
  no_code: "Tidak ada kode staf yang berlaku. Pemilik toko dapat membuat kode baru di halaman Staf admin.",
};

/** `/staff <code>` in a group or a private chat: the chat joins the staff alerts with the owner's one-time code. */
export async function linkStaffChat(req: BotRequest, payload: string): Promise<void> {
  const who = req.customer.username ? `@${req.customer.username}` : String(req.customer.id);
  const result = payload ? await redeemStaffLinkCode(req.tx, { chatId: req.chatId, typed: payload, who, now: req.now }) : "wrong_code";
  req.send(REPLY[result]);
}
