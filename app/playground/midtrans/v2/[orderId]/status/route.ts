// GET /playground/midtrans/v2/<order_id>/status – Core API stand-in: the transaction's state (PLAYGROUND only)
import { withPlayground } from "@/lib/playground/guard";
import { transactionStatus } from "@/lib/playground/midtrans/api";
import { answerMidtransApi } from "@/lib/playground/midtrans/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ orderId: string }> };

export const GET = withPlayground(async (request: Request, { params }: Context) => {
  const { orderId } = await params;
  return answerMidtransApi(request, "core", () => transactionStatus(orderId));
});
