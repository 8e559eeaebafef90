// GET /playground/chat/api/state?customer=<id>&after=<version> – the simulated chat, once it changes (long poll)
import { withPlayground } from "@/lib/playground/guard";
import { answerJson } from "@/lib/playground/http";
import { waitForChatView } from "@/lib/playground/telegram/chat-view";

export const dynamic = "force-dynamic";

export const GET = withPlayground(async (request: Request) => {
  const query = new URL(request.url).searchParams;
  const after = Number(query.get("after") ?? -1);
  return answerJson(() => waitForChatView(Number(query.get("customer")), Number.isFinite(after) ? after : -1, request.signal));
});
