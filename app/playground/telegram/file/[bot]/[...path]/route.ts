// GET /playground/telegram/file/bot<token>/<file_path> – a file a simulated customer sent, as Telegram serves it (PLAYGROUND only)
import { withPlayground } from "@/lib/playground/guard";
import { downloadFile } from "@/lib/playground/telegram/file-methods";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ bot: string; path: string[] }> };

export const GET = withPlayground(async (_request: Request, { params }: Context) => {
  const { bot, path } = await params;
  return downloadFile(bot, path.join("/"));
});
