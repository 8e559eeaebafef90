// POST /playground/midtrans/api/snap/<token> – the simulated Snap page: choose a method, pay, deny, expire, re-send (PLAYGROUND only)
import { withPlayground } from "@/lib/playground/guard";
import { readJsonObject } from "@/lib/playground/http";
import { answerPaymentAction } from "@/lib/playground/midtrans/http";
import { chooseMethod, simulate, transactionByToken, type PayAction } from "@/lib/playground/midtrans/simulate";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

export const POST = withPlayground(async (request: Request, { params }: Context) => {
  const [{ token }, body] = await Promise.all([params, readJsonObject(request)]);
  return answerPaymentAction(() => {
    const transaction = transactionByToken(token);
    if (!transaction) return undefined;
    if (typeof body?.method === "string") return chooseMethod(transaction, body.method);
    return simulate(transaction, String(body?.action) as PayAction);
  });
});
