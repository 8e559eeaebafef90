import { listAllBranches } from "@/db/queries/branches";
import { redeemStaffLinkCode, type StaffLinkOutcome } from "@/lib/notify/staff-link-code";
import type { BotRequest } from "../bot-request";

// Staff read the admin in Indonesian; these replies are theirs, not a customer's.
const ALERTS = "booking baru, pembayaran, pembatalan, jadwal dipindah, batas bayar habis dan refund";
const WRONG_CODE = "Kode staf salah. Periksa kode di halaman Staf admin (kode batal setelah beberapa kali salah).";
const NO_CODE = "Tidak ada kode staf yang berlaku. Pemilik toko dapat membuat kode baru di halaman Staf admin.";

/** What the chat now hears: " untuk Cabang Depok" or " untuk semua cabang"; nothing while the shop has one active branch. */
async function scopeOf(req: BotRequest, outcome: Exclude<StaffLinkOutcome, { result: "wrong_code" } | { result: "no_code" }>): Promise<{ now: string; before?: string }> {
  const branches = await listAllBranches(req.tx);
  if (branches.filter((branch) => branch.active).length < 2) return { now: "" };
  const nameOf = (branchId: number | null) => (branchId === null ? "semua cabang" : (branches.find((branch) => branch.id === branchId)?.name ?? `cabang ${branchId}`));
  return { now: ` untuk ${nameOf(outcome.branchId)}`, ...(outcome.result === "relinked" ? { before: nameOf(outcome.before) } : {}) };
}

async function replyTo(req: BotRequest, outcome: StaffLinkOutcome): Promise<string> {
  if (outcome.result === "wrong_code") return WRONG_CODE;
  if (outcome.result === "no_code") return NO_CODE;
  const scope = await scopeOf(req, outcome);
  if (outcome.result === "already_linked") return `Chat ini sudah menerima pemberitahuan toko${scope.now}.`;
  return `✅ Chat ini sekarang menerima pemberitahuan toko${scope.now}${scope.before ? ` (sebelumnya ${scope.before})` : ""}: ${ALERTS}.`;
}

/** `/staff <code>` in a group or a private chat: the chat joins the staff alerts with the owner's one-time code. */
export async function linkStaffChat(req: BotRequest, payload: string): Promise<void> {
  const who = req.customer.username ? `@${req.customer.username}` : String(req.customer.id);
  const outcome: StaffLinkOutcome = payload ? await redeemStaffLinkCode(req.tx, { chatId: req.chatId, typed: payload, who, now: req.now }) : { result: "wrong_code" };
  req.send(await replyTo(req, outcome));
}
