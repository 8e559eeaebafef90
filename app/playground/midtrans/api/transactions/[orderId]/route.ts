// POST /playground/midtrans/api/transactions/<order_id> – the payment simulator: pay, deny, expire or re-send (PLAYGROUND only)
import { withPlayground } from "@/lib/playground/guard";
import { readJsonObject } from "@/lib/playground/http";
import { answerPaymentAction } from "@/lib/playground/midtrans/http";
import { simulate, transactionByOrderId, type PayAction } from "@/lib/playground/midtrans/simulate";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ orderId: string }> };

export const POST = withPlayground(async (request: Request, { params }: Context) => {
  const [{ orderId }, body] = await Promise.all([params, readJsonObject(request)]);
  return answerPaymentAction(() => {
    const transaction = transactionByOrderId(orderId);
    return transaction ? simulate(transaction, String(body?.action) as PayAction) : undefined;
  });
});
