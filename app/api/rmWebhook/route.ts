// POST|GET /api/rmWebhook – (the paper's URL) removes the bot's webhook; the owner only; answers true/false
import { withAdmin } from "@/lib/admin/guard";
import { runWebhookOp } from "@/lib/telegram/webhook-ops";

export const dynamic = "force-dynamic";

const handle = withAdmin(
  async (_request, { admin, ip }) => {
    const done = await runWebhookOp("remove", { actor: admin.username, ip });
    return Response.json(done, { status: done ? 200 : 502 });
  },
  { changesOnGet: true, ownerOnly: true },
);

export const POST = handle;
export const GET = handle;
