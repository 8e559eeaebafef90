// POST /playground/chat/api/photo – a simulated customer sends the built-in photo (with the typed text as caption)
import { withPlayground } from "@/lib/playground/guard";
import { answerJson, intField, readJsonObject } from "@/lib/playground/http";
import { sendPhotoAsCustomer } from "@/lib/playground/telegram/customer-actions";

export const dynamic = "force-dynamic";

export const POST = withPlayground(async (request: Request) => {
  const body = await readJsonObject(request);
  return answerJson(async () => {
    const { message, delivery } = await sendPhotoAsCustomer(intField(body, "customerId"), typeof body?.caption === "string" ? body.caption : undefined);
    return { messageId: message.message_id, delivery };
  });
});
