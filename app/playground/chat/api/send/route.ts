// POST /playground/chat/api/send – a simulated customer sends a message; it goes to the bot's webhook as an update
import { withPlayground } from "@/lib/playground/guard";
import { answerJson, intField, readJsonObject } from "@/lib/playground/http";
import { sendAsCustomer } from "@/lib/playground/telegram/customer-actions";

export const dynamic = "force-dynamic";

export const POST = withPlayground(async (request: Request) => {
  const body = await readJsonObject(request);
  return answerJson(async () => {
    const { message, delivery } = await sendAsCustomer(intField(body, "customerId"), String(body?.text ?? ""));
    return { messageId: message.message_id, delivery };
  });
});
