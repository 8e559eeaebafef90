import type { AuditEntry, RepairStatus } from "@/db/schema";
import { formatDateDmy, formatWibDateTime } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { PAYMENT_METHOD_LABEL, PAYMENT_STATUS_LABEL, REPAIR_STATUS_LABEL } from "@/lib/payments/texts";

/** One line of an order's history as staff read it: "10/12 09:02 — sari: status → Siap diambil". */
export interface AuditLine {
  /** "10/12 09:02" (WIB). */
  at: string;
  /** The full time, for a tooltip: "10/12/2026 09:02 WIB". */
  atFull: string;
  /** Who did it when it was a person ("sari", "Pelanggan (Telegram)"); Midtrans' news speak for themselves. */
  who?: string;
  text: string;
  /** The stored before/after, pretty JSON without secrets, for a folded "detail". */
  detail?: string;
}

type Json = Record<string, unknown>;
type Entry = Pick<AuditEntry, "at" | "actor" | "action" | "before" | "after">;

/** Keys never shown, even if an old row stored them (Midtrans' signature of a notification). */
const HIDDEN_KEYS = new Set(["signature_key"]);

/** A copy of a stored value without the hidden keys, at any depth. */
export function redactAuditValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactAuditValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !HIDDEN_KEYS.has(key)).map(([key, v]) => [key, redactAuditValue(v)]));
  }
  return value;
}

const obj = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});
const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

function actorName(actor: string): string | undefined {
  if (actor === "midtrans") return undefined;
  if (actor.startsWith("telegram:")) return "Pelanggan (Telegram)";
  if (actor === "cli") return "Baris perintah";
  return actor;
}

const PAYMENT_TYPE_LABEL: Record<string, string> = {
  echannel: "Mandiri Bill",
  gopay: "GoPay",
  shopeepay: "ShopeePay",
  qris: "QRIS",
  credit_card: "Kartu kredit",
  cash: "Tunai",
  cstore: "Gerai",
};

/** "BCA VA", "GoPay"… from what Midtrans sent (the notification, else the Status API's answer). */
function paidWith(after: Json): string | undefined {
  const tx = { ...obj(after.midtrans), ...obj(after.notification) };
  const type = str(tx.payment_type);
  if (type === "bank_transfer") {
    const [va] = Array.isArray(tx.va_numbers) ? tx.va_numbers : [];
    const bank = str(obj(va).bank) ?? (tx.permata_va_number ? "permata" : undefined);
    return bank ? `${bank.toUpperCase()} VA` : "transfer bank";
  }
  return type ? (PAYMENT_TYPE_LABEL[type] ?? type) : undefined;
}

const IGNORED_REASON: Record<string, string> = {
  duplicate: "sudah tercatat",
  backwards: "status lama",
  unknown_status: "status tidak dikenal",
};

function paymentChange(after: Json): string {
  const status = str(after.paymentStatus);
  const via = paidWith(after);
  const suffix = via ? ` (${via})` : "";
  if (after.verdict === "reversal") return `Pembayaran dibatalkan Midtrans${suffix}: ${str(after.transactionStatus) ?? "?"}`;
  switch (status) {
    case "paid":
      return `Pembayaran diterima${suffix}`;
    case "pending":
      return `Menunggu pembayaran${suffix}`;
    case undefined:
      return `Status pembayaran berubah${suffix}`;
    default:
      return `${PAYMENT_STATUS_LABEL[status as keyof typeof PAYMENT_STATUS_LABEL] ?? status}${suffix}`;
  }
}

function repairLabel(value: unknown): string {
  return REPAIR_STATUS_LABEL[value as RepairStatus] ?? String(value);
}

function sentence(action: string, after: Json): string {
  switch (action) {
    case "order.created": {
      const method = str(after.paymentMethod);
      const what = [str(after.part), str(after.device)].filter(Boolean).join(" – ");
      const when = str(after.serviceDate) ? `${formatDateDmy(str(after.serviceDate)!)} ${str(after.slot) ?? ""}`.trim() : undefined;
      return ["Booking dibuat", [what, when, method && (PAYMENT_METHOD_LABEL[method] ?? method)].filter(Boolean).join(", ")].filter(Boolean).join(": ");
    }
    case "order.repair_status":
      return `status → ${repairLabel(after.repairStatus)}`;
    case "order.rescheduled":
      return `jadwal dipindah ke ${str(after.serviceDate) ? formatDateDmy(str(after.serviceDate)!) : "?"}, ${str(after.slotLabel) ?? ""}`.replace(/, $/, "");
    case "order.cancelled": {
      const reason = str(after.reason);
      return `pesanan dibatalkan${reason ? ` (${reason})` : ""}${after.needsRefund ? "; perlu refund" : ""}`;
    }
    case "payment.cash_recorded":
      return `bayar tunai dicatat${typeof after.amountIdr === "number" ? ` ${formatRupiah(after.amountIdr)}` : ""}`;
    case "payment.status_changed":
      return paymentChange(after);
    case "payment.notification_ignored":
      return `Notifikasi Midtrans diabaikan (${IGNORED_REASON[str(after.verdict) ?? ""] ?? str(after.verdict) ?? "?"})`;
    case "order.note_added":
      return "catatan internal ditambahkan";
    case "payment.needs_refund":
      return after.reason === "paid_after_cancellation" ? "Perlu refund: dibayar setelah pesanan dibatalkan" : "Perlu refund: pembayaran ganda";
    default:
      return action;
  }
}

/** "10/12 09:02" in WIB. */
function shortTime(at: Date): string {
  const full = formatWibDateTime(at); // "10/12/2026 09:02 WIB"
  return `${full.slice(0, 5)} ${full.slice(11, 16)}`;
}

/** Maps one audit entry of an order to the line its history shows. */
export function describeAuditEntry(entry: Entry): AuditLine {
  const after = obj(entry.after);
  const hasDetail = entry.before != null || entry.after != null;
  const who = actorName(entry.actor);
  let text = sentence(entry.action, after);
  // A person's act reads "sari: status → …"; a line that names its own subject starts with a capital.
  if (!who) text = text.charAt(0).toUpperCase() + text.slice(1);
  return {
    at: shortTime(entry.at),
    atFull: formatWibDateTime(entry.at),
    who,
    text,
    detail: hasDetail ? JSON.stringify(redactAuditValue({ sebelum: entry.before ?? null, sesudah: entry.after ?? null }), null, 2) : undefined,
  };
}
