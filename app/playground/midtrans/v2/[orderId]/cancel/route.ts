// POST /playground/midtrans/v2/<order_id>/cancel – Core API stand-in: cancel an unpaid transaction (PLAYGROUND only)
import { withPlayground } from "@/lib/playground/guard";
import { closeTransaction } from "@/lib/playground/midtrans/api";
import { answerMidtransApi } from "@/lib/playground/midtrans/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ orderId: string }> };

export const POST = withPlayground(async (request: Request, { params }: Context) => {
  const { orderId } = await params;
  return answerMidtransApi(request, "core", () => closeTransaction(orderId, "cancel"));
});
