// POST /api/midtrans/notification – payment status from Midtrans (also at /payments/midtrans-notification)
import { applyPaymentNotification, MAX_NOTIFICATION_BYTES, VERDICT_HTTP_STATUS } from "@/lib/payments/apply-notification";
import { clientIp } from "@/lib/http/client-ip";
import { readLimitedText } from "@/lib/http/read-body";
import { afterResponse } from "@/lib/http/after-response";
import { runDueWork } from "@/lib/jobs/due-work";
import { sendQueuedMessages } from "@/lib/notify/deliver";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const body = await readLimitedText(request, MAX_NOTIFICATION_BYTES);
  const verdict = await applyPaymentNotification({
    body: body.ok ? body.text : { oversized: true },
    ip: clientIp(request),
  });
  // An applied status queued the customer's message (paid, expired...): send it now, not at the next outbox sweep.
  afterResponse(verdict.kind === "applied" ? sendQueuedMessages : runDueWork);
  const status = VERDICT_HTTP_STATUS[verdict.kind];
  return Response.json(status === 200 ? { ok: true } : { error: verdict.kind }, { status });
}
