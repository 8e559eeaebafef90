// GET /playground/midtrans/api/transactions – the payment simulator's list of transactions (PLAYGROUND only)
import { withPlayground } from "@/lib/playground/guard";
import { answerJson } from "@/lib/playground/http";
import { simulatorOverview } from "@/lib/playground/midtrans/simulate";

export const dynamic = "force-dynamic";

export const GET = withPlayground(async () => answerJson(simulatorOverview));
