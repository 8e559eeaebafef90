// GET|POST /playground/chat/api/customers – the simulated customers; POST adds one
import { withPlayground } from "@/lib/playground/guard";
import { answerJson, readJsonObject } from "@/lib/playground/http";
import { addCustomer, listCustomers } from "@/lib/playground/telegram/chat-view";

export const dynamic = "force-dynamic";

export const GET = withPlayground(async () => answerJson(listCustomers));

export const POST = withPlayground(async (request: Request) => {
  const body = await readJsonObject(request);
  return answerJson(() =>
    addCustomer({
      firstName: String(body?.firstName ?? ""),
      lastName: typeof body?.lastName === "string" ? body.lastName : undefined,
      username: typeof body?.username === "string" ? body.username : undefined,
      languageCode: typeof body?.languageCode === "string" ? body.languageCode : undefined,
    }),
  );
});
