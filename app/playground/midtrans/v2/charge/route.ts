// POST /playground/midtrans/v2/charge – Core API stand-in: bank transfer VA, Mandiri bill, e-wallets (PLAYGROUND only)
import { withPlayground } from "@/lib/playground/guard";
import { chargeTransaction } from "@/lib/playground/midtrans/api";
import { answerMidtransApi } from "@/lib/playground/midtrans/http";

export const dynamic = "force-dynamic";

export const POST = withPlayground(async (request: Request) => answerMidtransApi(request, "core", chargeTransaction));
