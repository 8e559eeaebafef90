// POST /playground/midtrans/v2/<order_id>/refund – Core API stand-in: refund a settled transaction (PLAYGROUND only)
import { withPlayground } from "@/lib/playground/guard";
import { refundPlaygroundTransaction } from "@/lib/playground/midtrans/api";
import { answerMidtransApi } from "@/lib/playground/midtrans/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ orderId: string }> };

export const POST = withPlayground(async (request: Request, { params }: Context) => {
  const { orderId } = await params;
  return answerMidtransApi(request, "core", (body) => refundPlaygroundTransaction(orderId, body));
});
