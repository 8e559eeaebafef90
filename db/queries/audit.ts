import type { Database } from "../client";
import { auditLog, type AuditEntry } from "../schema";

export interface AuditInput {
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** The audit log is append-only: there is no update or delete for it anywhere. */
export async function insertAuditEntry(db: Database, entry: AuditInput): Promise<AuditEntry> {
  const rows = await db
    .insert(auditLog)
    .values({
      actor: entry.actor,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      before: entry.before ?? null,
      after: entry.after ?? null,
      ip: entry.ip ?? null,
    })
    .returning();
  return rows[0]!;
}
