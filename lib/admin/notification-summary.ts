import type { AuditEntry } from "@/db/schema";

/** How the payments monitor reads one audit entry about a Midtrans notification. */
export interface NotificationSummary {
  orderId: string;
  transactionStatus: string;
  verdict: string;
  tone: "ok" | "bad" | "neutral";
}

const VERDICT_TEXT: Record<string, [string, NotificationSummary["tone"]]> = {
  applied: ["diterapkan", "ok"],
  reversal: ["diterapkan (pembalikan)", "bad"],
  duplicate: ["duplikat, diabaikan", "neutral"],
  backwards: ["lebih lama, diabaikan", "neutral"],
  unknown_status: ["status tak dikenal", "neutral"],
  bad_signature: ["tanda tangan ditolak", "bad"],
  amount_mismatch: ["jumlah tidak cocok, ditolak", "bad"],
  status_mismatch: ["status tidak cocok dengan status_code bertanda tangan, ditolak", "bad"],
  unknown_order: ["order tidak dikenal", "bad"],
  malformed: ["format salah, ditolak", "bad"],
  too_large: ["terlalu besar, ditolak", "bad"],
  not_confirmed: ["tidak dikonfirmasi Status API, ditolak", "bad"],
};

export function notificationSummary(entry: AuditEntry): NotificationSummary {
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const notification = (after.notification ?? {}) as Record<string, unknown>;
  const verdictKey = String(after.verdict ?? "");
  const [verdict, tone] = VERDICT_TEXT[verdictKey] ?? [verdictKey || entry.action, "neutral" as const];
  return {
    orderId: String(notification.order_id ?? after.midtransOrderId ?? entry.entityId),
    transactionStatus: String(after.transactionStatus ?? notification.transaction_status ?? "—"),
    verdict,
    tone,
  };
}
