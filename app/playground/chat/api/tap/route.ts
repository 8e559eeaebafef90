// POST /playground/chat/api/tap – a simulated customer taps an inline button; a callback_query goes to the webhook
import { withPlayground } from "@/lib/playground/guard";
import { answerJson, intField, readJsonObject } from "@/lib/playground/http";
import { tapAsCustomer } from "@/lib/playground/telegram/customer-actions";

export const dynamic = "force-dynamic";

export const POST = withPlayground(async (request: Request) => {
  const body = await readJsonObject(request);
  return answerJson(() => tapAsCustomer(intField(body, "customerId"), intField(body, "messageId"), String(body?.data ?? "")));
});
