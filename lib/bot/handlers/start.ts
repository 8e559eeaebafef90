import type { BotRequest } from "../bot-request";
import { runWizard } from "../wizard-runtime";
import { loadDraft } from "./draft";
import { sendGreeting } from "./help";
import { startOrder } from "./order";

const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * /start, also reached by deep link (https://t.me/<bot>?start=<payload>):
 * no payload greets; `order` opens the wizard; a website draft opens it
 * prefilled, asking only for what is missing; an unknown or expired draft
 * opens the wizard from the start with a short note.
 */
export async function handleStart(req: BotRequest, payload: string): Promise<void> {
  if (!payload) return sendGreeting(req);
  if (payload.toLowerCase() === "order" || !PAYLOAD.test(payload)) return startOrder(req);
  const draft = await loadDraft(req, payload);
  if (!draft.found) return startOrder(req, { prefix: [req.texts.notice({ kind: "draft_stale" })] });
  const prefix = draft.dropped ? [req.texts.notice({ kind: "draft_partial" })] : [];
  await runWizard(req, { type: "draft", choices: draft.choices, branches: draft.branches }, { mode: "send" }, { prefix });
}
