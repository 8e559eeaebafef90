import type { Database } from "../client";
import { auditLog, type AuditEntry } from "../schema";
import { storableJson, storableText } from "../storable";

export interface AuditInput {
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/**
 * The audit log is append-only: there is no update or delete for it anywhere.
 * It records what arrived as it arrived, except for characters Postgres cannot
 * store (see storable.ts), so that recording a hostile body never fails.
 */
export async function insertAuditEntry(db: Database, entry: AuditInput): Promise<AuditEntry> {
  const rows = await db
    .insert(auditLog)
    .values({
      actor: storableText(entry.actor),
      entity: entry.entity,
      entityId: storableText(entry.entityId),
      action: entry.action,
      before: storableJson(entry.before ?? null),
      after: storableJson(entry.after ?? null),
      ip: entry.ip ? storableText(entry.ip) : null,
    })
    .returning();
  return rows[0]!;
}
