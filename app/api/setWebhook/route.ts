// POST|GET /api/setWebhook – (the paper's URL) points the bot at this deployment; answers true/false
import { authorizeOps } from "@/lib/http/authorize-ops";
import { runWebhookOp } from "@/lib/telegram/webhook-ops";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  if (!(await authorizeOps(request))) return Response.json({ error: "unauthorized" }, { status: 401 });
  const done = await runWebhookOp("set");
  return Response.json(done, { status: done ? 200 : 502 });
}

export const POST = handle;
export const GET = handle;
