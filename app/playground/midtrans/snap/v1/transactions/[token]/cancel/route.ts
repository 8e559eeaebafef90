// POST /playground/midtrans/snap/v1/transactions/<token>/cancel – Snap stand-in: close an unused payment page (PLAYGROUND only)
import { withPlayground } from "@/lib/playground/guard";
import { cancelSnapSession } from "@/lib/playground/midtrans/api";
import { answerMidtransApi } from "@/lib/playground/midtrans/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

export const POST = withPlayground(async (request: Request, { params }: Context) => {
  const { token } = await params;
  return answerMidtransApi(request, "snap", () => cancelSnapSession(token));
});
