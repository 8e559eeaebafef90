// POST|GET /playground/telegram/bot<token>/<method> – the Bot API stand-in (PLAYGROUND only)
import { withPlayground } from "@/lib/playground/guard";
import { handleBotApiRequest } from "@/lib/playground/telegram/call-method";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ bot: string; method: string }> };

const handle = withPlayground(async (request: Request, { params }: Context) => {
  const { bot, method } = await params;
  return handleBotApiRequest(request, bot, method);
});

export const GET = handle;
export const POST = handle;
