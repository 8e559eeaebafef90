// POST /playground/chat/api/contact – a simulated customer taps "share phone": their own contact goes to the bot
import { withPlayground } from "@/lib/playground/guard";
import { answerJson, intField, readJsonObject } from "@/lib/playground/http";
import { shareContactAsCustomer } from "@/lib/playground/telegram/customer-actions";

export const dynamic = "force-dynamic";

export const POST = withPlayground(async (request: Request) => {
  const body = await readJsonObject(request);
  return answerJson(async () => {
    const { message, delivery } = await shareContactAsCustomer(intField(body, "customerId"));
    return { messageId: message.message_id, delivery };
  });
});
