// POST /playground/midtrans/snap/v1/transactions – Snap stand-in: a payment page token (PLAYGROUND only)
import { withPlayground } from "@/lib/playground/guard";
import { createSnapTransaction } from "@/lib/playground/midtrans/api";
import { answerMidtransApi } from "@/lib/playground/midtrans/http";

export const dynamic = "force-dynamic";

export const POST = withPlayground(async (request: Request) => answerMidtransApi(request, "snap", createSnapTransaction));
