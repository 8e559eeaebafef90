// GET /api/orders/{status_token} – the order's status as JSON (DESIGN §12); ?check=1 also asks Midtrans
import { afterResponse } from "@/lib/http/after-response";
import { withDbErrors } from "@/lib/http/with-db-errors";
import { runDueWork } from "@/lib/jobs/due-work";
import { getOrderStatus } from "@/lib/payments/order-status";

export const dynamic = "force-dynamic";

export const GET = withDbErrors(async (request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const recheck = new URL(request.url).searchParams.get("check") === "1";
  const status = await getOrderStatus(token, { recheck });
  afterResponse(runDueWork);
  if (!status) return Response.json({ error: "not_found" }, { status: 404, headers: { "cache-control": "no-store" } });
  return Response.json(status, { headers: { "cache-control": "no-store" } });
});
