// POST /playground/midtrans/api/pay-code – the payment simulator: pay a VA number or Mandiri bill key (PLAYGROUND only)
import { withPlayground } from "@/lib/playground/guard";
import { readJsonObject } from "@/lib/playground/http";
import { answerPaymentAction } from "@/lib/playground/midtrans/http";
import { simulate, transactionByPaymentCode } from "@/lib/playground/midtrans/simulate";

export const dynamic = "force-dynamic";

export const POST = withPlayground(async (request: Request) => {
  const body = await readJsonObject(request);
  return answerPaymentAction(() => {
    const transaction = transactionByPaymentCode(String(body?.code ?? ""));
    return transaction ? simulate(transaction, "pay") : undefined;
  });
});
