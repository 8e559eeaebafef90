import { removeBotWebhook, setBotWebhook } from "./webhook-admin";

/** The paper's /api/setWebhook and /api/rmWebhook answer true or false; a refusal is logged, not shown. */
export async function runWebhookOp(op: "set" | "remove"): Promise<boolean> {
  try {
    if (op === "set") await setBotWebhook();
    else await removeBotWebhook();
    return true;
  } catch (error) {
    console.error(`[webhook] ${op} failed: ${(error as Error).message}`);
    return false;
  }
}
