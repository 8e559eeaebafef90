// POST /api/telegram/webhook – updates from Telegram, checked against the webhook's secret token
import { handleTelegramUpdate, MAX_UPDATE_BYTES } from "@/lib/bot/handle-update";
import { getEnv } from "@/lib/env";
import { afterResponse } from "@/lib/http/after-response";
import { readLimitedText } from "@/lib/http/read-body";
import { secretsMatch } from "@/lib/http/secrets";
import { runDueWork } from "@/lib/jobs/due-work";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  if (!secretsMatch(request.headers.get("x-telegram-bot-api-secret-token"), getEnv().TELEGRAM_WEBHOOK_SECRET)) {
    return Response.json({ error: "unauthorized" }, { status: 401 });
  }
  const text = await readLimitedText(request, MAX_UPDATE_BYTES);
  if (!text.ok) return Response.json({ error: "update too large" }, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text.text);
  } catch {
    return Response.json({ error: "body is not JSON" }, { status: 400 });
  }
  const { outcome, followUp } = await handleTelegramUpdate(body);
  // Answered once the update is committed; its messages go out right after, so Telegram's connection waits for the database only.
  if (followUp) afterResponse(followUp);
  // Bot traffic keeps holds, lost notifications and the outbox moving like the web routes do.
  afterResponse(runDueWork);
  if (outcome === "invalid") return Response.json({ error: "not a Telegram update" }, { status: 400 });
  // 503 only when nothing was kept and a retry can succeed; Telegram retries any non-2xx.
  if (outcome === "retry") return Response.json({ error: "try again" }, { status: 503 });
  return Response.json({ ok: true });
}
