import type { Database } from "@/db";
import { insertAuditEntry, type AuditInput } from "@/db/queries/audit";

export type { AuditInput };

/** Records what happened, who did it and the before/after; call it inside the change's own transaction. */
export function recordAudit(tx: Database, entry: AuditInput) {
  return insertAuditEntry(tx, entry);
}
