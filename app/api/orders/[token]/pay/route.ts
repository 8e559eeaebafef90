// POST /api/orders/{status_token}/pay – a Snap token for "Bayar Sekarang" (new, or the current one reused);
// body {"anyMethod": true}: "Pilih metode lain", Snap with every method in place of the VA
import { getDb } from "@/db";
import { afterResponse } from "@/lib/http/after-response";
import { readLimitedText } from "@/lib/http/read-body";
import { withDbErrors } from "@/lib/http/with-db-errors";
import { runDueWork } from "@/lib/jobs/due-work";
import { startSnapPayment } from "@/lib/payments/start-payment";
import { payErrorText } from "@/lib/payments/texts";
import { pageLanguage } from "@/lib/site/page-language";

export const dynamic = "force-dynamic";

const STATUS = { not_found: 404, paid: 409, in_review: 409, closed: 409, expired: 409, at_shop: 409, midtrans_refused: 502, midtrans_unavailable: 502 };

export const POST = withDbErrors(async (request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const result = await startSnapPayment(await getDb(), { token, anyMethod: await asksForAnyMethod(request) });
  afterResponse(runDueWork);
  if (result.ok) return Response.json({ token: result.token, redirect_url: result.redirect_url });
  // The page asks in the language it is shown in (?lang=), so its error reads the same.
  const error = payErrorText(result.reason, pageLanguage(new URL(request.url).searchParams.get("lang") ?? undefined));
  return Response.json({ error, reason: result.reason }, { status: STATUS[result.reason] });
});

/** The body is optional: no body, or anything but {"anyMethod": true}, keeps the order's method. */
async function asksForAnyMethod(request: Request): Promise<boolean> {
  const body = await readLimitedText(request, 1_000);
  if (!body.ok || !body.text) return false;
  try {
    return (JSON.parse(body.text) as { anyMethod?: unknown } | null)?.anyMethod === true;
  } catch {
    return false;
  }
}
