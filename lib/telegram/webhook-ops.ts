import { getDb } from "@/db";
import { recordAudit } from "@/lib/audit/record";
import { removeBotWebhook, setBotWebhook } from "./webhook-admin";

/**
 * The paper's /api/setWebhook and /api/rmWebhook answer true or false; a
 * refusal is logged, not shown. Every attempt is audited with the admin who made it.
 */
export async function runWebhookOp(op: "set" | "remove", by: { actor: string; ip: string | null }): Promise<boolean> {
  let error: Error | undefined;
  try {
    if (op === "set") await setBotWebhook();
    else await removeBotWebhook();
  } catch (caught) {
    error = caught as Error;
    console.error(`[webhook] ${op} failed: ${error.message}`);
  }
  await recordAudit(await getDb(), {
    actor: by.actor,
    entity: "telegram_webhook",
    entityId: "bot",
    action: `webhook.${op}`,
    after: { ok: !error, ...(error ? { error: error.message.slice(0, 300) } : {}) },
    ip: by.ip,
  });
  return !error;
}
